import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

/** A request with any Host header, as a page on a rebound name would send it (fetch cannot set Host). */
function withHost(path: string, host: string, method = "GET"): Promise<{ status: number; text: string }> {
  const url = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: { host, authorization: `Bearer ${emu.apiKey}` },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("Host header (DNS rebinding)", () => {
  it("refuses a foreign Host on the control API and the API, with the key and all", async () => {
    const port = new URL(emu.url).port;
    for (const path of ["/_emulator/requests", "/_emulator/faults", "/organizations"]) {
      const refused = await withHost(path, `evil.example:${port}`);
      expect(refused.status, path).toBe(403);
      expect(refused.text).toContain('Host \\"evil.example:');
    }
    expect((await withHost("/_emulator/reset", "evil.example", "POST")).status).toBe(403);
    expect((await withHost("/_emulator/requests", `localhost:${Number(port) + 1}`)).status).toBe(403);
  });

  it("answers loopback names on its own port", async () => {
    const port = new URL(emu.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await withHost("/_emulator/faults", host)).status, host).toBe(200);
    }
  });
});

describe("control API", () => {
  it("requires the API key", async () => {
    expect((await emu.api("GET", "/_emulator/requests", { key: null })).status).toBe(401);
    expect((await emu.api("POST", "/_emulator/reset", { key: "sk_other" })).status).toBe(401);
    expect((await emu.api("GET", "/_emulator/nothing")).status).toBe(404);
  });

  it("logs API requests without Authorization, including faulted ones, and clears the log", async () => {
    await emu.api("DELETE", "/_emulator/requests");
    await emu.api("POST", "/organizations", {
      body: { name: "Logged" },
      headers: { "idempotency-key": "log-1" },
    });
    await emu.api("POST", "/_emulator/faults", {
      body: { method: "GET", path: "/connections", status: 503 },
    });
    await emu.api("GET", "/connections?limit=5&domains=a,b");
    const log = await emu.api("GET", "/_emulator/requests");
    expect(log.json.data).toHaveLength(2);
    const [post, get] = log.json.data;
    expect(post).toMatchObject({ method: "POST", path: "/organizations", body: { name: "Logged" } });
    expect(post.headers["idempotency-key"]).toBe("log-1");
    expect(post.headers).not.toHaveProperty("authorization");
    expect(JSON.stringify(log.json)).not.toContain(emu.apiKey);
    expect(get).toMatchObject({
      method: "GET",
      path: "/connections",
      query: { limit: "5", domains: "a,b" },
      body: null,
    });
    expect(get.request_id).toMatch(/^req_/);
    expect((await emu.api("DELETE", "/_emulator/requests")).status).toBe(204);
    expect((await emu.api("GET", "/_emulator/requests")).json.data).toEqual([]);
  });

  it("resets to the seed", async () => {
    // The seeded history is dated from the (re)load, so it is compared by what happened to what.
    const history = async () =>
      (await emu.api("GET", "/events?limit=100")).json.data.map(
        (e: { event: string; data: { id: string } }) => `${e.event} ${e.data.id}`,
      );
    await emu.api("POST", "/_emulator/reset");
    const seeded = await history();
    await emu.api("DELETE", `/organizations/${DEMO_IDS.organizations.globex}`);
    await emu.api("POST", "/organizations", { body: { name: "Temporary" } });
    expect((await emu.api("POST", "/_emulator/reset")).status).toBe(204);
    expect((await emu.api("GET", `/organizations/${DEMO_IDS.organizations.globex}`)).status).toBe(200);
    expect((await emu.api("GET", "/organizations?search=Temporary")).json.data).toEqual([]);
    expect(await history()).toEqual(seeded);
  });
});
