import { z } from "zod";
import type { AnyTool, ListPage } from "../tools/define.js";
import { isWorkOSId, quote } from "./quote.js";
import { visibleData, visibleLine } from "./visible.js";

/**
 * What the model reads, whichever channel its client shows: clients that read structuredContent get this
 * object as JSON, clients that read text get `renderText` of it. Both carry the same facts and guidance.
 */
export interface ModelView {
  /** The result in one line of our own words. */
  summary: string;
  /** What the model must know with it: environment, warnings, confirmation, truncation. */
  notes?: string[];
  /** The WorkOS data: one object, or a list's items. */
  data: unknown;
  /** The exact call for the next page, when there is one. */
  next?: { tool: string; arguments: Record<string, unknown> };
}

export interface ViewOptions {
  /** The environment's name, said on every write. */
  environment: string;
  /** No result is larger than this, in either channel. */
  maxChars: number;
}

/** Builds the model view of a successful call, within the budget. */
export function viewOf(
  tool: AnyTool,
  input: Record<string, unknown>,
  output: unknown,
  options: ViewOptions,
): ModelView {
  const notes = [...(tool.notes?.(output as never, input as never) ?? [])];
  if (!tool.annotations.readOnlyHint) notes.push(`Environment: ${options.environment}.`);
  if (tool.list !== undefined) return listView(tool, input, output as ListPage, notes, options.maxChars);
  const summary = tool.summary?.(output as never, input as never) ?? objectSummary(tool, output);
  return fitObject({ summary, notes, data: visibleData(output) }, options.maxChars);
}

/** A WorkOS object names its kind (the one its schema names, not WorkOS's word) and id; the rest is in data. */
function objectSummary(tool: AnyTool, output: unknown): string {
  const { object, id } = (output ?? {}) as { object?: unknown; id?: unknown };
  const kind = tool.output.shape.object;
  if (!(kind instanceof z.ZodLiteral) || kind.value !== object) return "Done; the result is in data.";
  return `The ${String(kind.value).replaceAll("_", " ")} ${quote.id(id)}; every field WorkOS returned is in data.`;
}

/** The view in its final shape: our lines with hidden characters made visible, no empty notes. */
function withNotes(view: ModelView): ModelView {
  const { summary, notes, data, next } = view;
  return {
    summary: visibleLine(summary),
    ...(notes !== undefined && notes.length > 0 ? { notes: notes.map(visibleLine) } : {}),
    data,
    ...(next === undefined ? {} : { next: visibleData(next) as NonNullable<ModelView["next"]> }),
  };
}

// ---- lists ----

function plural(noun: string, count: number): string {
  if (count === 1) return noun;
  return noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** Drops what says nothing: empty values, and fields that only repeat the filter the call gave. */
function withoutRepeats(item: Record<string, unknown>, input: Record<string, unknown>) {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (input[key] !== undefined && input[key] === value) continue;
    result[key] = value;
  }
  return result;
}

