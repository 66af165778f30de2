import { basename } from "node:path";
import type { z } from "zod";
import type { WorkOSClient } from "../client/client.js";
import { WorkOSError } from "../client/errors.js";
import { type Config, type Environment, environmentOf } from "../config.js";
import { ConfirmationTokens, type ConfirmForm, confirmationSecret, DeletionGate } from "../confirm.js";
import { log } from "../log.js";
import { prompts as allPrompts } from "../prompts/index.js";
import { redact, redactDeep, registerSecrets, showsSecret } from "../redact.js";
import { type Change, recordChange } from "../sign-in/audit.js";
import { missingPermissions } from "../sign-in/permissions.js";
import { describePerson, type Person } from "../sign-in/person.js";
import { loadBody } from "../tools/card.js";
import { coerceArguments } from "../tools/coerce.js";
import { defaultTools } from "../tools/default-tools.js";
import { type AnyTool, type ToolContext, ToolRefusal } from "../tools/define.js";
import { toolsetOf } from "../tools/names.js";
import { expectShape } from "../tools/shape.js";
import { eventTypesMarkdown } from "../webhooks/event-types.js";
import { fitTokens, type RenderedView, type ResultBudget, resultBudget } from "./budget.js";
import { describeWorkOSError, fitErrorText } from "./errors.js";
import { InputRequired, type InputRequiredResult } from "./input-required.js";
import { type KeyPath, keyPathIn } from "./limits.js";
import type { ModelView } from "./model-view.js";
import { outsidePin, withPin } from "./pin.js";
import { getPrompt, listPrompts } from "./prompts.js";
import { INVALID_PARAMS, isProtocolError, protocolError } from "./protocol-error.js";
import { renderText } from "./render.js";
import { enabledTools, whyNotChosen, whyOff } from "./selection.js";
import { describeTool } from "./tool-list.js";
import { viewOf } from "./view.js";
import { visibleLine } from "./visible.js";

export interface PipelineDeps {
  client: WorkOSClient;
  /**
   * The tools to serve from; defaults to every tool (src/tools/default-tools.ts). The CLI passes those of the
   * toolsets it uses; tests may pass a subset.
   */
  tools?: readonly AnyTool[];
  /** The clock for confirmation tokens; tests move it. */
  now?: () => number;
}

/** What a call of a tool needs from the request that asked for it. */
export interface CallExtra {
  signal: AbortSignal;
  progress: ToolContext["progress"];
  /** The name the client gave itself: some clients get a smaller budget. */
  clientName?: string | undefined;
  /** The client's form to confirm a delete, or undefined when the client cannot show one. */
  confirmForm?: ConfirmForm | undefined;
  /** Who is calling, when people sign in (HTTP with AuthKit): their permissions decide what runs. */
  person?: Person | undefined;
}

// The results are type aliases, not interfaces: an alias is assignable to the SDK's open result types (an
// interface has no implicit index signature), so server.ts hands them over as they are.

export type TextContent = { type: "text"; text: string };

