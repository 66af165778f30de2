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

/** A view's two channels as sent: its JSON (structuredContent) and its text. */
export interface Channels {
  json: string;
  text: string;
}

const rendered = new WeakMap<ModelView, Channels>();

/**
 * The view's channels, rendered once per view: a view is measured while it is made (src/mcp/view.ts), again
 * against the token budget, and then sent, always the same object. Views are never changed once made (each
 * step makes a new one), so what was measured is what is sent, fence tag and all.
 */
export function channelsOf(view: ModelView): Channels {
  let channels = rendered.get(view);
  if (channels === undefined) {
    channels = { json: JSON.stringify(view), text: renderText(view) };
    rendered.set(view, channels);
  }
  return channels;
}