function listView(
  tool: AnyTool,
  input: Record<string, unknown>,
  page: ListPage,
  notes: string[],
  maxChars: number,
): ModelView {
  const list = tool.list as NonNullable<AnyTool["list"]>;
  const full = input.detail === "full";
  const items = page.data.map((item) =>
    visibleData(
      full ? (list.full?.(item as never) ?? item) : withoutRepeats(list.project(item as never), input),
    ),
  );
  const legend = full ? undefined : list.legend?.(input);
  if (legend !== undefined) notes.push(legend);
  // Walking backwards (a `before` cursor was given) goes on with `before`; otherwise with `after`.
  const backwards = input.before !== undefined;
  const cursor = backwards ? page.list_metadata.before : page.list_metadata.after;

  const make = (shown: unknown[], cut: boolean): ModelView => {
    const edge = (backwards ? shown[0] : shown.at(-1)) as { id?: unknown } | undefined;
    const nextCursor = cut && typeof edge?.id === "string" ? edge.id : cursor;
    // A cursor is an object id; anything else would be upstream text in the next call, which is our words.
    const odd = nextCursor !== null && !isWorkOSId(nextCursor);
    const next = nextCursor === null || odd ? undefined : nextCall(tool, input, backwards, nextCursor);
    const count = `${shown.length} ${plural(list.noun, shown.length)}`;
    const scanned = page.scanned === undefined ? "" : ` matched among ${page.scanned} scanned`;
    const more = odd
      ? "WorkOS's cursor for the next page is not an object id, so no next call is offered"
      : next === undefined
        ? "this is the last page"
        : page.scanned === undefined
          ? "more follow: next is the call for the next page"
          : "more remain unscanned: next is the call that goes on scanning";
    const cutNote = cut
      ? [
          `Cut to ${shown.length} of the ${items.length} items on this page to stay under ${maxChars} characters; ` +
            `next goes on ${backwards ? "before the first" : "after the last"} one shown. ` +
            `Narrow the call with a smaller limit or filters${full ? ', or leave out detail: "full"' : ""}.`,
        ]
      : [];
    return withNotes({
      summary: `${count}${scanned}; ${more}.`,
      notes: [...notes, ...cutNote],
      data: shown,
      ...(next === undefined ? {} : { next }),
    });
  };

  const whole = make(items, false);
  if (sizeOf(whole) <= maxChars) return whole;
  return fitList(items, backwards, make, maxChars);
}

function nextCall(
  tool: AnyTool,
  input: Record<string, unknown>,
  backwards: boolean,
  cursor: string,
): ModelView["next"] {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key !== "before" && key !== "after" && value !== undefined) args[key] = value;
  }
  args[backwards ? "before" : "after"] = cursor;
  return { tool: tool.name, arguments: args };
}

// ---- the budget ----

/** The larger of the two channels: the JSON of the view, and its text rendering (about as long, plus the fence). */
export function sizeOf(view: ModelView): number {
  // The text adds the fence (two tags of 22 characters) and a few words around `next`, and drops JSON's keys.
  return JSON.stringify(view).length + TEXT_OVERHEAD;
}
const TEXT_OVERHEAD = 80;

function fitList(
  items: unknown[],
  backwards: boolean,
  make: (shown: unknown[], cut: boolean) => ModelView,
  maxChars: number,
): ModelView {
  const lengths = items.map((item) => JSON.stringify(item).length + 1);
  const room = maxChars - sizeOf(make([], true));
  // Items are kept from the end the walk continues from: the head going forwards, the tail going backwards.
  const order = backwards ? [...lengths].reverse() : lengths;
  let count = 0;
  let used = 0;
  while (count < order.length && used + (order[count] as number) <= room) used += order[count++] as number;
  const take = (n: number) => (backwards ? items.slice(items.length - n) : items.slice(0, n));
  for (; count > 0; count--) {
    const view = make(take(count), true);
    if (sizeOf(view) <= maxChars) return view;
  }
  // Not even one item fits: show the first one cut field by field.
  const first = make(take(1), true);
  const cut = fitObject({ ...first, data: (first.data as unknown[])[0] }, maxChars - 2);
  return { ...cut, data: [cut.data] };
}

/** Cuts an object over the budget field by field, largest first, and says which fields were left out. */
export function fitObject(view: ModelView, maxChars: number): ModelView {
  view = withNotes(view);
  if (sizeOf(view) <= maxChars) return view;
  if (typeof view.data !== "object" || view.data === null || Array.isArray(view.data)) {
    return withNotes({ ...view, data: clipped(JSON.stringify(view.data), maxChars / 2) });
  }
  const data: Record<string, unknown> = { ...(view.data as Record<string, unknown>) };
  const sizes = Object.entries(data)
    .map(([key, value]) => [key, JSON.stringify(value).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const left: string[] = [];
  const note = () =>
    `Left out ${left.join(", ")} to stay under ${maxChars} characters; the rest of the object is complete.`;
  let candidate = view;
  for (const [key, size] of sizes) {
    delete data[key];
    left.push(`${quote.word(key, "a field")} (${size} characters)`);
    candidate = withNotes({ ...view, notes: [...(view.notes ?? []), note()], data: { ...data } });
    if (sizeOf(candidate) <= maxChars) return candidate;
  }
  return candidate;
}

function clipped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max))}…` : text;
}
