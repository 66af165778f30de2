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

/** Compact JSON without null fields: every fact a model needs, in the fewest tokens. */
export function compact(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field));
}

/**
 * The text content of a successful call. A list gives one item a line and ends with how to get the
 * next page, so a model can page without reading the schema.
 */
export function renderResult(tool: AnyTool, input: Record<string, unknown>, result: unknown): string {
  if (!isPage(result)) {
    const headline = tool.headline?.(result as never);
    return headline === undefined ? compact(result) : `${headline}\n${compact(result)}`;
  }
  const { data, list_metadata } = result;
  const lines = [`${data.length} result${data.length === 1 ? "" : "s"} from ${tool.name}:`];
  for (const item of data) lines.push(compact(item));
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
  return `Next page: call ${tool.name} with ${key}="${cursor}"${rest}.`;
}
