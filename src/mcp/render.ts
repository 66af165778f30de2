import { randomUUID } from "node:crypto";
import type { ModelView } from "./model-view.js";
import { visibleLine } from "./visible.js";

export const DATA_TAG = "workos-data";

/**
 * WorkOS data (names, attributes, anything a customer's identity provider wrote) goes inside a tag whose
 * random suffix the data cannot guess, so it cannot close the block and speak as the server.
 */
export function fence(lines: readonly string[]): string {
  // The first 8 hex digits of a v4 UUID are random: 32 bits, like randomBytes(4), from Node's batched entropy.
  const tag = `${DATA_TAG}-${randomUUID().slice(0, 8)}`;
  return [`<${tag}>`, ...lines.map(visibleLine), `</${tag}>`].join("\n");
}

/**
 * The text channel: the same view, read as a person would. Our words outside the data fence, WorkOS data
 * inside it (a list one item a line), and the next-page call last.
 */
export function renderText(view: ModelView): string {
  const lines = [visibleLine(view.summary), ...(view.notes ?? []).map(visibleLine)];
  const data = Array.isArray(view.data)
    ? view.data.map((item) => JSON.stringify(item))
    : [JSON.stringify(view.data)];
  lines.push(fence(data));
  if (view.next !== undefined) {
    lines.push(visibleLine(`Next page: call ${view.next.tool} with ${JSON.stringify(view.next.arguments)}.`));
  }
  return lines.join("\n");
}
