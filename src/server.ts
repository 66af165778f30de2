import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { VERSION } from "./client/version.js";
import type { Config } from "./config.js";
import { confirmFormOf } from "./mcp/confirm-form.js";
import { instructionsFor } from "./mcp/instructions.js";
import { createPipeline, type PipelineDeps } from "./mcp/pipeline.js";

export interface ServerDeps extends Pick<PipelineDeps, "client" | "tools" | "now"> {
  /** How long a confirmation form waits for the user; tests of a client that never answers shorten it. */
  elicitationTimeoutMs?: number;
}

export { enabledTools } from "./mcp/selection.js";

/**
 * tools/call as the SDK reads it, but with the arguments kept as sent: its record schema copies them key by
 * key, and a "__proto__" key copied so is lost without a word (it sets the copy's prototype instead). Kept,
 * such a key is refused as a tool error that says where it is.
 */
const CallToolRequestAsSent = CallToolRequestSchema.extend({
  params: CallToolRequestSchema.shape.params.extend({
    arguments: z
      .custom<Record<string, unknown>>(
        (value) => typeof value === "object" && value !== null && !Array.isArray(value),
      )
      .optional(),
  }),
});

/**
 * Builds the MCP server: the SDK's Server wired to the call pipeline (src/mcp/pipeline.ts), which makes every
 * result. Uses the SDK's low-level Server rather than McpServer.registerTool: McpServer formats argument errors
 * and refusals itself (in private methods), and here every result and every failure is made in one place.
 */
export function createServer(config: Config, deps: ServerDeps): Server {
  const pipeline = createPipeline(config, {
    client: deps.client,
    ...(deps.tools === undefined ? {} : { tools: deps.tools }),
    ...(deps.now === undefined ? {} : { now: deps.now }),
    clientName: () => server.getClientVersion()?.name,
    confirmForm: () => confirmFormOf(server, deps.elicitationTimeoutMs),
  });
  const server = new Server(
    { name: "workos-mcp", title: config.serverName ?? "WorkOS", version: VERSION },
    {
      // Declared only for what is implemented: tools, prompts, resources (templates and one static) and completion.
      capabilities: {
        tools: { listChanged: false },
        prompts: { listChanged: false },
        resources: { listChanged: false },
        completions: {},
      },
      instructions: instructionsFor(config, pipeline.enabled, pipeline.environment),
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => pipeline.listTools());
  server.setRequestHandler(CallToolRequestAsSent, (request, extra): Promise<CallToolResult> => {
    const { name, arguments: rawArguments = {} } = request.params;
    const progressToken = request.params._meta?.progressToken;
    return pipeline.callTool(name, rawArguments, {
      signal: extra.signal,
      progress:
        progressToken === undefined
          ? () => {}
          : (progress, message) => {
              void extra
                .sendNotification({
                  method: "notifications/progress",
                  params: { progressToken, progress, message },
                })
                .catch(() => {});
            },
    });
  });
  server.setRequestHandler(ListPromptsRequestSchema, () => pipeline.listPrompts());
  server.setRequestHandler(GetPromptRequestSchema, (request) => pipeline.getPrompt(request.params));
  server.setRequestHandler(ListResourcesRequestSchema, () => pipeline.listResources());
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => pipeline.listResourceTemplates());
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
    pipeline.readResource(request.params.uri, extra.signal),
  );
  server.setRequestHandler(CompleteRequestSchema, (request, extra) =>
    pipeline.complete(request.params.ref, request.params.argument, extra.signal),
  );

  return server;
}
