import type { PromptDefinition } from "../prompts/define.js";
import { INVALID_PARAMS, protocolError } from "./protocol-error.js";
import { visibleLine } from "./visible.js";

/** Longest argument kept: a pasted webhook body (check_webhook) can be long, a name cannot. */
const MAX_ARGUMENT_CHARS = 1024 * 1024;

/** prompts/list for the prompts whose tools are enabled. */
export function listPrompts(prompts: readonly PromptDefinition[]) {
  return {
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
  };
}

/** prompts/get: the prompt's message with the arguments given, or a protocol error that says what is missing. */
export function getPrompt(
  prompts: readonly PromptDefinition[],
  params: { name: string; arguments?: Record<string, string> | undefined },
) {
  const prompt = prompts.find((candidate) => candidate.name === params.name);
  if (prompt === undefined) {
    throw protocolError(INVALID_PARAMS, `Unknown prompt "${params.name}". Call prompts/list to see them.`);
  }
  const given = params.arguments ?? {};
  const values = new Map<string, string>();
  for (const argument of prompt.arguments) {
    const value = given[argument.name]?.trim() ?? "";
    if (argument.required && value === "") {
      throw protocolError(
        INVALID_PARAMS,
        `${prompt.name} needs the argument "${argument.name}": ${argument.description}`,
      );
    }
    if (value.length > MAX_ARGUMENT_CHARS) {
      throw protocolError(
        INVALID_PARAMS,
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
}
