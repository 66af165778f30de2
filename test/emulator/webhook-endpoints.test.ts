import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeSignature } from "../../src/webhooks/signature.js";
import { start, type TestEmulator } from "./helpers.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: { event: string; data: { name?: string } };
}

let emu: TestEmulator;
let hookUrl = "";
let received: Received[] = [];
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const text = Buffer.concat(chunks).toString("utf8");
    received.push({ headers: { ...req.headers, "x-raw": text }, body: JSON.parse(text) });
    res.end();
  });
});

beforeAll(async () => {
  emu = await start();
  hook.listen(0, "127.0.0.1");
  await once(hook, "listening");
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await emu.close();
  hook.close();
});
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
  received = [];
});

/** Creates an organization (an organization.created event) and waits until the emulator has tried delivering. */
async function createOrganization(name: string): Promise<void> {
  expect((await emu.api("POST", "/organizations", { body: { name } })).status).toBe(201);
  await new Promise((resolve) => setTimeout(resolve, 150));
}

describe("webhook endpoints through the API", () => {
  it("a created endpoint receives the events it subscribes to, signed with its secret", async () => {
    const created = await emu.api("POST", "/webhook_endpoints", {
      body: { endpoint_url: hookUrl, events: ["organization.created"] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      object: "webhook_endpoint",
      endpoint_url: hookUrl,
      status: "enabled",
      events: ["organization.created"],
    });
    expect(created.json.id).toMatch(/^we_/);
    await createOrganization("Hooked Co");
    expect(received.map((r) => r.body.event)).toEqual(["organization.created"]);
    const delivery = received[0] as Received;
    const [, t = "", v1 = ""] =
      /^t=(\d+), v1=([0-9a-f]{64})$/.exec(String(delivery.headers["workos-signature"])) ?? [];
    expect(v1).toBe(computeSignature(t, String(delivery.headers["x-raw"]), created.json.secret));
  });

  it("PATCH disables an endpoint (no more deliveries), changes its events, and re-enables it", async () => {
    const { id } = (
      await emu.api("POST", "/webhook_endpoints", {
        body: { endpoint_url: hookUrl, events: ["organization.created"] },
      })
    ).json;
    const disabled = await emu.api("PATCH", `/webhook_endpoints/${id}`, { body: { status: "disabled" } });
    expect(disabled.json.status).toBe("disabled");
    await createOrganization("Quiet Co");
    expect(received).toEqual([]);
    const events = await emu.api("PATCH", `/webhook_endpoints/${id}`, {
      body: { status: "enabled", events: ["organization.updated"] },
    });
    expect(events.json).toMatchObject({ status: "enabled", events: ["organization.updated"] });
    await createOrganization("Still Quiet Co");
    expect(received).toEqual([]);
    expect((await emu.api("PATCH", `/webhook_endpoints/${id}`, { body: { status: "paused" } })).status).toBe(
      422,
    );
  });

  it("a deleted endpoint gets nothing more; deleting it twice is 404", async () => {
    const { id } = (
      await emu.api("POST", "/webhook_endpoints", {
        body: { endpoint_url: hookUrl, events: ["organization.created"] },
      })
    ).json;
    expect((await emu.api("DELETE", `/webhook_endpoints/${id}`)).status).toBe(204);
    await createOrganization("Gone Co");
    expect(received).toEqual([]);
    const again = await emu.api("DELETE", `/webhook_endpoints/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.code).toBe("entity_not_found");
  });

  it("refuses a duplicate URL (409), a URL that is not HTTPS (422 invalid_url) and unknown event types (422)", async () => {
    const body = { endpoint_url: hookUrl, events: ["organization.created"] };
    await emu.api("POST", "/webhook_endpoints", { body });
    const duplicate = await emu.api("POST", "/webhook_endpoints", { body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.code).toBe("duplicate_endpoint");
    const plain = await emu.api("POST", "/webhook_endpoints", {
      body: { endpoint_url: "http://example.com/hooks", events: ["organization.created"] },
    });
    expect(plain.status).toBe(422);
    expect(plain.json.code).toBe("invalid_url");
    const unknown = await emu.api("POST", "/webhook_endpoints", {
      body: {
        endpoint_url: "https://example.com/hooks",
        events: ["organization.exploded", "vault.data.read"],
      },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors.map((e: { code: string }) => e.code)).toEqual([
      "unknown_event_type",
      "unknown_event_type",
    ]);
  });

  it("lists endpoints newest first with cursors", async () => {
    for (const n of [1, 2, 3]) {
      await emu.api("POST", "/webhook_endpoints", {
        body: { endpoint_url: `https://example.com/hooks/${n}`, events: ["organization.created"] },
      });
    }
    const page = await emu.api("GET", "/webhook_endpoints?limit=2");
    expect(page.json.data.map((e: { endpoint_url: string }) => e.endpoint_url)).toEqual([
      "https://example.com/hooks/3",
      "https://example.com/hooks/2",
    ]);
    const rest = await emu.api("GET", `/webhook_endpoints?limit=2&after=${page.json.list_metadata.after}`);
    // Then the demo seed's endpoint, the oldest.
    expect(rest.json.data.map((e: { endpoint_url: string }) => e.endpoint_url)).toEqual([
      "https://example.com/hooks/1",
      "https://example.com/workos/webhooks",
    ]);
  });
});
