import type { Query } from "./client.js";

/**
 * Encodes a query the way the official WorkOS SDK does: undefined, null and empty strings are dropped,
 * arrays become ONE comma-joined parameter, URLSearchParams rules apply (space -> "+", ":" -> "%3A").
 * Returns "" or a string starting with "?".
 */
export function encodeQuery(query: Query | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text === "") continue;
    params.append(key, text);
  }
  const encoded = params.toString();
  return encoded === "" ? "" : `?${encoded}`;
}
