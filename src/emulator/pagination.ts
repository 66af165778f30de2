import { LIST_LIMIT, LIST_ORDERS, type List, type ListMetadata } from "../workos-vocabulary.js";
import { unprocessable } from "./errors.js";
import { type Entry, lowerBound } from "./store.js";

export type Order = (typeof LIST_ORDERS)[number];

export interface ListParams {
  limit: number;
  order: Order;
  before: string | undefined;
  after: string | undefined;
}

const ORDERS = new Set<string>(LIST_ORDERS);
const { min: MIN_LIMIT, max: MAX_LIMIT } = LIST_LIMIT;

export function parseListParams(query: URLSearchParams): ListParams {
  const rawLimit = query.get("limit");
  let limit: number = LIST_LIMIT.default;
  if (rawLimit !== null) {
    limit = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(limit >= MIN_LIMIT && limit <= MAX_LIMIT)) {
      throw unprocessable(`limit must be an integer between ${MIN_LIMIT} and ${MAX_LIMIT}.`, [
        {
          field: "limit",
          code: "limit_out_of_range",
          message: `limit must be between ${MIN_LIMIT} and ${MAX_LIMIT}`,
        },
      ]);
    }
  }
  const order = query.get("order") ?? "desc";
  if (!ORDERS.has(order)) {
    throw unprocessable(`order must be one of ${LIST_ORDERS.join(", ")}.`, [
      { field: "order", code: "invalid_order", message: "order must be asc, desc or normal" },
    ]);
  }
  return {
    limit,
    order: order as Order,
    before: query.get("before") || undefined,
    after: query.get("after") || undefined,
  };
}

/**
 * One page of `entries` (sorted oldest first). asc: after = newer; desc: after = older;
 * normal: newest first like desc, but after = newer and before = older.
 */
export function paginate<T extends { id: string }, R>(
  entries: readonly Entry<T>[],
  params: ListParams,
  /** Where a cursor id sits in creation order (the store's clock); deleted objects keep their place. */
  clock: { positionOf(id: string): number | undefined },
  serialize: (value: T) => R,
): List<R> {
  const position = (field: "before" | "after", id: string): number => {
    const seq = clock.positionOf(id);
    if (seq === undefined) {
      throw unprocessable(`${field} must be the id of an object returned by a previous list call.`, [
        { field, code: "invalid_cursor", message: `Unknown cursor ${id}` },
      ]);
    }
    return seq;
  };
  const higherKey = params.order === "desc" ? "before" : "after";
  const lowerKey = params.order === "desc" ? "after" : "before";
  const higherCursor = params[higherKey];
  const lowerCursor = params[lowerKey];

  let start = 0;
  let end = entries.length;
  if (higherCursor !== undefined) start = lowerBound(entries, position(higherKey, higherCursor) + 1);
  if (lowerCursor !== undefined) end = lowerBound(entries, position(lowerKey, lowerCursor));
  if (end < start) end = start;

  let takeOldest: boolean;
  if (higherCursor !== undefined && lowerCursor !== undefined) takeOldest = higherKey === "after";
  else if (higherCursor !== undefined) takeOldest = true;
  else if (lowerCursor !== undefined) takeOldest = false;
  else takeOldest = params.order === "asc";

  if (takeOldest) end = Math.min(end, start + params.limit);
  else start = Math.max(start, end - params.limit);

  const window = entries.slice(start, end);
  const first = window[0];
  const last = window[window.length - 1];
  const higher = last !== undefined && end < entries.length ? last.value.id : null;
  const lower = first !== undefined && start > 0 ? first.value.id : null;
  const data = window.map((e) => serialize(e.value));
  if (params.order !== "asc") data.reverse();
  const list_metadata: ListMetadata =
    params.order === "desc" ? { before: higher, after: lower } : { before: lower, after: higher };
  return { object: "list", data, list_metadata };
}
