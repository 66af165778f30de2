import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start({ seed: { organizations: [] } });
});
afterAll(() => emu.close());

async function count(): Promise<number> {
  return (await emu.api("GET", "/organizations?limit=100")).json.data.length;
}

describe("Idempotency-Key on POST", () => {
  it("replays the first response for the same key and body and creates nothing", async () => {
    const before = await count();
    const headers = { "idempotency-key": "key-replay" };
    const first = await emu.api("POST", "/organizations", {
      body: { name: "Once", metadata: { a: "1", b: "2" } },
      headers,
    });
    expect(first.status).toBe(201);
    const second = await emu.api("POST", "/organizations", {
      body: { metadata: { b: "2", a: "1" }, name: "Once" },
      headers,
    });
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await count()).toBe(before + 1);
  });

  it("refuses the same key with a different body", async () => {
    const headers = { "idempotency-key": "key-conflict" };
    expect((await emu.api("POST", "/organizations", { body: { name: "A" }, headers })).status).toBe(201);
    const other = await emu.api("POST", "/organizations", { body: { name: "B" }, headers });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe("idempotency_key_reused");
    expect(other.json.message).toMatch(/Idempotency-Key/);
  });

  it("does not keep rejected requests, so a corrected retry with the same key succeeds; no key means no dedup", async () => {
    const headers = { "idempotency-key": "key-error" };
    expect((await emu.api("POST", "/organizations", { body: {}, headers })).status).toBe(422);
    expect((await emu.api("POST", "/organizations", { body: { name: "Fixed" }, headers })).status).toBe(201);
    const before = await count();
    await emu.api("POST", "/organizations", { body: { name: "NoKey" } });
    await emu.api("POST", "/organizations", { body: { name: "NoKey" } });
    expect(await count()).toBe(before + 2);
  });

  it("answers a deeply nested body like one that is not JSON, with or without a key, and keeps serving", async () => {
    const deep = `{"name":"Deep","metadata":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    for (const headers of [{ "idempotency-key": "key-deep" }, {}]) {
      const res = await emu.api("POST", "/organizations", { body: deep, headers });
      expect(res.status, res.text).toBe(422);
      expect(res.json.message).toMatch(/nested more than 64 levels/);
    }
    const log = await emu.api("GET", "/_emulator/requests");
    expect(log.status).toBe(200);
    expect(log.json.data.at(-1).body).toMatchObject({ not_logged: expect.stringMatching(/bytes/) });
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
  });
});
