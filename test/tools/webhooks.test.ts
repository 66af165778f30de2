import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSeed } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const SECRET = "whsec_tool_test_9f8e7d6c5b4a";
const OLD_SECRET = "whsec_tool_test_previous_0a1b2c";
const BODY = JSON.stringify({
  id: "event_01HMZ8Q4V3X2K9R7T5Y1B6N0CD",
  event: "dsync.user.created",
  data: {
    object: "directory_user",
    id: "directory_user_01HMZ8Q4V3X2K9R7T5Y1B6N0CE",
    directory_id: "directory_01HMZ8Q4V3X2K9R7T5Y1B6N0CF",
    organization_id: "org_01HMZ8Q4V3X2K9R7T5Y1B6N0CG",
    first_name: "Blair",
    last_name: "Lunceford",
    email: "blair@foo-corp.com",
  },
  created_at: "2024-01-15T11:59:59.000Z",
});
const sign = (body: string, t = Date.now(), secret = SECRET) =>
  `t=${t}, v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;

interface Delivery {
  body: string;
  signature: string;
}

describe("validate_webhook", () => {
  let h: Harness;
  let receiver: ReturnType<typeof createServer>;
  const deliveries: Delivery[] = [];
  let delivered: () => void;
  const firstDelivery = new Promise<void>((resolve) => {
    delivered = resolve;
  });

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        deliveries.push({
          body: Buffer.concat(chunks).toString(),
          signature: String(request.headers["workos-signature"]),
        });
        response.end();
        delivered();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    h = await startHarness({
      env: { WORKOS_WEBHOOK_SECRET: `${OLD_SECRET},${SECRET}` },
      emulator: {
        seed: { ...demoSeed, webhook_endpoints: [{ url: `http://127.0.0.1:${port}/hook`, secret: SECRET }] },
      },
    });
  });
  afterAll(async () => {
    await h.close();
    receiver.close();
  });

  it("trusts a webhook the emulator signed and delivered", async () => {
    await h.call("create_organization", { name: "Webhook Test Co" });
    await firstDelivery;
    const delivery = deliveries[0] as Delivery;
    const result = await h.call("validate_webhook", {
      payload: delivery.body,
      signature_header: delivery.signature,
    });
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toMatchObject({ trusted: true, reason: "ok", matched_secret: 1 });
    expect(viewOf(result).summary).toBe("TRUSTED: genuine WorkOS webhook.");
    expect(textOf(result)).toMatch(/^TRUSTED/);
    expect(dataOf(result)).toMatchObject({
      event: {
        event: "organization.created",
        summary: expect.stringContaining('organization "Webhook Test Co"'),
      },
    });
  });

  it("summarises the event and names the verdict", async () => {
    const result = await h.call("validate_webhook", { payload: BODY, signature_header: sign(BODY) });
    expect(dataOf(result)).toMatchObject({
      trusted: true,
      event: { id: "event_01HMZ8Q4V3X2K9R7T5Y1B6N0CD", event: "dsync.user.created" },
    });
    expect(textOf(result)).toContain("user Blair Lunceford (blair@foo-corp.com)");
  });

  it("accepts the older secret during rotation", async () => {
    const result = await h.call("validate_webhook", {
      payload: BODY,
      signature_header: sign(BODY, Date.now(), OLD_SECRET),
    });
    expect(dataOf(result)).toMatchObject({ trusted: true, matched_secret: 0 });
  });

  it("flags a payload reformatted by a chat client but signed in compact form", async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const result = await h.call("validate_webhook", { payload: pretty, signature_header: sign(BODY) });
    expect(dataOf(result)).toMatchObject({ trusted: true, payload_normalized: true });
  });

  it("says NOT TRUSTED for a tampered body, and why", async () => {
    const result = await h.call("validate_webhook", {
      payload: BODY.replace("Blair", "Mallory"),
      signature_header: sign(BODY),
    });
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toMatchObject({
      trusted: false,
      reason: "signature_mismatch",
      signature_valid: false,
    });
    expect(viewOf(result).summary).toBe(
      "NOT TRUSTED: do not act on this payload (signature_mismatch; message in data).",
    );
    expect(textOf(result)).toMatch(/^NOT TRUSTED/);
  });

  it("reports a correct but stale signature as both", async () => {
    const result = await h.call("validate_webhook", {
      payload: BODY,
      signature_header: sign(BODY, Date.now() - 600_000),
    });
    expect(dataOf(result)).toMatchObject({
      trusted: false,
      reason: "timestamp_outside_tolerance",
      signature_valid: true,
    });
    const wider = await h.call("validate_webhook", {
      payload: BODY,
      signature_header: sign(BODY, Date.now() - 600_000),
      tolerance_seconds: 900,
    });
    expect(dataOf(wider)).toMatchObject({ trusted: true });
  });

  it("verifies a 1 MB payload", async () => {
    const big = JSON.stringify({
      ...JSON.parse(BODY),
      data: { ...JSON.parse(BODY).data, note: "é".repeat(500_000) },
    });
    const result = await h.call("validate_webhook", { payload: big, signature_header: sign(big) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
    expect(dataOf(result)).toMatchObject({ trusted: true });
  });

  it("rejects a malformed header", async () => {
    const result = await h.call("validate_webhook", { payload: BODY, signature_header: "t=abc, v1=xyz" });
    expect(dataOf(result)).toMatchObject({ trusted: false, reason: "malformed_header" });
  });

  it("rejects invalid arguments", async () => {
    const result = await h.call("validate_webhook", { payload: BODY });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- signature_header: /);
    const negative = await h.call("validate_webhook", {
      payload: BODY,
      signature_header: "t=1",
      tolerance_seconds: -1,
    });
    expect(negative.isError).toBe(true);
  });

  it("takes no secret as an argument", async () => {
    const result = await h.call("validate_webhook", {
      payload: BODY,
      signature_header: sign(BODY),
      secret: SECRET,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/secret: not a parameter of validate_webhook/);
  });

  it("is available in read-only mode and makes no network call", async () => {
    const readOnly = await startHarness({
      env: { WORKOS_WEBHOOK_SECRET: SECRET, WORKOS_MCP_READ_ONLY: "true" },
    });
    await readOnly.control("DELETE", "/_emulator/requests");
    const result = await readOnly.call("validate_webhook", { payload: BODY, signature_header: sign(BODY) });
    expect(dataOf(result)).toMatchObject({ trusted: true });
    expect(await readOnly.requests()).toEqual([]);
    await readOnly.close();
  });
});

describe("validate_webhook without a configured secret", () => {
  it("says how to configure one", async () => {
    const h = await startHarness();
    const result = await h.call("validate_webhook", { payload: BODY, signature_header: sign(BODY) });
    expect(dataOf(result)).toMatchObject({ trusted: false, reason: "no_secret_configured" });
    expect(viewOf(result).summary).toMatch(/^NOT TRUSTED: .*\(no_secret_configured; /);
    // How to set one is our guidance: a note, outside the data fence.
    expect(viewOf(result).notes).toEqual([expect.stringContaining("set WORKOS_WEBHOOK_SECRET")]);
    expect(textOf(result).split("<workos-data-")[0]).toContain("set WORKOS_WEBHOOK_SECRET");
    await h.close();
  });
});
