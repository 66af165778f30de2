import type { List } from "../client/client.js";

/** The structured result of a list tool: the page without the envelope's `object`. */
export function page<T>({ data, list_metadata }: List<T>) {
  return { data, list_metadata };
}
