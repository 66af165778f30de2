import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// A long demo session must not grow the embedded emulator without bound: it keeps the most recent history.
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ retain: { requests: 5, events: 5, idempotencyKeys: 2 } });
});
afterAll(() => emulator.close());

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    json: (await response.json().catch(() => undefined)) as Record<string, unknown>,
  };
}

describe("the emulator's memory is bounded", () => {
  it("keeps the most recent requests and events, and logs a large body by its size", async () => {
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v".repeat(600)]));
    for (let i = 0; i < 20; i++) {
      const { status } = await api("PUT", `/organizations/${DEMO_IDS.organizations.acme}`, {
        name: `Acme ${i}`,
        metadata,
      });
      expect(status).toBe(200);
    }
    await api("PUT", `/organizations/${DEMO_IDS.organizations.acme}`, {
      name: "Acme big",
      padding: "p".repeat(100_000),
    });

    const log = (await api("GET", "/_emulator/requests")).json.data as { body: unknown }[];
    expect(log).toHaveLength(5);
    expect(log.at(-1)?.body).toEqual({ not_logged: expect.stringMatching(/^a body of 1000\d\d bytes$/) });

    const events = (await api("GET", "/events?events=organization.updated&limit=100")).json.data as {
      data: { name: string };
    }[];
    expect(events).toHaveLength(5);
    expect(events.map((event) => event.data.name)).toContain("Acme 19");
    expect(events.map((event) => event.data.name)).not.toContain("Acme 0");
  });

  it("forgets the oldest idempotency keys beyond its bound", async () => {
    const create = (key: string, name: string) =>
      api("POST", "/organizations", { name }, { "idempotency-key": key });
    const first = await create("k1", "One");
    await create("k2", "Two");
    expect((await create("k1", "One")).json.id).toBe(first.json.id);
    await create("k3", "Three");
    await create("k4", "Four");
    // k1 was the oldest of more than two: a replay now creates anew.
    expect((await create("k1", "One")).json.id).not.toBe(first.json.id);
  });
});
