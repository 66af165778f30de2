import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { PromptDefinition } from "../prompts/define.js";
import { protocolError } from "./protocol-error.js";
import { visibleLine } from "./visible.js";

/** Longest argument kept: a pasted webhook body (check_webhook) can be long, a name cannot. */
const MAX_ARGUMENT_CHARS = 1024 * 1024;

/** prompts/list and prompts/get for the prompts whose tools are enabled. */
export function registerPrompts(server: Server, { prompts }: { prompts: readonly PromptDefinition[] }): void {
  server.setRequestHandler(ListPromptsRequestSchema, () => ({
    prompts: prompts.map(({ name, title, description, arguments: args }) => ({
      name,
      title,
      description,
      arguments: args.map(({ name: argument, description: about, required }) => ({
        name: argument,
        description: about,
        required,
      })),
    })),
  }));

  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    const prompt = prompts.find((candidate) => candidate.name === request.params.name);
    if (prompt === undefined) {
      throw protocolError(
        ErrorCode.InvalidParams,
        `Unknown prompt "${request.params.name}". Call prompts/list to see them.`,
      );
    }
    const given = request.params.arguments ?? {};
    const values = new Map<string, string>();
    for (const argument of prompt.arguments) {
      const value = given[argument.name]?.trim() ?? "";
      if (argument.required && value === "") {
        throw protocolError(
          ErrorCode.InvalidParams,
          `${prompt.name} needs the argument "${argument.name}": ${argument.description}`,
        );
      }
      if (value.length > MAX_ARGUMENT_CHARS) {
        throw protocolError(
          ErrorCode.InvalidParams,
          `The argument "${argument.name}" is longer than ${MAX_ARGUMENT_CHARS} characters.`,
        );
      }
      // A value is the user's own words, but one line of them: hidden characters are shown, not passed on.
      values.set(argument.name, argument.name === "payload" ? value : visibleLine(value));
    }
    return {
      description: prompt.description,
      messages: [
        {
          role: "user" as const,
          content: { type: "text" as const, text: prompt.render((name) => values.get(name) ?? "") },
        },
      ],
    };
  });
}
