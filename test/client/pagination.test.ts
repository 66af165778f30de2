import { describe, expect, it } from "vitest";
import type { List, Query } from "../../src/client/client.js";
import { WorkOSError } from "../../src/client/errors.js";
import { paginate, paginateItems } from "../../src/client/pagination.js";

// An in-memory list endpoint with WorkOS cursor semantics (order desc by position, ids "i<n>").
function listSource(total: number) {
  const ids = Array.from({ length: total }, (_, index) => `i${index}`);
  const calls: Query[] = [];
  const fetchPage = async (query: Query): Promise<List<string>> => {
    calls.push(query);
    const limit = Number(query.limit ?? 10);
    let start = 0;
    let end = ids.length;
    if (typeof query.after === "string") start = ids.indexOf(query.after) + 1;
    if (typeof query.before === "string") end = ids.indexOf(query.before);
    const data =
      typeof query.before === "string"
        ? ids.slice(Math.max(start, end - limit), end)
        : ids.slice(start, start + limit);
    const first = data[0];
    const last = data.at(-1);
    return {
      object: "list",
      data,
      list_metadata: {
        before: first !== undefined && ids.indexOf(first) > 0 ? first : null,
        after: last !== undefined && ids.indexOf(last) < ids.length - 1 ? last : null,
      },
    };
  };
  return { ids, calls, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const value of iterable) result.push(value);
  return result;
}

describe("paginate", () => {
  it("makes exactly one request per page and follows after", async () => {
    const source = listSource(250);
    const pages = await collect(paginate(source.fetchPage, { query: { order: "desc" } }));
    expect(pages.map((page) => page.data.length)).toEqual([100, 100, 50]);
    expect(source.calls).toEqual([
      { order: "desc", limit: 100 },
      { order: "desc", after: "i99", before: undefined, limit: 100 },
      { order: "desc", after: "i199", before: undefined, limit: 100 },
    ]);
  });

  it("stops at maxItems and shrinks the last page's limit", async () => {
    const source = listSource(250);
    const items = await collect(paginateItems(paginate(source.fetchPage, { pageSize: 40, maxItems: 90 })));
    expect(items).toEqual(source.ids.slice(0, 90));
    expect(source.calls.map((call) => call.limit)).toEqual([40, 40, 10]);
  });

  it("maxItems 0 makes no request", async () => {
    const source = listSource(5);
    expect(await collect(paginate(source.fetchPage, { maxItems: 0 }))).toEqual([]);
    expect(source.calls).toHaveLength(0);
  });

  it("truncates a page when the server ignores limit", async () => {
    const fetchPage = async (): Promise<List<number>> => ({
      object: "list",
      data: [1, 2, 3, 4, 5],
      list_metadata: { before: null, after: "x" },
    });
    const pages = await collect(paginate(fetchPage, { maxItems: 3 }));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.data).toEqual([1, 2, 3]);
  });

  it("walks backwards with direction before, dropping the caller's after", async () => {
    const source = listSource(25);
    const pages = await collect(
      paginate(source.fetchPage, {
        pageSize: 10,
        direction: "before",
        query: { before: "i24", after: "i0" },
      }),
    );
    expect(pages.map((page) => page.data[0])).toEqual(["i14", "i4", "i0"]);
    expect(source.calls[1]).toEqual({ before: "i14", after: undefined, limit: 10 });
    expect(pages.flatMap((page) => page.data).sort()).toEqual(source.ids.slice(0, 24).sort());
  });

  it("starts from the caller's cursor", async () => {
    const source = listSource(30);
    const items = await collect(paginateItems(paginate(source.fetchPage, { query: { after: "i19" } })));
    expect(items).toEqual(source.ids.slice(20));
    expect(source.calls).toHaveLength(1);
  });

  it("fails on a cursor that does not advance instead of looping", async () => {
    let requests = 0;
    const fetchPage = async (): Promise<List<number>> => {
      // Bounded, so a broken guard fails here instead of looping until memory runs out.
      if (++requests > 10) throw new Error(`still paginating after ${requests - 1} requests`);
      return { object: "list", data: [1], list_metadata: { before: null, after: "same" } };
    };
    await expect(collect(paginate(fetchPage, {}))).rejects.toThrow(/did not advance/);
    // The first page hands out "same"; the second hands it back and is the last.
    expect(requests).toBe(2);
  });

  it("rejects a response that is not a list", async () => {
    const fetchPage = async () => ({ id: "org_1" }) as unknown as List<number>;
    await expect(collect(paginate(fetchPage, {}))).rejects.toBeInstanceOf(WorkOSError);
  });

  it.each([0, 101, 1.5])("rejects pageSize %s", async (pageSize) => {
    await expect(collect(paginate(listSource(1).fetchPage, { pageSize }))).rejects.toThrow(RangeError);
  });

  it("is lazy: nothing is fetched until iteration", () => {
    const source = listSource(3);
    paginate(source.fetchPage, {});
    expect(source.calls).toHaveLength(0);
  });
});
