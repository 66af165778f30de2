import { z } from "zod";
import type { AnyTool, ListPage } from "../tools/define.js";
import type { ModelView } from "./model-view.js";
import { isWorkOSId, quote } from "./quote.js";
import { channelsOf } from "./render.js";
import { visibleData, visibleLine } from "./visible.js";

// Built here, rendered by render.ts: the type lives in its own module so neither imports the other for it.
export type { ModelView } from "./model-view.js";

export interface ViewOptions {
  /** The environment's name, said on every write. */
  environment: string;
  /** No result is larger than this, in either channel. */
  maxChars: number;
  /** What else the model must know with this result (e.g. that its audit log entry is missing). */
  notes?: readonly string[];
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
  notes.push(...(options.notes ?? []));
  if (tool.list !== undefined) return listView(tool, input, output as ListPage, notes, options.maxChars);
  const summary = tool.summary?.(output as never, input as never) ?? objectSummary(tool, output);
  const known = fieldsOf(tool.output);
  const whole = { summary, notes, data: visibleData(output) };
  const view = firstItemsOf(whole, options.maxChars) ?? fitObject(whole, options.maxChars, known);
  return withinBudget(view, options.maxChars);
}

/**
 * A WorkOS list that a tool without a list view returned (workos_read) keeps, over the budget, its first items
 * rather than none, with `list_metadata.after` moved to the last one kept: WorkOS's cursor is the id of a page's
 * last item, so the next call goes on from there. Undefined when it is no such list, fits whole, or not even one
 * item fits (then it is cut as any object is).
 */
function firstItemsOf(view: ModelView, maxChars: number): ModelView | undefined {
  const list = view.data as { object?: unknown; data?: unknown; list_metadata?: unknown } | null;
  if (list?.object !== "list" || !Array.isArray(list.data)) return undefined;
  const items: unknown[] = list.data;
  if (sizeOf(withNotes(view)) <= maxChars) return undefined;
  const firstItems = (count: number): ModelView => {
    const last = (items[count - 1] as { id?: unknown } | undefined)?.id;
    const cursor = isWorkOSId(last) ? last : undefined;
    const metadata = typeof list.list_metadata === "object" ? list.list_metadata : {};
    return withNotes({
      ...view,
      notes: [
        ...(view.notes ?? []),
        `Kept the first ${count} of the ${items.length} items WorkOS returned, to stay under ${maxChars} characters.` +
          (cursor === undefined
            ? " Ask for fewer (a smaller limit) to see the rest."
            : ` For the rest, call again with the same arguments and query.after set to ${quote.id(cursor)}.`),
      ],
      data: {
        ...list,
        data: items.slice(0, count),
        ...(cursor === undefined ? {} : { list_metadata: { ...metadata, after: cursor } }),
      },
    });
  };
  // The most items that fit: a view grows with each item, so a binary search finds it.
  let fits = 0;
  let fitsNot = items.length;
  while (fitsNot - fits > 1) {
    const middle = Math.floor((fits + fitsNot) / 2);
    if (sizeOf(firstItems(middle)) <= maxChars) fits = middle;
    else fitsNot = middle;
  }
  return fits === 0 ? undefined : firstItems(fits);
}

/** A list tool's item schema: its output is a WorkOS list. */
function itemSchema(tool: AnyTool): unknown {
  return (tool.output.shape as { data?: { element?: unknown } }).data?.element;
}

/** The fields a schema declares: an object over the budget keeps them longest. */
function fieldsOf(schema: unknown): ReadonlySet<string> {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return new Set(typeof shape === "object" && shape !== null ? Object.keys(shape) : []);
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
  // directory → directories, but key → keys: a vowel before the y keeps it.
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
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
    // No WorkOS cursor is this long; one that is would be passed whole, twice, past the budget.
    const overlong = typeof nextCursor === "string" && nextCursor.length > MAX_CURSOR_CHARS;
    // A cursor is an object id; anything else would be upstream text in the next call, which is our words.
    const odd = !overlong && nextCursor !== null && !isWorkOSId(nextCursor);
    const call =
      nextCursor === null || overlong || odd ? undefined : nextCall(tool, input, backwards, nextCursor);
    // Nor the model's own arguments, repeated: a 10,000-character search would crowd out the data.
    const callLength = call === undefined ? 0 : JSON.stringify(call.arguments).length;
    const next = callLength > MAX_NEXT_CHARS ? undefined : call;
    const count = `${shown.length} ${plural(list.noun, shown.length)}`;
    const scanned = page.scanned === undefined ? "" : ` matched among ${page.scanned} scanned`;
    const more = odd
      ? "WorkOS's cursor for the next page is not an object id, so no next call is offered"
      : overlong || callLength > MAX_NEXT_CHARS
        ? "next is left out, see the notes"
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
    const nextNote = overlong
      ? [
          `The cursor for the next page is ${nextCursor.length} characters long, far longer than any WorkOS ` +
            "cursor, so next is left out; the server at WORKOS_API_BASE_URL may not be WorkOS.",
        ]
      : callLength > MAX_NEXT_CHARS
        ? [
            `The arguments of the call for the next page come to ${callLength} characters, so next is left out; ` +
              "call again with shorter ones to page on.",
          ]
        : [];
    return withNotes({
      summary: `${count}${scanned}; ${more}.`,
      notes: [...notes, ...cutNote, ...nextNote],
      data: shown,
      ...(next === undefined ? {} : { next }),
    });
  };

  const whole = make(items, false);
  if (sizeOf(whole) <= maxChars) return whole;
  return withinBudget(fitList(items, backwards, make, maxChars, fieldsOf(itemSchema(tool))), maxChars);
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

