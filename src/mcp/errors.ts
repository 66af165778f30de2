import type { WorkOSError } from "../client/errors.js";
import { redact } from "../redact.js";
import type { AnyTool } from "../tools/define.js";
import type { ResultBudget } from "./budget.js";
import { fence } from "./render.js";
import { visibleData } from "./visible.js";

/** What an error hint needs to know beyond the tool: where WorkOS is, and the tools that find ids. */
export interface ErrorContext {
  baseUrl: string;
  tools: readonly AnyTool[];
}

function idHint(tool: AnyTool, tools: readonly AnyTool[]): string {
  // The finder of the tool's first id parameter, as each list tool declares (`finds`).
  const finder = Object.keys(tool.input.shape)
    .flatMap((key) => tools.filter((candidate) => candidate.finds === key && candidate !== tool))
    .at(0)?.name;
  return `Check the id: it may be mistyped or deleted. Use ${finder ?? "the matching list_* tool"} to find the right one.`;
}

function hintFor(
  tool: AnyTool,
  error: WorkOSError,
  { baseUrl, tools }: ErrorContext,
  input: Record<string, unknown> | undefined,
): string {
  switch (error.category) {
    case "not_found":
      return (input === undefined ? undefined : tool.notFound?.(input)) ?? idHint(tool, tools);
    case "authentication":
      return "WorkOS rejected the API key. Ask the user to check WORKOS_API_KEY (a secret key starting with sk_, from the WorkOS dashboard's API Keys page).";
    case "permission":
      return "The API key is valid but not allowed to do this. The user may need a key with more access.";
    case "conflict":
      return "Something with these values already exists (for example a domain claimed by another organization). Use list_organizations with domains to find it.";
    case "validation":
    case "invalid_request":
      return "Fix the fields named in the data below and call again.";
    case "rate_limit":
      return `WorkOS rate limit reached${error.retryAfterMs === undefined ? "" : `; it asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s`}. Retries were already made; wait before calling again and avoid many calls at once.`;
    case "server":
      return "WorkOS had a server error. The call was retried; trying again later may work.";
    case "connection":
    case "timeout":
      return `Could not get an answer from WorkOS at ${baseUrl}. Check the network or proxy, and WORKOS_API_BASE_URL; the call was retried.`;
    case "invalid_response":
      return `The server at ${baseUrl} did not answer like WorkOS. Check WORKOS_API_BASE_URL and any proxy in between.`;
    case "invalid_path":
      return idHint(tool, tools);
    case "aborted":
      return "The call was cancelled before it finished.";
  }
}

/** What happened, in the server's own words; WorkOS's own text follows in the data fence. */
const WHAT_HAPPENED: Record<WorkOSError["category"], string> = {
  not_found: "WorkOS found no such object",
  authentication: "WorkOS rejected the API key",
  permission: "the API key may not do this",
  conflict: "it conflicts with something that already exists",
  validation: "WorkOS refused the values sent",
  invalid_request: "WorkOS refused the request",
  rate_limit: "WorkOS's rate limit was reached",
  server: "WorkOS had a server error",
  connection: "there was no connection to WorkOS",
  timeout: "WorkOS did not answer in time",
  invalid_response: "the answer was not one WorkOS gives",
  invalid_path: "an id in the call cannot be part of a WorkOS path",
  aborted: "the call was cancelled",
};

/** Upstream text is bounded: an error field is not a place for essays, nor 20,000 field errors. */
const MAX_FIELD_ERRORS = 10;

/** Redacted whole before it is clipped: a clipped echo of a secret is past recognising. */
function clip(text: string, max: number): string {
  const safe = redact(text);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}

/**
 * The isError text for a WorkOS or transport failure: the server's own sentence and hint first, then every
 * upstream fact (message, code, field errors, request id), clipped, inside the data fence: text an upstream
 * wrote is data, never a line that could pass for the server's.
 */
export function describeWorkOSError(
  tool: AnyTool,
  error: WorkOSError,
  context: ErrorContext,
  input?: Record<string, unknown>,
): string {
  const status = error.status === undefined ? "" : ` (HTTP ${error.status})`;
  const retry = error.retryable ? "trying again later could help" : "retrying will not help";
  const facts = {
    category: error.category,
    status: error.status,
    code: error.code === undefined ? undefined : clip(error.code, 100),
    message: clip(error.message, 300),
    request_id: error.requestId === undefined ? undefined : clip(error.requestId, 100),
    errors:
      error.errors.length === 0
        ? undefined
        : error.errors.slice(0, MAX_FIELD_ERRORS).map(({ field, code, message }) => ({
            field: field === undefined ? undefined : clip(field, 100),
            code: clip(code, 100),
            message: message === undefined ? undefined : clip(message, 200),
          })),
    more_errors: error.errors.length > MAX_FIELD_ERRORS ? error.errors.length - MAX_FIELD_ERRORS : undefined,
  };
  return [
    `${tool.name} failed: ${WHAT_HAPPENED[error.category]}${status}; ${retry}.`,
    `Hint: ${hintFor(tool, error, context, input)}`,
    fence([JSON.stringify(visibleData(facts))]),
  ].join("\n");
}

/**
 * Error texts are bounded where they are made; this is the backstop. Without a count of tokens, an error
 * keeps to the token limit in UTF-8 bytes, which o200k never exceeds (a token is at least one byte).
 */
export function fitErrorText(text: string, { maxChars, maxTokens }: ResultBudget): string {
  const maxBytes = maxTokens ?? Number.POSITIVE_INFINITY;
  if (text.length <= maxChars && Buffer.byteLength(text) <= maxBytes) return text;
  const cut = `… (cut: the error was ${text.length} characters)`;
  // A UTF-16 unit is at most 3 UTF-8 bytes, so this many always fit both limits.
  return `${text.slice(0, Math.min(maxChars, Math.floor(maxBytes / 3)) - cut.length)}${cut}`;
}
