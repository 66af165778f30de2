import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let clock = Date.now();
let emu: TestEmulator;
beforeAll(async () => {
  emu = await start({ now: () => clock });
});
afterAll(() => emu.close());

const INTENTS = [
  "sso",
  "dsync",
  "audit_logs",
  "log_streams",
  "domain_verification",
  "certificate_renewal",
  "bring_your_own_key",
];

describe("admin portal links", () => {
  it("generates a 201 {link} for every intent, pointing at the emulator", async () => {
    for (const intent of [...INTENTS, undefined]) {
      const res = await emu.api("POST", "/portal/generate_link", {
        body: { organization: DEMO_IDS.organizations.acme, ...(intent ? { intent } : {}) },
      });
      expect(res.status, String(intent)).toBe(201);
      expect(Object.keys(res.json)).toEqual(["link"]);
      expect(res.json.link.startsWith(`${emu.url}/portal/launch?token=`)).toBe(true);
    }
  });

  it("validates the organization, intent and it_contact_emails", async () => {
    const missing = await emu.api("POST", "/portal/generate_link", {
      body: { organization: "org_01ARZ3NDEKTSV4RRFFQ69G5FAV", intent: "sso" },
    });
    expect(missing.status).toBe(404);
    expect((await emu.api("POST", "/portal/generate_link", { body: { intent: "sso" } })).status).toBe(422);
    const badIntent = await emu.api("POST", "/portal/generate_link", {
      body: { organization: DEMO_IDS.organizations.acme, intent: "nope" },
    });
    expect(badIntent.status).toBe(422);
    const emails = Array.from({ length: 21 }, (_, i) => `it${i}@acme.com`);
    const tooMany = await emu.api("POST", "/portal/generate_link", {
      body: { organization: DEMO_IDS.organizations.acme, it_contact_emails: emails },
    });
    expect(tooMany.status).toBe(422);
    const twenty = await emu.api("POST", "/portal/generate_link", {
      body: { organization: DEMO_IDS.organizations.acme, it_contact_emails: emails.slice(0, 20) },
    });
    expect(twenty.status).toBe(201);
    const notEmail = await emu.api("POST", "/portal/generate_link", {
      body: { organization: DEMO_IDS.organizations.acme, it_contact_emails: ["not-an-email"] },
    });
    expect(notEmail.status).toBe(422);
  });

  it("serves the link until it expires five minutes later", async () => {
    const res = await emu.api("POST", "/portal/generate_link", {
      body: { organization: DEMO_IDS.organizations.fooCorp, intent: "dsync" },
    });
    const link: string = res.json.link;
    const valid = await fetch(link);
    expect(valid.status).toBe(200);
    expect(await valid.json()).toMatchObject({
      organization_id: DEMO_IDS.organizations.fooCorp,
      intent: "dsync",
    });
    clock += 5 * 60 * 1000 - 1;
    expect((await fetch(link)).status).toBe(200);
    clock += 1;
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { message: string }).message).toMatch(/expired/);
    expect((await fetch(`${emu.url}/portal/launch?token=bogus`)).status).toBe(404);
  });
});
