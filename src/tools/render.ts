import { randomUUID } from "node:crypto";
import type { AnyTool } from "./define.js";

interface Page {
  data: unknown[];
  list_metadata: { before: string | null; after: string | null };
}

function isPage(value: unknown): value is Page {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as Page).data) &&
    "list_metadata" in value
  );
}

/** Format and control characters (zero-width, bidirectional overrides, Unicode tags) hide text from people, not models. */
const INVISIBLE = /\p{Cf}/gu;

/** What the model sees is cleaned; structuredContent keeps the exact values. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Compact JSON without null fields: every fact a model needs, in the fewest tokens. */
export function compact(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field));
}

export const DATA_TAG = "workos-data";

/**
 * WorkOS data (names, attributes, anything a customer's identity provider wrote) goes inside a tag whose
 * random suffix the data cannot guess, so it cannot close the block and speak as the server.
 */
function fence(lines: readonly string[]): string {
  // The first 8 hex digits of a v4 UUID are random: 32 bits, like randomBytes(4), from Node's batched entropy.
  const tag = `${DATA_TAG}-${randomUUID().slice(0, 8)}`;
  return [`<${tag}>`, ...lines.map(stripInvisible), `</${tag}>`].join("\n");
}

/**
 * The text content of a successful call: our own words outside the data block, WorkOS data inside it.
 * A list gives one item a line and ends with how to get the next page.
 */
export function renderResult(
  tool: AnyTool,
  input: Record<string, unknown>,
  result: unknown,
  environment: string,
): string {
  const lines: string[] = [];
  const headline = isPage(result) ? undefined : tool.headline?.(result as never);
  if (headline !== undefined) lines.push(headline);
  if (!tool.annotations.readOnlyHint) lines.push(`Environment: ${environment}.`);
  if (!isPage(result)) {
    lines.push(fence([compact(result)]));
    return lines.join("\n");
  }
  const { data, list_metadata } = result;
  lines.push(`${data.length} result${data.length === 1 ? "" : "s"} from ${tool.name}:`);
  lines.push(fence(data.map(compact)));
  lines.push(nextPageHint(tool, input, list_metadata));
  return lines.join("\n");
}

function nextPageHint(
  tool: AnyTool,
  input: Record<string, unknown>,
  { before, after }: Page["list_metadata"],
): string {
  // Walking backwards (a `before` cursor was given) continues with `before`; otherwise with `after`.
  const [key, cursor] = input.before !== undefined ? ["before", before] : ["after", after];
  if (cursor === null) return "No more pages.";
  const filters = Object.entries(input)
    .filter(([name, value]) => name !== "before" && name !== "after" && value !== undefined)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  const rest = filters.length > 0 ? ` and the same ${filters.join(", ")}` : "";
  return stripInvisible(`Next page: call ${tool.name} with ${key}=${JSON.stringify(cursor)}${rest}.`);
}
