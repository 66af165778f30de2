import { basename } from "node:path";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { WorkOSClient } from "./client/client.js";
import { WorkOSError } from "./client/errors.js";
import { VERSION } from "./client/version.js";
import { type Config, type Environment, environmentOf } from "./config.js";
import { ConfirmationTokens, confirmationSecret, DeletionGate } from "./confirm.js";
import { log } from "./log.js";
import { fitTokens, type ResultBudget, resultBudget } from "./mcp/budget.js";
import { describeWorkOSError, fitErrorText } from "./mcp/errors.js";
import { instructionsFor } from "./mcp/instructions.js";
import { type KeyPath, keyPathIn } from "./mcp/limits.js";
import { outsidePin, withPin } from "./mcp/pin.js";
import { registerPrompts } from "./mcp/prompts.js";
import { protocolError } from "./mcp/protocol-error.js";
import { renderText } from "./mcp/render.js";
import { registerResources } from "./mcp/resources.js";
import { enabledTools, whyOff } from "./mcp/selection.js";
import { describeTool } from "./mcp/tool-list.js";
import { type ModelView, viewOf } from "./mcp/view.js";
import { visibleLine } from "./mcp/visible.js";
import { prompts } from "./prompts/index.js";
import { redact, redactDeep, registerSecrets, showsSecret } from "./redact.js";
import { coerceArguments } from "./tools/coerce.js";
import { type AnyTool, type ToolContext, ToolRefusal } from "./tools/define.js";
import { tools as allTools } from "./tools/index.js";
import { expectShape } from "./tools/shape.js";

export interface ServerDeps {
  client: WorkOSClient;
  /** Defaults to every tool; tests may pass a subset. */
  tools?: readonly AnyTool[];
  /** The clock for confirmation tokens; tests move it. */
  now?: () => number;
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
 * Keys refused anywhere in a tool's arguments: assigned to an object, they reach its prototype. No WorkOS field
 * or metadata key needs them.
 */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/** What a call of a tool needs from the request that asked for it. */
interface CallExtra {
  signal: AbortSignal;
  progress: ToolContext["progress"];
}

/**
 * Builds the MCP server. Uses the SDK's low-level Server rather than McpServer.registerTool: McpServer formats
 * argument errors and refusals itself (in private methods), and here every result and every failure is made
 * in one place: the model view (src/mcp/view.ts) for successes, an isError text worded so a model can recover
 * for failures.
 */
export function createServer(config: Config, deps: ServerDeps): Server {
  const tools = deps.tools ?? allTools;
  const enabled = enabledTools(config, tools);
  const enabledToolsets = new Set(enabled.map((tool) => tool.toolset));
  registerSecrets([config.apiKey, ...config.webhookSecrets, config.http?.token]);
  const environment = environmentLabel(config);
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
      instructions: instructionsFor(config, enabled, environment),
    },
  );

  // Keyed by the API key and base URL: every replica serving the same account and endpoint accepts the
  // same tokens, and no other server does (a public emulator key gets a secret of this process instead).
  const gate = new DeletionGate(
    new ConfirmationTokens(confirmationSecret(config)),
    deps.now ?? Date.now,
    deps.elicitationTimeoutMs,
  );
  const errorContext = { baseUrl: config.baseUrl, tools };
  const budgetFor = () => resultBudget(config.maxResultChars, server.getClientVersion()?.name);
  const pin = config.organizationId;

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: enabled.map((tool) => describeTool(tool, pin !== undefined)),
  }));

  /**
   * One call of a tool, wherever it comes from (tools/call, resources/read, completion): checked, pinned, run,
   * and turned into the model view, or into the words of an isError result.
   */
  async function run(
    tool: AnyTool,
    rawArguments: Record<string, unknown>,
    extra: CallExtra,
  ): Promise<{ view: ModelView } | { error: string; category?: string }> {
    if (!enabled.includes(tool)) return { error: whyOff(config, tool) ?? `${tool.name} is not available.` };
    let args = rawArguments;
    if (pin !== undefined) {
      const pinned = withPin(tool, args, pin);
      if ("refused" in pinned) return { error: pinned.refused };
      args = pinned.args;
    }
    // Looked for after decoding: an object sent as a JSON string may hold such a key too.
    const coerced = coerceArguments(tool.input, args);
    const refused = keyPathIn(coerced, PROTOTYPE_KEYS);
    if (refused !== undefined) return { error: describePrototypeKey(tool, refused) };
    const unknown = Object.keys(args).filter((key) => !Object.hasOwn(tool.input.shape, key));
    if (unknown.length > 0) return { error: describeUnknownArguments(tool, unknown) };
    const parsed = tool.input.safeParse(coerced);
    if (!parsed.success) return { error: describeInvalidArguments(tool, parsed.error) };

    const input = parsed.data;
    // A call's requests end with it: a handler whose parallel requests fail on one leaves none still running
    // (they would spend the pool, and land upstream after the call was answered).
    const finished = new AbortController();
    const signal = AbortSignal.any([extra.signal, finished.signal]);
    const context: ToolContext = {
      client: deps.client,
      signal,
      webhookSecrets: config.webhookSecrets,
      organization: pin,
      toolsets: enabledToolsets,
      progress: extra.progress,
    };
    const budget = budgetFor();
    // Redacted whole, before anything is cut: a clipped echo of a secret is past recognising.
    const view = async (output: unknown) => {
      const safe = redactDeep(output);
      const make = (maxChars: number) => viewOf(tool, input, safe, { environment, maxChars });
      return { view: await fitTokens(make, budget) };
    };
    try {
      if (pin !== undefined) {
        const refused = await outsidePin(tool, input, context, pin);
        if (refused !== undefined) return { error: refused };
      }
      const { target } = tool;
      if (target !== undefined && config.destructive === "confirm") {
        const stopped = await gate.check({
          server,
          toolName: tool.name,
          input,
          target: () => target(input, context),
          environment,
          signal,
          personRequired: environmentOf(config) === "production",
        });
        if (stopped !== undefined) return view(stopped);
      }
      return view(expectShape(tool.output, await tool.handler(input, context), "a result"));
    } catch (error) {
      if (error instanceof ToolRefusal) return { error: error.message };
      if (error instanceof WorkOSError) {
        return { error: describeWorkOSError(tool, error, errorContext, input), category: error.category };
      }
      log.error(`unexpected error in ${tool.name}`, error);
      return {
        error:
          `${tool.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. ` +
          "This is a bug in workos-mcp, not in your request; the details are in the server's log.",
      };
    } finally {
      finished.abort();
    }
  }

  server.setRequestHandler(CallToolRequestAsSent, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: rawArguments = {} } = request.params;
    const tool = tools.find((candidate) => candidate.name === name);
    if (tool === undefined) {
      throw protocolError(
        ErrorCode.InvalidParams,
        `Unknown tool "${name}". Call tools/list to see the tools.`,
      );
    }
    const progressToken = request.params._meta?.progressToken;
    const outcome = await run(tool, rawArguments, {
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
    return "view" in outcome ? viewResult(outcome.view) : errorResult(outcome.error, budgetFor());
  });

  const enabledNames = new Set(enabled.map((tool) => tool.name));
  const offered = prompts.filter((prompt) => prompt.uses.every((name) => enabledNames.has(name)));
  registerPrompts(server, { prompts: offered });
  registerResources(server, {
    tools: enabled,
    prompts: offered,
    run: (tool, args, signal) => run(tool, args, { signal, progress: () => {} }),
  });

  return server;
}

