import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ModelView } from "../../src/mcp/view.js";

/** The model view a successful call returns as structuredContent, its data typed as the test expects. */
export function viewOf<Data = Record<string, unknown>>(result: CallToolResult): ModelView & { data: Data } {
  return result.structuredContent as unknown as ModelView & { data: Data };
}

/** The WorkOS data of a successful call: an object, or a list's items. */
export function dataOf<Data = Record<string, unknown>>(result: CallToolResult): Data {
  return viewOf<Data>(result).data;
}
