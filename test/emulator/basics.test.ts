import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

describe("auth and common behaviour", () => {
  it("listens on 127.0.0.1 with the default key", () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.apiKey).toBe("sk_test_emulator");
  });

  it("answers 401 without a key or with an unknown key, never echoing it", async () => {
    const missing = await emu.api("GET", "/organizations", { key: null });
    expect(missing.status).toBe(401);
    expect(typeof missing.json.message).toBe("string");
    const wrong = await emu.api("GET", "/organizations", { key: "sk_test_wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain("sk_test_wrong");
  });

  it("keeps idle sockets a minute, so a stalled client never reuses one it just closed", async () => {
    const res = await emu.api("GET", "/organizations");
    expect(res.headers.get("keep-alive")).toBe("timeout=65");
  });

  it("sets X-Request-ID and a JSON content type on every response", async () => {
    for (const res of [
      await emu.api("GET", "/organizations"),
      await emu.api("GET", "/organizations", { key: null }),
    ]) {
      expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(res.headers.get("content-type")).toContain("application/json");
    }
  });

  it("answers 404 JSON for unknown routes and 405 for wrong methods", async () => {
    const unknown = await emu.api("GET", "/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toContain("/nope");
    const wrong = await emu.api("PATCH", "/organizations");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect(typeof wrong.json.message).toBe("string");
  });

  it("answers 422 for a body that is not JSON", async () => {
    const res = await emu.api("POST", "/organizations", { body: "{not json" });
    expect(res.status).toBe(422);
    expect(res.json.message).toMatch(/not valid JSON/);
  });

  it("uses ISO timestamps with milliseconds and prefixed ULID ids", async () => {
    const res = await emu.api("GET", "/organizations?limit=1");
    const org = res.json.data[0];
    expect(org.id).toMatch(/^org_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(org.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
