import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { globMatcher, MAX_FAULT_PATH_LENGTH } from "../../src/emulator/faults.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

async function fault(body: unknown): Promise<void> {
  const res = await emu.api("POST", "/_emulator/faults", { body });
  expect(res.status, res.text).toBe(201);
}

async function waitForLogged(path: string): Promise<void> {
  for (;;) {
    const log = await emu.api("GET", "/_emulator/requests");
    if (log.json.data.some((r: { path: string }) => r.path === path)) return;
  }
}

describe("fault injection", () => {
  it("answers with a queued status, body and headers, once by default", async () => {
    await fault({ method: "GET", path: "/organizations", status: 429, headers: { "Retry-After": "2" } });
    const limited = await emu.api("GET", "/organizations");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.headers.get("x-request-id")).toMatch(/^req_/);
    expect(typeof limited.json.message).toBe("string");
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
  });

  it("serves HTML bodies, wildcards, method '*', times and FIFO order", async () => {
    await fault({
      method: "*",
      path: "/organizations/*",
      status: 502,
      body: "<html><body>Bad Gateway</body></html>",
      times: 2,
    });
    await fault({ method: "GET", path: "/organizations/*", status: 503 });
    const html = await emu.api("GET", "/organizations/org_x");
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.text).toContain("Bad Gateway");
    expect((await emu.api("DELETE", "/organizations/org_x")).status).toBe(502);
    expect((await emu.api("GET", "/organizations/org_x")).status).toBe(503);
    expect((await emu.api("GET", "/organizations/org_x")).status).toBe(404);
  });

  it("delays before answering or before the real handler", async () => {
    const DELAY_MS = 150;
    // Timers may fire a millisecond early against performance.now().
    const TOLERANCE_MS = 5;
    const timed = async (path: string) => {
      const started = performance.now();
      const res = await emu.api("GET", path);
      return { res, elapsed: performance.now() - started };
    };
    await fault({ method: "GET", path: "/connections", delay_ms: DELAY_MS });
    const handled = await timed("/connections");
    expect(handled.res.status).toBe(200);
    expect(handled.res.json.object).toBe("list");
    expect(handled.elapsed).toBeGreaterThanOrEqual(DELAY_MS - TOLERANCE_MS);

    await fault({ method: "GET", path: "/directories", delay_ms: DELAY_MS, status: 503 });
    const answered = await timed("/directories");
    expect(answered.res.status).toBe(503);
    expect(answered.elapsed).toBeGreaterThanOrEqual(DELAY_MS - TOLERANCE_MS);

    // Both faults were used up: nothing is left to delay the next call.
    expect((await emu.api("GET", "/_emulator/faults")).json.data).toEqual([]);
  });

  it("resets the connection without a response", async () => {
    await fault({ method: "GET", path: "/organizations", action: "reset" });
    await expect(emu.api("GET", "/organizations")).rejects.toThrow();
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
  });

  it("reset_after runs the handler first; a retry with the same Idempotency-Key creates exactly one org", async () => {
    await fault({ method: "POST", path: "/organizations", action: "reset_after" });
    const headers = { "idempotency-key": "dropped-response" };
    const body = { name: "Exactly Once" };
    await expect(emu.api("POST", "/organizations", { body, headers })).rejects.toThrow();
    const retry = await emu.api("POST", "/organizations", { body, headers });
    expect(retry.status).toBe(201);
    const found = await emu.api("GET", "/organizations?search=Exactly%20Once");
    expect(found.json.data.map((o: { id: string }) => o.id)).toEqual([retry.json.id]);
  });

  it("accepts action reset with after_handling: true as the same thing", async () => {
    await fault({ method: "POST", path: "/organizations", action: "reset", after_handling: true });
    await expect(emu.api("POST", "/organizations", { body: { name: "Acted" } })).rejects.toThrow();
    expect((await emu.api("GET", "/organizations?search=Acted")).json.data).toHaveLength(1);
  });

  it("answers malformed JSON with 200", async () => {
    await fault({ method: "GET", path: "/directories", action: "malformed_json" });
    const res = await emu.api("GET", "/directories");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it("hangs until close() ends the request", async () => {
    await fault({ method: "GET", path: "/connections", action: "hang" });
    const pending = emu.api("GET", "/connections");
    const outcome = pending.then(
      () => "answered",
      () => "failed",
    );
    await waitForLogged("/connections");
    await emu.close();
    expect(await outcome).toBe("failed");
  });

  it("lists and clears faults, and validates them", async () => {
    await fault({ method: "GET", path: "/organizations", status: 500, times: 3 });
    const listed = await emu.api("GET", "/_emulator/faults");
    expect(listed.json.data[0]).toMatchObject({
      method: "GET",
      path: "/organizations",
      status: 500,
      remaining: 3,
    });
    expect((await emu.api("DELETE", "/_emulator/faults")).status).toBe(204);
    expect((await emu.api("GET", "/organizations")).status).toBe(200);
    const bad = await emu.api("POST", "/_emulator/faults", {
      body: { method: "GET", path: "/x", action: "explode" },
    });
    expect(bad.status).toBe(422);
    expect((await emu.api("POST", "/_emulator/faults", { body: { path: "/x", status: 500 } })).status).toBe(
      422,
    );
  });
});

describe("fault path globs", () => {
  it.each([
    ["/organizations", "/organizations", true],
    ["/organizations", "/organizations/org_1", false],
    ["*", "/anything/at/all", true],
    ["*", "", true],
    ["/organizations/*", "/organizations/org_1", true],
    ["/organizations/*", "/organizations", false],
    ["*/sessions", "/user_management/users/u_1/sessions", true],
    ["*/sessions", "/user_management/users/u_1/sessions/x", false],
    ["/a*b*c", "/abc", true],
    ["/a*b*c", "/aXbYc", true],
    ["/a*b*c", "/acb", false],
    ["/a*a", "/a", false],
    ["/ab*ba", "/aba", false],
    ["/ab*ba", "/abba", true],
    ["/x*.y", "/x-z.y", true],
    ["/x*.y", "/x-zy", false],
    ["/(a)*[b]", "/(a)zz[b]", true],
  ] as const)("%j against %j: %s", (pattern, path, matches) => {
    expect(globMatcher(pattern)(path)).toBe(matches);
  });

  it("matches a pattern built to backtrack in linear time, and the emulator keeps answering", async () => {
    // As a regular expression this pattern takes minutes against the path (each * retried at every place).
    const pattern = `*${"a*".repeat(30)}b`;
    const path = `/${"a".repeat(10_000)}`;
    const started = performance.now();
    expect(globMatcher(pattern)(path)).toBe(false);
    expect(globMatcher(pattern)(`${path}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);

    await fault({ method: "GET", path: pattern, status: 500 });
    expect((await emu.api("GET", path)).status).toBe(404);
  });

  it(`refuses a fault path over ${MAX_FAULT_PATH_LENGTH} characters`, async () => {
    const res = await emu.api("POST", "/_emulator/faults", {
      body: { method: "GET", path: `/${"*a".repeat(MAX_FAULT_PATH_LENGTH)}`, status: 500 },
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(`path must be at most ${MAX_FAULT_PATH_LENGTH} characters`);
  });
});