/** The longest cursor a next call carries; WorkOS cursors are object ids of about 40 characters. */
export const MAX_CURSOR_CHARS = 500;

/** The longest arguments a next call repeats: the cursor and the call's own filters. */
const MAX_NEXT_CHARS = 2_000;

/** Names of left-out fields a note lists; the rest are counted. */
const NAMED_FIELDS = 10;

/** The larger of the two channels, exactly as sent: the JSON of the view, and its text rendering. */
export function sizeOf(view: ModelView): number {
  const { json, text } = channelsOf(view);
  return Math.max(json.length, text.length);
}

/** The characters an entry takes in its object's JSON: `"key":value,`. */
function entrySize(key: string, value: unknown): number {
  return JSON.stringify(key).length + (JSON.stringify(value)?.length ?? 4) + 2;
}

/**
 * Keeps as many items as fit, from the end the walk continues from (the head going forwards, the tail going
 * backwards). Each item is measured once, the count is found from their sums, and the view is measured
 * again only to correct the few characters the frame around the items varies by.
 */
function fitList(
  items: unknown[],
  backwards: boolean,
  make: (shown: unknown[], cut: boolean) => ModelView,
  maxChars: number,
  known: ReadonlySet<string>,
): ModelView {
  const take = (n: number) => (backwards ? items.slice(items.length - n) : items.slice(0, n));
  const ordered = backwards ? [...items].reverse() : items;
  const lengths = ordered.map((item) => (JSON.stringify(item)?.length ?? 4) + 1);
  const room = maxChars - sizeOf(make([], true));
  let count = 0;
  let used = 0;
  while (count < lengths.length && used + (lengths[count] as number) <= room)
    used += lengths[count++] as number;
  while (count > 0) {
    const view = make(take(count), true);
    let excess = sizeOf(view) - maxChars;
    if (excess <= 0) return view;
    while (count > 0 && excess > 0) excess -= lengths[--count] as number;
  }
  if (items.length === 0) return make([], false);
  // Not even one item fits: show the first one cut field by field.
  const first = make(take(1), true);
  const cut = fitObject({ ...first, data: (first.data as unknown[])[0] }, maxChars - 2, known);
  return { ...cut, data: [cut.data] };
}

/**
 * Cuts an object over the budget field by field, and says which fields were left out: fields its schema does
 * not declare first, then the largest. Each field is measured once, so a 5,000-field object costs no more
 * than reading it; the note names the first few and counts the rest, each name clipped.
 */
export function fitObject(
  view: ModelView,
  maxChars: number,
  known: ReadonlySet<string> = new Set(),
): ModelView {
  view = withNotes(view);
  if (sizeOf(view) <= maxChars) return view;
  if (typeof view.data !== "object" || view.data === null || Array.isArray(view.data)) {
    return overBudget(view, maxChars);
  }
  const data = view.data as Record<string, unknown>;
  const order = Object.entries(data)
    .map(([key, value]) => ({ key, size: entrySize(key, value), declared: known.has(key) }))
    .sort((a, b) => Number(a.declared) - Number(b.declared) || b.size - a.size);
  const left: typeof order = [];
  const note = () => {
    const named = left
      .slice(0, NAMED_FIELDS)
      .map(({ key, size }) => `${fieldName(key)} (${size} characters)`);
    const rest = left.slice(NAMED_FIELDS);
    if (rest.length > 0) {
      const size = rest.reduce((sum, field) => sum + field.size, 0);
      named.push(`${rest.length} more ${rest.length === 1 ? "field" : "fields"} (${size} characters)`);
    }
    return `Left out ${named.join(", ")} to stay under ${maxChars} characters; the rest of the object is complete.`;
  };
  const withFields = (kept: typeof order) =>
    withNotes({
      ...view,
      notes: [...(view.notes ?? []), note()],
      data: Object.fromEntries(kept.map(({ key }) => [key, data[key]])),
    });
  // The note's longest form: every named field with a long name, and the count of the rest.
  const frame = sizeOf({ ...view, data: {} }) + NAMED_FIELDS * 80 + 200;
  let kept = order.reduce((sum, field) => sum + field.size, 0);
  let dropped = 0;
  while (dropped < order.length && frame + kept > maxChars)
    kept -= (order[dropped++] as (typeof order)[0]).size;
  for (;;) {
    left.splice(0, left.length, ...order.slice(0, dropped));
    const candidate = withFields(order.slice(dropped));
    let excess = sizeOf(candidate) - maxChars;
    if (excess <= 0 || dropped === order.length) return candidate;
    while (dropped < order.length && excess > 0) excess -= (order[dropped++] as (typeof order)[0]).size;
  }
}

/** A field's name as a note gives it: an upstream can send a 50,000-character key. */
function fieldName(key: string): string {
  // Only a plain word is quoted: any other name is upstream text, which stays in data (see quote.ts).
  return quote.word(key, `a field whose ${key.length}-character name is not a plain word`);
}

/** The result when nothing of the data fits: what it was, and how to ask for less. */
function overBudget(view: ModelView, maxChars: number): ModelView {
  const summary = view.summary.length > 100 ? `${view.summary.slice(0, 100)}…` : view.summary;
  return withNotes({
    summary,
    notes: [
      `The data was left out: even cut, it did not fit in ${maxChars} characters. ` +
        'Narrow the call (a smaller limit, filters, or without detail: "full").',
    ],
    data: Array.isArray(view.data) ? [] : {},
  });
}

/** The last check every view passes: a view over the budget (an enormous summary or note) says so instead. */
function withinBudget(view: ModelView, maxChars: number): ModelView {
  return sizeOf(view) <= maxChars ? view : overBudget(view, maxChars);
}
