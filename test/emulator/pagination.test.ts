import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Seed } from "../../src/emulator/index.js";
import { start, type TestEmulator, walk } from "./helpers.js";

const seed: Seed = {
  organizations: Array.from({ length: 250 }, (_, i) => ({ name: `Org ${String(i).padStart(3, "0")}` })),
};

let emu: TestEmulator;
let ascending: string[];
beforeAll(async () => {
  emu = await start({ seed });
  const pages = await walk(emu, "/organizations?limit=100&order=asc", "after");
  ascending = pages.flat();
});
afterAll(() => emu.close());

describe("cursor pagination", () => {
  it("seeds objects with distinct increasing created_at", async () => {
    const res = await emu.api("GET", "/organizations?limit=100&order=asc");
    const times = res.json.data.map((o: { created_at: string }) => o.created_at);
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort()).toEqual(times);
    expect(res.json.data[0].name).toBe("Org 000");
  });

  it("walks 250 items 100 at a time in 3 pages, descending by default", async () => {
    const pages = await walk(emu, "/organizations?limit=100", "after");
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual([...ascending].reverse());
    expect(ascending).toHaveLength(250);
    expect(new Set(ascending).size).toBe(250);
  });

  it("agrees between asc/after, desc/after, and walking back with before", async () => {
    const descBack = await walk(emu, "/organizations?limit=100&order=desc", "before", ascending[0]);
    // Each page is newest first; walking `before` in desc order moves toward newer objects.
    expect(descBack.map((p) => p.length)).toEqual([100, 100, 49]);
    expect(descBack.flatMap((p) => [...p].reverse())).toEqual(ascending.slice(1));
    const ascBack = await walk(emu, "/organizations?limit=100&order=asc", "before", ascending[249]);
    expect(ascBack.map((p) => p.length)).toEqual([100, 100, 49]);
    expect(ascBack.reverse().flat()).toEqual(ascending.slice(0, 249));
  });

  it("sets before only when items precede the page and after only when more follow", async () => {
    const first = await emu.api("GET", "/organizations?limit=100");
    expect(first.json.list_metadata.before).toBeNull();
    expect(first.json.list_metadata.after).toBe(first.json.data[99].id);
    const second = await emu.api("GET", `/organizations?limit=100&after=${first.json.list_metadata.after}`);
    expect(second.json.list_metadata.before).toBe(second.json.data[0].id);
    const back = await emu.api("GET", `/organizations?limit=100&before=${second.json.list_metadata.before}`);
    expect(back.json.data.map((o: { id: string }) => o.id)).toEqual(
      first.json.data.map((o: { id: string }) => o.id),
    );
    expect(back.json.list_metadata.before).toBeNull();
  });

  it("implements order=normal: newest first, after fetches newer and before fetches older", async () => {
    const first = await emu.api("GET", "/organizations?limit=100&order=normal");
    const ids = first.json.data.map((o: { id: string }) => o.id);
    expect(ids).toEqual([...ascending].reverse().slice(0, 100));
    expect(first.json.list_metadata.after).toBeNull();
    expect(first.json.list_metadata.before).toBe(ids[99]);
    const older = await walk(emu, "/organizations?limit=100&order=normal", "before");
    expect(older.flat()).toEqual([...ascending].reverse());
    const newer = await emu.api("GET", `/organizations?limit=2&order=normal&after=${ascending[10]}`);
    expect(newer.json.data.map((o: { id: string }) => o.id)).toEqual([ascending[12], ascending[11]]);
  });

  it("validates limit and order with 422", async () => {
    for (const query of ["limit=0", "limit=101", "limit=abc", "limit=1.5", "limit=-1", "order=sideways"]) {
      const res = await emu.api("GET", `/organizations?${query}`);
      expect(res.status, query).toBe(422);
      expect(typeof res.json.message).toBe("string");
    }
    expect((await emu.api("GET", "/organizations")).json.data).toHaveLength(10);
    expect((await emu.api("GET", "/organizations?limit=1")).json.data).toHaveLength(1);
    expect((await emu.api("GET", "/organizations?limit=100")).json.data).toHaveLength(100);
  });

  it("rejects an unknown cursor with 422", async () => {
    const res = await emu.api("GET", "/organizations?after=org_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    expect(res.status).toBe(422);
  });

  it("keeps creation order for objects created within the same millisecond", async () => {
    const now = Date.now();
    const local = await start({ seed: { organizations: [] }, now: () => now });
    try {
      const created: string[] = [];
      for (let i = 0; i < 30; i++) {
        created.push((await local.api("POST", "/organizations", { body: { name: `Same ${i}` } })).json.id);
      }
      expect([...created].sort()).toEqual(created);
      const listed = await walk(local, "/organizations?limit=7&order=asc", "after");
      expect(listed.flat()).toEqual(created);
    } finally {
      await local.close();
    }
  });
});
