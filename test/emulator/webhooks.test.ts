import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookDispatcher } from "../../src/emulator/webhook-delivery.js";
import { computeSignature } from "../../src/webhooks/signature.js";
import { start, type TestEmulator } from "./helpers.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver answering with the given statuses in turn (then 200). */
async function receiver(
  statuses: number[],
): Promise<{ url: string; server: Server; next(): Promise<Received> }> {
  const queue: Received[] = [];
  const waiters: ((r: Received) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.statusCode = statuses.shift() ?? 200;
      res.end();
      const item = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      const waiter = waiters.shift();
      if (waiter) waiter(item);
      else queue.push(item);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    server,
    next: () => {
      const item = queue.shift();
      return item ? Promise.resolve(item) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

const SECRET = "whsec_test_secret";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function verify(received: Received): { t: string; v1: string } {
  const header = String(received.headers["workos-signature"]);
  const match = /^t=(\d+), v1=([0-9a-f]{64})$/.exec(header);
  expect(match, header).not.toBeNull();
  const [, t = "", v1 = ""] = match ?? [];
  expect(v1).toBe(computeSignature(t, received.body, SECRET));
  expect(Math.abs(Number(t) - Date.now())).toBeLessThan(60_000);
  return { t, v1 };
}

describe("webhook delivery", () => {
  it("POSTs signed events to configured endpoints", async () => {
    const hook = await receiver([]);
    cleanups.push(() => void hook.server.close());
    const emu: TestEmulator = await start({
      seed: { webhook_endpoints: [{ url: hook.url, secret: SECRET }] },
      webhookRetryDelaysMs: [10, 10],
    });
    cleanups.push(() => emu.close());
    const org = await emu.api("POST", "/organizations", { body: { name: "Hooked" } });
    const received = await hook.next();
    verify(received);
    expect(received.headers["content-type"]).toBe("application/json");
    const payload = JSON.parse(received.body);
    expect(payload).toMatchObject({
      event: "organization.created",
      data: { id: org.json.id, name: "Hooked" },
    });
    expect(payload.id).toMatch(/^event_/);
    expect(received.body).toBe(JSON.stringify(payload));
  });

  it("retries after a 500 with the same body and a fresh signature", async () => {
    const hook = await receiver([500]);
    cleanups.push(() => void hook.server.close());
    const emu = await start({
      seed: { webhook_endpoints: [{ url: hook.url, secret: SECRET, events: ["organization.deleted"] }] },
      webhookRetryDelaysMs: [10, 10],
    });
    cleanups.push(() => emu.close());
    const org = await emu.api("POST", "/organizations", { body: { name: "Retry" } });
    await emu.api("DELETE", `/organizations/${org.json.id}`);
    const first = await hook.next();
    const second = await hook.next();
    verify(first);
    verify(second);
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body).event).toBe("organization.deleted");
  });

  it("close() cancels pending retries", async () => {
    const hook = await receiver([500, 500, 500]);
    cleanups.push(() => void hook.server.close());
    const emu = await start({
      seed: { webhook_endpoints: [{ url: hook.url, secret: SECRET }] },
      webhookRetryDelaysMs: [200, 200],
    });
    // Close right after the emulator has read the 500 and scheduled its retry: a fixed wait could, on a busy
    // machine, outlast the 200 ms and let the retry out before close().
    const dispatcher = WebhookDispatcher.prototype as unknown as { retry(...args: unknown[]): void };
    const retry = dispatcher.retry;
    const scheduled = new Promise<void>((resolve) => {
      dispatcher.retry = function (this: unknown, ...args: unknown[]) {
        retry.apply(this, args);
        resolve();
      };
    });
    try {
      await emu.api("POST", "/organizations", { body: { name: "Pending" } });
      await hook.next();
      await scheduled;
    } finally {
      dispatcher.retry = retry;
    }
    await emu.close();
    const late = await Promise.race([hook.next().then(() => "delivered"), delay(600).then(() => "none")]);
    expect(late, "a retry was delivered after close()").toBe("none");
  });
});
