import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let clock = 1_000_000;
let emu: TestEmulator;
beforeAll(async () => {
  emu = await start({ rateLimit: { requests: 2, windowMs: 10_000 }, now: () => clock });
});
afterAll(() => emu.close());

describe("optional rate limit", () => {
  it("answers 429 with Retry-After once the window is used up, then recovers", async () => {
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
    const limited = await emu.api("GET", "/organizations");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
    expect(limited.json).toMatchObject({ code: "rate_limit_exceeded" });
    const users = await emu.api("GET", `/directory_users?directory=${DEMO_IDS.directories.fooCorpOkta}`);
    expect(users.status).toBe(429);
    expect(users.json).toBe("Ratelimited");
    clock += 10_000;
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
  });
});