/** One view, two channels: structuredContent is the view, the text renders exactly it. */
function viewResult(view: ModelView): CallToolResult {
  // Secrets are looked for in what is sent, whatever form the upstream echoed them in.
  const safe = showsSecret(JSON.stringify(view)) ? (redactDeep(view) as ModelView) : view;
  return {
    content: [{ type: "text", text: redact(renderText(safe)) }],
    structuredContent: safe as unknown as Record<string, unknown>,
  };
}

/** Failures carry text only, so every client shows the model the same words, within the same budget. */
function errorResult(text: string, budget: ResultBudget): CallToolResult {
  const lines = redact(text.split("\n").map(visibleLine).join("\n"));
  return { content: [{ type: "text", text: fitErrorText(lines, budget) }], isError: true };
}

/** Argument names and problems a refusal lists; the rest are counted. */
const LISTED_PROBLEMS = 10;

function listed(lines: string[], what: string): string[] {
  if (lines.length <= LISTED_PROBLEMS) return lines;
  return [...lines.slice(0, LISTED_PROBLEMS), `- and ${lines.length - LISTED_PROBLEMS} more ${what}`];
}

/** A key as the model wrote it: plain when it is a word, else quoted and clipped. */
function keyName(key: PropertyKey): string {
  const text = String(key);
  return /^[\w-]{1,100}$/.test(text) ? text : JSON.stringify(text.slice(0, 100));
}

/** Where in the arguments, e.g. `domain_data.0.state`. */
function pathName(path: readonly PropertyKey[]): string {
  return path.length > 0 ? clip(path.map(keyName).join("."), 300) : "(arguments)";
}

function invalidArguments(tool: AnyTool, problems: readonly string[]): string {
  const lines = listed(
    problems.map((line) => `- ${line}`),
    "problems",
  );
  return (
    `Invalid arguments for ${tool.name}; nothing was sent to WorkOS.\n${lines.join("\n")}\n` +
    `Parameters: ${Object.keys(tool.input.shape).join(", ")}.`
  );
}

function describeUnknownArguments(tool: AnyTool, keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED_PROBLEMS).map(keyName).join(", ");
  const more = keys.length > LISTED_PROBLEMS ? ` and ${keys.length - LISTED_PROBLEMS} more` : "";
  return invalidArguments(tool, [`${shown}${more}: not a parameter of ${tool.name}`]);
}

function describePrototypeKey(tool: AnyTool, path: KeyPath): string {
  const key = String(path.at(-1));
  return invalidArguments(tool, [
    `${pathName(path)}: a key named "${key}" is refused anywhere in the arguments (JavaScript objects treat ` +
      "it specially); leave it out or rename it",
  ]);
}

function describeInvalidArguments(tool: AnyTool, error: z.ZodError): string {
  const problems = error.issues.map((issue) =>
    issue.code === "unrecognized_keys"
      ? `${clip(issue.keys.map(keyName).join(", "), 300)}: not a parameter of ${tool.name}`
      : `${pathName(issue.path)}: ${clip(issue.message, 300)}`,
  );
  return invalidArguments(tool, problems);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const ENVIRONMENT_LABEL: Record<Environment, string> = {
  emulator: "the local WorkOS emulator with demo data",
  production: "the PRODUCTION environment",
  staging: "the staging (test) environment",
  unknown: "an environment the key's prefix does not tell",
};

function environmentLabel(config: Config): string {
  // A seed file holds the user's own data: calling it demo data would mislead.
  if (config.emulator && config.seedFile !== undefined)
    return `the local WorkOS emulator with the data of the seed file ${basename(config.seedFile)}`;
  return ENVIRONMENT_LABEL[environmentOf(config)];
}
