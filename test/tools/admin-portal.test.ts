import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { viewOf } from "../support/view.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const INTENTS = [
  "sso",
  "dsync",
  "audit_logs",
  "log_streams",
  "domain_verification",
  "certificate_renewal",
  "bring_your_own_key",
];

describe("generate_portal_link", () => {
  it.each(INTENTS)("makes a %s link on the emulator's host, valid for 5 minutes", async (intent) => {
    const before = Date.now();
    const result = await h.call("generate_portal_link", {
      organization_id: DEMO_IDS.organizations.acme,
      intent,
    });
    expect(result.isError).toBeFalsy();
    const view = viewOf<{ link: string; expires_at: string }>(result);
    const { link, expires_at } = view.data;
    expect(view.summary).toBe(`Admin Portal link created; it expires at ${expires_at}.`);
    expect(view.notes).toEqual([
      expect.stringMatching(/^Anyone holding the link can change this organization's setup/),
      expect.stringMatching(/^Environment: /),
    ]);
    expect(new URL(link).origin).toBe(new URL(h.emulator.url).origin);
    const expires = Date.parse(expires_at);
    expect(expires - before).toBeGreaterThanOrEqual(5 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((await fetch(link)).status).toBe(200);
  });

  it("sends it_contact_emails and the urls", async () => {
    await h.call("generate_portal_link", {
      organization_id: DEMO_IDS.organizations.acme,
      intent: "sso",
      it_contact_emails: ["it@acme.com"],
      return_url: "https://app.example.com/settings",
    });
    const log = await h.requests();
    expect(log.at(-1)).toMatchObject({
      path: "/portal/generate_link",
      body: {
        organization: DEMO_IDS.organizations.acme,
        intent: "sso",
        it_contact_emails: ["it@acme.com"],
        return_url: "https://app.example.com/settings",
      },
    });
  });

  it("reports an unknown organization", async () => {
    const result = await h.call("generate_portal_link", {
      organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ",
      intent: "sso",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("list_organizations");
  });

  it.each([
    [{ organization_id: DEMO_IDS.organizations.acme, intent: "billing" }, /- intent: /],
    [
      { organization_id: DEMO_IDS.organizations.acme, intent: "sso", return_url: "not a url" },
      /- return_url: /,
    ],
    [
      {
        organization_id: DEMO_IDS.organizations.acme,
        intent: "sso",
        it_contact_emails: Array(21).fill("a@b.co"),
      },
      /- it_contact_emails: /,
    ],
  ])("rejects %o", async (args, message) => {
    const result = await h.call("generate_portal_link", args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
