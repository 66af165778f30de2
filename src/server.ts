import {
  type CacheHint,
  type CallToolResult,
  type ClientCapabilities,
  type Implementation,
  type InputRequiredResult,
  Server,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import { VERSION } from "./client/version.js";
import type { Config } from "./config.js";
import { confirmationSecret } from "./confirm.js";
import { HttpCallShortcut } from "./http-shortcut.js";
import { legacyConfirmForm, modernConfirmForm, showsForms } from "./mcp/confirm-form.js";
import { instructionsFor } from "./mcp/instructions.js";
import { type CallExtra, createPipeline, type PipelineDeps } from "./mcp/pipeline.js";
import { personOf } from "./sign-in/person.js";
import { type Era, type Serving, ToolCallShortcut } from "./stdio-shortcut.js";

export interface ServerDeps extends Pick<PipelineDeps, "client" | "tools" | "now"> {
  /** How long a 2025-era confirmation form waits for the user; tests of a client that never answers shorten it. */
  elicitationTimeoutMs?: number;
}

export { enabledTools } from "./mcp/selection.js";

/** The keys of MCP 2026-07-28's per-request envelope that a call reads (the SDK's d.ts types it as `{}`). */
interface Envelope {
  "io.modelcontextprotocol/clientInfo"?: Implementation;
  "io.modelcontextprotocol/clientCapabilities"?: ClientCapabilities;
}

/**
 * tools/call's params as the SDK reads them, but with the arguments kept as sent: its schema copies them key by
 * key, and a "__proto__" key copied so is lost without a word (it sets the copy's prototype instead). Kept,
 * such a key is refused as a tool error that says where it is.
 */
const callParamsAsSent = z.looseObject({
  name: z.string(),
  arguments: z
    .custom<Record<string, unknown>>(
      (value) => typeof value === "object" && value !== null && !Array.isArray(value),
      { error: "arguments must be an object" },
    )
    .optional(),
  _meta: z.looseObject({ progressToken: z.union([z.string(), z.number()]).optional() }).optional(),
});

/**
 * The lists never change while the server runs (no listChanged), so a 2026-07-28 client may keep them a
 * while; private, because what a person may see can differ per person on a team server.
 */
const FIXED_LIST: CacheHint = { ttlMs: 5 * 60_000, cacheScope: "private" };

/**
 * Builds the MCP server: the SDK's low-level Server wired to the call pipeline (src/mcp/pipeline.ts), which
 * makes every result. One factory serves both protocol eras: the SDK picks the era per connection (stdio) or
 * per request (HTTP), and adds 2026-07-28's bookkeeping (server/discover, resultType, cache hints, envelope
 * checks); the only difference a call sees is where its client's name and capabilities come from, and how a
 * delete asks the user (see callExtra). Uses Server rather than McpServer.registerTool: McpServer formats
 * argument errors and refusals itself, and here every result and every failure is made in one place.
 */
export function createServer(config: Config, deps: ServerDeps): Server {
  return serverFactory(config, deps)();
}

/**
 * Makes servers as createServer does, for transports that make one per connection (stdio) or per request
 * (stateless HTTP): what no request changes (the pipeline with its tool selection, templates and confirmation
 * keys; the instructions) is made once here, and each call of the factory only builds the SDK's Server around
 * it. The pipeline keeps nothing per request: what a call needs from its request comes with the call.
 */
export function serverFactory(config: Config, deps: ServerDeps): () => Server {
  const shared = sharedOf(config, deps);
  return () => buildServer(config, deps, shared);
}

/**
 * For stdio: the factory serveStdio calls once per connection (twice when a 2026-07-28 probe is dropped for
 * a 2025-11-25 client), and the shortcut that answers plain tool calls on the server it made last.
 */
export function stdioServing(
  config: Config,
  deps: ServerDeps,
): { factory: (context: { era: Era }) => Server; shortcut: ToolCallShortcut } {
  const shared = sharedOf(config, deps);
  let current: Serving | undefined;
  return {
    factory: ({ era }) => {
      const server = buildServer(config, deps, shared);
      current = { era, server };
      return server;
    },
    shortcut: new ToolCallShortcut(shared.pipeline, serverInfoOf(config), () => current),
  };
}

/**
 * For HTTP: the factory that builds a Server per request, and the shortcut that answers plain 2026-07-28 tool
 * calls around it.
 */
export function httpServing(
  config: Config,
  deps: ServerDeps,
): { factory: () => Server; shortcut: HttpCallShortcut } {
  const shared = sharedOf(config, deps);
  return {
    factory: () => buildServer(config, deps, shared),
    shortcut: new HttpCallShortcut(shared.pipeline, serverInfoOf(config)),
  };
}

interface Shared {
  pipeline: ReturnType<typeof createPipeline>;
  instructions: string;
  secret: string;
  now: () => number;
}

function sharedOf(config: Config, deps: ServerDeps): Shared {
  const now = deps.now ?? Date.now;
  const secret = confirmationSecret(config);
  const pipeline = createPipeline(config, {
    client: deps.client,
    ...(deps.tools === undefined ? {} : { tools: deps.tools }),
    now,
  });
  const instructions = instructionsFor(config, pipeline.enabled, pipeline.environment);
  return { pipeline, instructions, secret, now };
}

/** Who the server says it is: in initialize (2025-11-25), server/discover and every result's _meta (2026-07-28). */
function serverInfoOf(config: Config): Implementation {
  return { name: "workos-mcp", title: config.serverName ?? "WorkOS", version: VERSION };
}

function buildServer(
  config: Config,
  deps: ServerDeps,
  { pipeline, instructions, secret, now }: Shared,
): Server {
  const server = new Server(serverInfoOf(config), {
    // Declared only for what is implemented: tools, prompts, resources (templates and one static) and
    // completion. No logging: it goes to stderr (and 2026-07-28 deprecates it).
    capabilities: {
      tools: { listChanged: false },
      prompts: { listChanged: false },
      resources: { listChanged: false },
      completions: {},
    },
    instructions,
    cacheHints: {
      "tools/list": FIXED_LIST,
      "prompts/list": FIXED_LIST,
      "resources/templates/list": FIXED_LIST,
    },
  });

  /** What a call needs from its request, in either era. */
  function callExtra(ctx: ServerContext): Pick<CallExtra, "clientName" | "confirmForm" | "person"> {
    const envelope = ctx.mcpReq.envelope as Envelope | undefined;
    const person = personOf(ctx.http?.authInfo);
    if (envelope === undefined) {
      // 2025-11-25: the client said who it is at initialize, and can be asked mid-call.
      return {
        person,
        clientName: server.getClientVersion()?.name,
        confirmForm: legacyConfirmForm(server, deps.elicitationTimeoutMs),
      };
    }
    // 2026-07-28: every request says who is asking; a question goes back as an input_required result.
    const forms = showsForms(envelope["io.modelcontextprotocol/clientCapabilities"]);
    return {
      person,
      clientName: envelope["io.modelcontextprotocol/clientInfo"]?.name,
      confirmForm: forms
        ? modernConfirmForm(
            {
              requestState: ctx.mcpReq.requestState<string>(),
              inputResponses: ctx.mcpReq.inputResponses,
            },
            secret,
            now,
          )
        : undefined,
    };
  }

  // What a person may call is theirs: the list is cached privately (FIXED_LIST), per person.
  server.setRequestHandler("tools/list", (_request, ctx) => pipeline.listTools(personOf(ctx.http?.authInfo)));
  server.setRequestHandler("tools/call", { params: callParamsAsSent }, (params, ctx) => {
    const { name, arguments: rawArguments = {} } = params;
    const progressToken = params._meta?.progressToken;
    // The pipeline's input_required result is the SDK's, written out (src/mcp stays free of the SDK).
    return pipeline.callTool(name, rawArguments, {
      signal: ctx.mcpReq.signal,
      ...callExtra(ctx),
      progress:
        progressToken === undefined
          ? () => {}
          : (progress, message) => {
              void ctx.mcpReq
                .notify({ method: "notifications/progress", params: { progressToken, progress, message } })
                .catch(() => {});
            },
    }) as Promise<CallToolResult | InputRequiredResult>;
  });
  server.setRequestHandler("prompts/list", () => pipeline.listPrompts());
  server.setRequestHandler("prompts/get", (request) => pipeline.getPrompt(request.params));
  server.setRequestHandler("resources/list", () => pipeline.listResources());
  server.setRequestHandler("resources/templates/list", () => pipeline.listResourceTemplates());
  server.setRequestHandler("resources/read", (request, ctx) =>
    pipeline.readResource(request.params.uri, ctx.mcpReq.signal, personOf(ctx.http?.authInfo)),
  );
  server.setRequestHandler("completion/complete", (request, ctx) =>
    pipeline.complete(
      request.params.ref,
      request.params.argument,
      ctx.mcpReq.signal,
      personOf(ctx.http?.authInfo),
    ),
  );

  return server;
}
