import type { WorkOSError } from "../client/errors.js";
import type { AnyTool } from "../tools/define.js";

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

function hintFor(tool: AnyTool, error: WorkOSError, { baseUrl, tools }: ErrorContext): string {
  switch (error.category) {
    case "not_found":
      return idHint(tool, tools);
    case "authentication":
      return "WorkOS rejected the API key. Ask the user to check WORKOS_API_KEY (a secret key starting with sk_, from the WorkOS dashboard's API Keys page).";
    case "permission":
      return "The API key is valid but not allowed to do this. The user may need a key with more access.";
    case "conflict":
      return "Something with these values already exists (for example a domain claimed by another organization). Use list_organizations with domains to find it.";
    case "validation":
    case "invalid_request":
      return "WorkOS refused the values sent. Fix the fields named above and call again.";
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

// Only parsed fields reach the model, and each is bounded: an upstream message is not a place for essays.
function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The isError text for a WorkOS or transport failure: what happened, the facts, and what to do next. */
export function describeWorkOSError(tool: AnyTool, error: WorkOSError, context: ErrorContext): string {
  const facts = [
    `category: ${error.category}`,
    error.status === undefined ? undefined : `status: ${error.status}`,
    error.code === undefined ? undefined : `code: ${error.code}`,
    error.requestId === undefined ? undefined : `request id: ${error.requestId}`,
    `retry could help: ${error.retryable ? "yes" : "no"}`,
  ].filter((fact) => fact !== undefined);
  const lines = [`${tool.name} failed: ${clip(error.message)}`, facts.join(", ")];
  for (const field of error.errors) {
    lines.push(
      `- ${field.field ?? "(request)"}: ${field.message ?? field.code}${field.message === undefined ? "" : ` (${field.code})`}`,
    );
  }
  lines.push(`Hint: ${hintFor(tool, error, context)}`);
  return lines.join("\n");
}
