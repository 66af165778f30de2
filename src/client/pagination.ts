import type { List, PaginateOptions, Query } from "./client.js";
import { WorkOSError } from "./errors.js";

/** Fetches one page; the client binds path, auth and retries. */
export type FetchPage<T> = (query: Query, signal: AbortSignal | undefined) => Promise<List<T>>;

const MAX_PAGE_SIZE = 100;

function invalidList(message: string): WorkOSError {
  return new WorkOSError(message, { category: "invalid_response", retryable: false });
}

function isList(value: unknown): value is List<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const list = value as Partial<List<unknown>>;
  return Array.isArray(list.data) && typeof list.list_metadata === "object" && list.list_metadata !== null;
}

/**
 * Walks a WorkOS list by cursor: exactly one request per page, no sleeps (a 429 is handled by the client's
 * retry with Retry-After). Follows `list_metadata[direction]` until it is null; `maxItems` stops early and
 * shrinks the last page's `limit` so nothing extra is fetched.
 */
export async function* paginate<T>(
  fetchPage: FetchPage<T>,
  options: PaginateOptions = {},
): AsyncGenerator<List<T>, void, undefined> {
  const { query = {}, pageSize = MAX_PAGE_SIZE, maxItems, direction = "after", signal } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 0)) {
    throw new RangeError("maxItems must be an integer >= 0");
  }
  const opposite = direction === "after" ? "before" : "after";
  let remaining = maxItems ?? Number.POSITIVE_INFINITY;
  let pageQuery: Query = query;
  let cursor = query[direction];

  while (remaining > 0) {
    const page = await fetchPage({ ...pageQuery, limit: Math.min(pageSize, remaining) }, signal);
    if (!isList(page)) throw invalidList("Expected a WorkOS list ({data, list_metadata}) in the response.");
    const data = page.data.length > remaining ? page.data.slice(0, remaining) : page.data;
    remaining -= data.length;
    yield data === page.data ? page : { ...page, data };

    const next = page.list_metadata[direction];
    if (typeof next !== "string" || next === "" || page.data.length === 0) return;
    // A server that hands back the same cursor would otherwise make this loop forever.
    if (next === cursor) throw invalidList(`Pagination cursor "${next}" did not advance.`);
    cursor = next;
    // Only the followed cursor goes on; the caller's opposite cursor would contradict it.
    pageQuery = { ...query, [direction]: next, [opposite]: undefined };
  }
}

/** Flattens pages into items; `maxItems` is already enforced by `paginate`. */
export async function* paginateItems<T>(pages: AsyncIterable<List<T>>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page.data;
}
