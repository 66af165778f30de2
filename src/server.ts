import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { WorkOSClient } from "./client/client.js";
import { WorkOSError } from "./client/errors.js";
import { VERSION } from "./client/version.js";
import { type Config, type Environment, environmentOf } from "./config.js";
import { log } from "./log.js";
import { coerceArguments } from "./tools/coerce.js";
import type { AnyTool } from "./tools/define.js";
import { tools as allTools } from "./tools/index.js";
import { renderResult } from "./tools/render.js";
import { describeWorkOSError } from "./workos-error-text.js";

export interface ServerDeps {
  client: WorkOSClient;
  /** Defaults to every tool; tests may pass a subset. */
  tools?: readonly AnyTool[];
}

/** Tools this configuration exposes. Read-only mode follows readOnlyHint alone, never a second list. */
export function enabledTools(config: Config, tools: readonly AnyTool[] = allTools): AnyTool[] {
  return tools.filter(
    (tool) => config.toolsets.has(tool.toolset) && (!config.readOnly || tool.annotations.readOnlyHint),
  );
}

/**
 * Builds the MCP server. Uses the SDK's low-level Server rather than McpServer.registerTool: McpServer formats
 * argument errors and refusals itself (in private methods), and here every failure must become an isError
 * result in one place, worded so a model can recover.
 */
export function createServer(config: Config, deps: ServerDeps): Server {
  const tools = deps.tools ?? allTools;
  const enabled = enabledTools(config, tools);
  const server = new Server(
    { name: "workos-mcp", title: "WorkOS", version: VERSION },
    { capabilities: { tools: { listChanged: false } }, instructions: instructionsFor(config, enabled) },
  );

  let listing: Tool[] | undefined;
  server.setRequestHandler(ListToolsRequestSchema, () => {
    listing ??= enabled.map(describeTool);
    return { tools: listing };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: rawArguments = {} } = request.params;
    const tool = tools.find((candidate) => candidate.name === name);
    if (tool === undefined) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool "${name}". Call tools/list to see the tools.`,
      );
    }
    if (!enabled.includes(tool)) return errorResult(refusal(tool, config));

    const parsed = tool.input.safeParse(coerceArguments(tool.input, rawArguments));
    if (!parsed.success) return errorResult(describeInvalidArguments(tool, parsed.error));

    try {
      const result = await tool.handler(parsed.data, { client: deps.client, config, signal: extra.signal });
      return {
        content: [{ type: "text", text: renderResult(tool, parsed.data, result) }],
        structuredContent: result as Record<string, unknown>,
      };
    } catch (error) {
      if (error instanceof WorkOSError) return errorResult(describeWorkOSError(tool, error, config));
      log.error(`unexpected error in ${tool.name}`, error);
      return errorResult(
        `${tool.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. ` +
          "This is a bug in workos-mcp, not in your request; the details are in the server's log.",
      );
    }
  });

  return server;
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

function describeTool(tool: AnyTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchema(tool.input, "input") as Tool["inputSchema"],
    outputSchema: jsonSchema(tool.output, "output") as Tool["outputSchema"],
    annotations: { title: tool.title, ...tool.annotations },
  };
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  // draft-07 is what the widest range of MCP clients validate against.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-7", unrepresentable: "any" });
  return rest;
}

function refusal(tool: AnyTool, config: Config): string {
  if (!config.toolsets.has(tool.toolset)) {
    return (
      `${tool.name} is not available: its toolset "${tool.toolset}" is not enabled ` +
      `(enabled: ${[...config.toolsets].join(", ")}). Set WORKOS_MCP_TOOLSETS or --toolsets to include it.`
    );
  }
  return (
    `${tool.name} is not available: this server runs in read-only mode, so it makes no changes in WorkOS. ` +
    "Tell the user; they can restart it without --read-only / WORKOS_MCP_READ_ONLY to allow changes."
  );
}

function describeInvalidArguments(tool: AnyTool, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(arguments)";
    if (issue.code === "unrecognized_keys") {
      return `- ${issue.keys.join(", ")}: not a parameter of ${tool.name}`;
    }
    return `- ${field}: ${issue.message}`;
  });
  const known = Object.keys(tool.input.shape).join(", ");
  return `Invalid arguments for ${tool.name}; nothing was sent to WorkOS.\n${problems.join("\n")}\nParameters: ${known}.`;
}

function instructionsFor(config: Config, tools: readonly AnyTool[]): string {
  const names = new Set(tools.map((tool) => tool.name));
  const lines = [
    `This server operates WorkOS (${environmentLabel(config)}): organizations, SSO connections, Directory Sync and Admin Portal links.`,
    "Find ids with the list_* tools first (list_organizations, list_connections, list_directories); never guess an id.",
    "List tools return one page; follow the cursor they print to get the next.",
  ];
  if (config.readOnly)
    lines.push(
      "Read-only mode: tools that change WorkOS are disabled; say so if the user asks for a change.",
    );
  if (names.has("generate_portal_link")) {
    lines.push(
      "Admin Portal links grant setup access to whoever holds them and expire after 5 minutes: share them at once.",
    );
  }
  if (names.has("delete_organization") || names.has("delete_directory")) {
    lines.push(
      "Deletes are permanent and break the customer's SSO or provisioning: only on the user's explicit request.",
    );
  }
  if (names.has("validate_webhook")) {
    lines.push(
      "validate_webhook checks a pasted webhook body and its WorkOS-Signature header against the configured secret.",
    );
  }
  return lines.join("\n");
}

const ENVIRONMENT_LABEL: Record<Environment, string> = {
  emulator: "the local WorkOS emulator with demo data",
  production: "the PRODUCTION environment",
  staging: "the staging (test) environment",
  unknown: "an environment the key's prefix does not tell",
};

function environmentLabel(config: Config): string {
  return ENVIRONMENT_LABEL[environmentOf(config)];
}