/** A tools/call result: the view in two channels, or the words of a failure. */
export type ToolResult = {
  content: TextContent[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

/** What a resources/read answers. */
export type ResourceResult = { contents: { uri: string; mimeType: string; text: string }[] };

/** What completion/complete is asked about: a resource template's variable, or a prompt's argument. */
export type CompletionRef = { type: "ref/resource"; uri: string } | { type: "ref/prompt"; name: string };

export type CompletionResult = { completion: { values: string[]; hasMore: boolean } };

/** One call's outcome before it is a result: the model view (rendered), or the words of a failure. */
type Outcome = { view: RenderedView } | { error: string; category?: string };

/** Runs a tool as tools/call would, for a resource read or a completion. */
type RunTool = (
  tool: AnyTool,
  args: Record<string, unknown>,
  signal: AbortSignal,
  person?: Person,
) => Promise<Outcome>;

/**
 * Keys refused anywhere in a tool's arguments: assigned to an object, they reach its prototype. No WorkOS field
 * or metadata key needs them.
 */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/**
 * Why a finished call's leftover requests are aborted: made once, since the default reason, a new
 * DOMException, costs a stack trace on every call.
 */
const CALL_ENDED = Object.freeze(new DOMException("The call has ended.", "AbortError"));

const EVENT_TYPES_URI = "workos://webhooks/event-types";
/**
 * MCP's code for a resource that does not exist, with the URI in its data: -32602 since 2026-07-28 (SEP-2164),
 * in both eras (the SDK would send -32002 as -32602 in either anyway; clients are told to accept both).
 */
const RESOURCE_NOT_FOUND = INVALID_PARAMS;
/** How long after the first tools/list the listed tools' modules start loading (see warmBodies). */
const WARM_AFTER_MS = 100;
/** Completions offered at once: enough to choose from, few enough to read. */
const COMPLETIONS = 20;

/**
 * The one path every request of the server takes, free of the SDK: tools/call, resources/read and completion
 * run a tool here, and every result and every failure is made here: the model view (src/mcp/view.ts) for
 * successes, an isError text worded so a model can recover for failures. src/server.ts only wires the SDK's
 * request handlers to these functions.
 */
export function createPipeline(config: Config, deps: PipelineDeps) {
  const tools = deps.tools ?? defaultTools();
  const enabled = enabledTools(config, tools);
  const enabledToolsets = new Set(enabled.map((tool) => tool.toolset));
  registerSecrets([config.apiKey, ...config.webhookSecrets, config.http?.token]);
  const environment = environmentLabel(config);

  // Keyed by the API key and base URL: every replica serving the same account and endpoint accepts the
  // same tokens, and no other server does (a public emulator key gets a secret of this process instead).
  const gate = new DeletionGate(new ConfirmationTokens(confirmationSecret(config)), deps.now ?? Date.now);
  const errorContext = { baseUrl: config.baseUrl, tools };
  const budgetFor = (clientName: string | undefined) => resultBudget(config.maxResultChars, clientName);
  const pin = config.organizationId;
  const auditOrganization = config.http?.signIn?.auditOrganizationId;
  const now = deps.now ?? Date.now;

  const enabledNames = new Set(enabled.map((tool) => tool.name));
  const prompts = allPrompts.filter((prompt) => prompt.uses.every((name) => enabledNames.has(name)));
  const templates = templatesOf(enabled);
  const webhooks = enabled.some((tool) => tool.name === "validate_webhook");

  /**
   * One call of a tool, wherever it comes from (tools/call, resources/read, completion): checked, pinned, run,
   * and turned into the model view, or into the words of an isError result.
   */
  async function run(
    tool: AnyTool,
    rawArguments: Record<string, unknown>,
    extra: CallExtra,
  ): Promise<Outcome> {
    if (!enabled.includes(tool)) return { error: whyOff(config, tool) ?? `${tool.name} is not available.` };
    const { person } = extra;
    if (person !== undefined) {
      const missing = missingPermissions(tool, person.permissions);
      if (missing.length > 0) {
        log.info(`${describePerson(person)}: ${tool.name} refused (needs ${missing.join(", ")})`);
        return { error: describeMissingPermissions(tool, person, missing) };
      }
    }
    // The bundled CLI makes tools from their cards: a tool's module loads with the first call of its toolset.
    const loading = loadBody(tool);
    if (loading !== undefined) {
      try {
        await loading;
      } catch (error) {
        log.error(`${tool.name}: its module did not load:`, error);
        return {
          error: `${tool.name} could not be loaded (see the server's log); nothing was sent to WorkOS.`,
        };
      }
    }
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
    // The request's abort forwarded by hand: far cheaper per call than AbortSignal.any (see WorkOSClient).
    const forward = () => finished.abort(extra.signal.reason);
    if (extra.signal.aborted) forward();
    else extra.signal.addEventListener("abort", forward, { once: true });
    const { signal } = finished;
    const context: ToolContext = {
      client: deps.client,
      signal,
      webhookSecrets: config.webhookSecrets,
      organization: pin,
      toolsets: enabledToolsets,
      progress: extra.progress,
    };
    const budget = budgetFor(extra.clientName);
    // A change by a signed-in person says who made it, next to where.
    const where = person === undefined ? environment : `${environment}, as ${describePerson(person)}`;
    // Redacted whole, before anything is cut: a clipped echo of a secret is past recognising.
    const view = async (output: unknown, notes: readonly string[] = []) => {
      const safe = redactDeep(output);
      const make = (maxChars: number) => viewOf(tool, input, safe, { environment: where, maxChars, notes });
      return { view: await fitTokens(make, budget) };
    };
    /** Every change a signed-in person makes goes to the audit organization: why its entry is missing, if it is. */
    const audit = async (change: Omit<Change, "tool" | "input" | "occurredAt">) => {
      if (person === undefined || tool.annotations.readOnlyHint) return undefined;
      log.info(`${describePerson(person)}: ${tool.name} ${change.outcome === "success" ? "done" : "failed"}`);
      if (auditOrganization === undefined) return undefined;
      const missing = await recordChange(deps.client, auditOrganization, person, {
        ...change,
        tool,
        input,
        occurredAt: new Date(now()),
      });
      return missing === undefined
        ? undefined
        : `The audit log entry for this change is missing (WorkOS Audit Logs refused it: ${missing}); the change itself stands.`;
    };
    try {
      if (pin !== undefined) {
        const refused = await outsidePin(tool, input, context, pin);
        if (refused !== undefined) return { error: refused };
      }
      const { target } = tool;
      if (target !== undefined && config.destructive === "confirm") {
        const stopped = await gate.check({
          form: extra.confirmForm,
          toolName: tool.name,
          input,
          target: () => target(input, context),
          environment,
          signal,
          personRequired: environmentOf(config) === "production",
        });
        if (stopped !== undefined) return view(stopped);
      }
      const output = expectShape(tool.output, await tool.handler(input, context), "a result");
      const missing = await audit({ output, outcome: "success" });
      return view(output, missing === undefined ? [] : [missing]);
    } catch (error) {
      // Not failures of the call: a question for the user (input_required), or a refusal of the request itself.
      if (error instanceof InputRequired || isProtocolError(error)) throw error;
      if (error instanceof ToolRefusal) return { error: error.message };
      if (error instanceof WorkOSError) {
        const described = describeWorkOSError(tool, error, errorContext, input);
        const missing = await audit({ outcome: "failure" });
        return {
          error: missing === undefined ? described : `${described}\n${missing}`,
          category: error.category,
        };
      }
      log.error(`unexpected error in ${tool.name}`, error);
      return {
        error:
          `${tool.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. ` +
          "This is a bug in workos-mcp, not in your request; the details are in the server's log.",
      };
    } finally {
      extra.signal.removeEventListener("abort", forward);
      finished.abort(CALL_ENDED);
    }
  }

  /**
   * Tools made from their cards (the bundled CLI) load their modules on their first call, and the WorkOS client
   * loads undici on its first request. Once the tools have been listed, both load in the background instead,
   * shortly after the answer and the client's other requests at start: the first call comes after the model has
   * read the list, and finds them ready. A failed load is left to that call, which tries again and reports it.
   */
  let warmed = false;
  const warmBodies = () => {
    if (warmed) return;
    warmed = true;
    setTimeout(() => {
      for (const tool of enabled) loadBody(tool)?.catch(() => {});
      deps.client.warm();
    }, WARM_AFTER_MS).unref();
  };

  const runQuietly: RunTool = (tool, args, signal, person) =>
    run(tool, args, { signal, progress: () => {}, person });

  return {
    /** The tools the server offers, and the words its instructions describe the environment with. */
    enabled,
    environment,

    /** The tools the person may call (every enabled tool when nobody signs in). */
    listTools(person?: Person) {
      warmBodies();
      const offered =
        person === undefined
          ? enabled
          : enabled.filter((tool) => missingPermissions(tool, person.permissions).length === 0);
      return { tools: offered.map((tool) => describeTool(tool, pin !== undefined)) };
    },

    async callTool(
      name: string,
      rawArguments: Record<string, unknown>,
      extra: CallExtra,
    ): Promise<ToolResult | InputRequiredResult> {
      const tool = tools.find((candidate) => candidate.name === name);
      if (tool === undefined) {
        // A built-in tool the CLI did not load, its toolset being off: refused in the same words as a loaded one.
        const toolset = toolsetOf(name);
        const notChosen = toolset === undefined ? undefined : whyNotChosen(config, { name, toolset });
        if (notChosen !== undefined) return errorResult(notChosen, budgetFor(extra.clientName));
        throw protocolError(INVALID_PARAMS, `Unknown tool "${name}". Call tools/list to see the tools.`);
      }
      let outcome: Outcome;
      try {
        outcome = await run(tool, rawArguments, extra);
      } catch (error) {
        if (error instanceof InputRequired) return error.result;
        throw error;
      }
      return "view" in outcome
        ? viewResult(outcome.view)
        : errorResult(outcome.error, budgetFor(extra.clientName));
    },

    /** The prompts whose tools are enabled. */
    listPrompts: () => listPrompts(prompts),
    getPrompt: (params: Parameters<typeof getPrompt>[1]) => getPrompt(prompts, params),

    /**
     * Resources: a template per get tool that declares one (workos://organizations/{organization_id} …), read
     * as the same compact view the tool returns, and one static text, the webhook event types explained.
     */
    listResources() {
      return {
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
      };
    },

    listResourceTemplates() {
      return {
        resourceTemplates: templates.map(({ tool }) => ({
          uriTemplate: tool.resource?.uriTemplate as string,
          name: tool.resource?.name as string,
          title: tool.title.replace(/^Get (A |An )?/, "WorkOS "),
          description: tool.resource?.description as string,
          mimeType: "application/json",
        })),
      };
    },

    async readResource(uri: string, signal: AbortSignal, person?: Person): Promise<ResourceResult> {
      if (uri === EVENT_TYPES_URI && webhooks) {
        return { contents: [{ uri, mimeType: "text/markdown", text: eventTypesMarkdown() }] };
      }
      for (const { tool, variable, pattern } of templates) {
        const match = pattern.exec(uri);
        if (match === null) continue;
        const outcome = await runQuietly(
          tool,
          { [variable]: decodeURIComponent(match[1] as string) },
          signal,
          person,
        );
        if ("error" in outcome) {
          if (outcome.category === "not_found") throw resourceNotFound(uri, redact(outcome.error));
          throw protocolError(INVALID_PARAMS, redact(outcome.error));
        }
        return {
          contents: [{ uri, mimeType: "application/json", text: redact(outcome.view.json) }],
        };
      }
      throw resourceNotFound(
        uri,
        `No resource at ${uri.slice(0, 200)}. resources/templates/list shows the forms.`,
      );
    },

    /** Completion offers ids for the templates and organization names for the prompts, from a fragment of a name. */
    async complete(
      ref: CompletionRef,
      argument: { name: string; value: string },
      signal: AbortSignal,
      person?: Person,
    ): Promise<CompletionResult> {
      let finder: AnyTool | undefined;
      let field: "id" | "name" = "id";
      if (ref.type === "ref/resource") {
        const template = templates.find(({ tool }) => tool.resource?.uriTemplate === ref.uri);
        if (template?.variable === argument.name) {
          finder = enabled.find((tool) => tool.finds === argument.name);
        }
      } else {
        const prompt = prompts.find((candidate) => candidate.name === ref.name);
        if (prompt?.arguments.find((arg) => arg.name === argument.name)?.completes === "organization") {
          finder = enabled.find((tool) => tool.finds === "organization_id");
          field = "name";
        }
      }
      const values =
        finder === undefined
          ? []
          : await complete(
              finder,
              argument.value,
              field,
              (tool, args, s) => runQuietly(tool, args, s, person),
              signal,
            );
      return { completion: { values: values.slice(0, COMPLETIONS), hasMore: values.length > COMPLETIONS } };
    },
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;

/** One view, two channels: structuredContent is the view, the text renders exactly it. */
function viewResult({ view, json, text }: RenderedView): ToolResult {
  // Secrets are looked for in what is sent, whatever form the upstream echoed them in; the channels the budget
  // measured are sent as they are unless one had to go.
  if (showsSecret(json)) {
    const safe = redactDeep(view) as ModelView;
    return {
      content: [{ type: "text", text: redact(renderText(safe)) }],
      structuredContent: safe as unknown as Record<string, unknown>,
    };
  }
  return {
    content: [{ type: "text", text: redact(text) }],
    structuredContent: view as unknown as Record<string, unknown>,
  };
}

/** Failures carry text only, so every client shows the model the same words, within the same budget. */
function errorResult(text: string, budget: ResultBudget): ToolResult {
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

function describeMissingPermissions(tool: AnyTool, person: Person, missing: readonly string[]): string {
  const names = missing.join(" and ");
  return (
    `${tool.name} needs the permission ${names}, which ${person.email}'s WorkOS role does not grant; ` +
    "nothing was sent to WorkOS. A WorkOS administrator can add it to the role (Roles in the WorkOS dashboard)."
  );
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
  const items = outcome.view.view.data as { id?: unknown; name?: unknown }[];
  return items
    .map((item) => item[field])
    .filter(
      (value): value is string => typeof value === "string" && (!typingAnId || value.startsWith(fragment)),
    );
}

/**
 * A resources/read of a URI that names nothing. `data.uri` echoes the URI, as both revisions' specs show it:
 * a client tells this error from other invalid params by it (SEP-2164).
 */
function resourceNotFound(uri: string, message: string): Error {
  return protocolError(RESOURCE_NOT_FOUND, message, { uri });
}
