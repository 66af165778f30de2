import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CompleteRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { PromptDefinition } from "../prompts/define.js";
import { redact } from "../redact.js";
import type { AnyTool } from "../tools/define.js";
import { eventTypesMarkdown } from "../webhooks/event-types.js";
import { protocolError } from "./protocol-error.js";
import type { ModelView } from "./view.js";

/** Runs a tool as tools/call would, for a resource read or a completion. */
export type RunTool = (
  tool: AnyTool,
  args: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<{ view: ModelView } | { error: string; category?: string | undefined }>;

const EVENT_TYPES_URI = "workos://webhooks/event-types";
/** MCP's code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;
/** Completions offered at once: enough to choose from, few enough to read. */
const COMPLETIONS = 20;

interface Template {
  tool: AnyTool;
  variable: string;
  pattern: RegExp;
}

function templatesOf(tools: readonly AnyTool[]): Template[] {
  return tools.flatMap((tool) => {
    if (tool.resource === undefined) return [];
    const { uriTemplate } = tool.resource;
    const variable = /\{(\w+)\}/.exec(uriTemplate)?.[1] as string;
    const [before, after] = uriTemplate.split(`{${variable}}`) as [string, string];
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return [{ tool, variable, pattern: new RegExp(`^${literal(before)}([^/?#]+)${literal(after)}$`) }];
  });
}

/**
 * Resources: a template per get tool that declares one (workos://organizations/{organization_id} …), read as
 * the same compact view the tool returns, and one static text, the webhook event types explained. Completion
 * offers ids for the templates and organization names for the prompts, from a fragment of a name.
 */
export function registerResources(
  server: Server,
  { tools, prompts, run }: { tools: readonly AnyTool[]; prompts: readonly PromptDefinition[]; run: RunTool },
): void {
  const templates = templatesOf(tools);
  const webhooks = tools.some((tool) => tool.name === "validate_webhook");

  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: webhooks
      ? [
          {
            uri: EVENT_TYPES_URI,
            name: "webhook-event-types",
            title: "WorkOS webhook event types",
            description: "The WorkOS events validate_webhook explains, and what each means.",
            mimeType: "text/markdown",
          },
        ]
      : [],
  }));

  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: templates.map(({ tool }) => ({
      uriTemplate: tool.resource?.uriTemplate as string,
      name: tool.resource?.name as string,
      title: tool.title.replace(/^Get (A |An )?/, "WorkOS "),
      description: tool.resource?.description as string,
      mimeType: "application/json",
    })),
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const { uri } = request.params;
    if (uri === EVENT_TYPES_URI && webhooks) {
      return { contents: [{ uri, mimeType: "text/markdown", text: eventTypesMarkdown() }] };
    }
    for (const { tool, variable, pattern } of templates) {
      const match = pattern.exec(uri);
      if (match === null) continue;
      const outcome = await run(tool, { [variable]: decodeURIComponent(match[1] as string) }, extra.signal);
      if ("error" in outcome) {
        const code = outcome.category === "not_found" ? RESOURCE_NOT_FOUND : ErrorCode.InvalidParams;
        throw protocolError(code, redact(outcome.error));
      }
      return {
        contents: [{ uri, mimeType: "application/json", text: redact(JSON.stringify(outcome.view)) }],
      };
    }
    throw protocolError(
      RESOURCE_NOT_FOUND,
      `No resource at ${uri.slice(0, 200)}. resources/templates/list shows the forms.`,
    );
  });

  server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
    const { ref, argument } = request.params;
    let finder: AnyTool | undefined;
    let field: "id" | "name" = "id";
    if (ref.type === "ref/resource") {
      const template = templates.find(({ tool }) => tool.resource?.uriTemplate === ref.uri);
      if (template?.variable === argument.name) finder = tools.find((tool) => tool.finds === argument.name);
    } else {
      const prompt = prompts.find((candidate) => candidate.name === ref.name);
      if (prompt?.arguments.find((arg) => arg.name === argument.name)?.completes === "organization") {
        finder = tools.find((tool) => tool.finds === "organization_id");
        field = "name";
      }
    }
    const values =
      finder === undefined ? [] : await complete(finder, argument.value, field, run, extra.signal);
    return { completion: { values: values.slice(0, COMPLETIONS), hasMore: values.length > COMPLETIONS } };
  });
}

/** Ids (or names) of the objects whose name contains the fragment, or whose id starts with it. */
async function complete(
  finder: AnyTool,
  fragment: string,
  field: "id" | "name",
  run: RunTool,
  signal: AbortSignal,
): Promise<string[]> {
  const typingAnId = /^[a-z_]+_[0-9A-Z]*$/.test(fragment) && fragment.includes("_") && field === "id";
  const args = { limit: COMPLETIONS + 1, ...(fragment === "" || typingAnId ? {} : { search: fragment }) };
  const outcome = await run(finder, args, signal);
  if ("error" in outcome) return [];
  const items = outcome.view.data as { id?: unknown; name?: unknown }[];
  return items
    .map((item) => item[field])
    .filter(
      (value): value is string => typeof value === "string" && (!typingAnId || value.startsWith(fragment)),
    );
}
