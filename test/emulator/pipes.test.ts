import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

// Pipes under /user_management/users/{user_id}/: the providers a user may connect and their connected accounts.
const { janeDoe, meiChen } = DEMO_IDS.users;

let e: TestEmulator;
beforeAll(async () => {
  e = await start();
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

describe("data providers and connected accounts", () => {
  it("lists every data integration as a provider, with the user's connection there, or null", async () => {
    const acme = DEMO_IDS.organizations.acme;
    // Jane's seeded GitHub account is her account in Acme: absent from her own list, present in Acme's.
    const own = await e.api("GET", `/user_management/users/${janeDoe}/data_providers`);
    expect(own.status).toBe(200);
    const ownBySlug = Object.fromEntries(
      own.json.data.map((p: { slug: string; connected_account: unknown }) => [p.slug, p.connected_account]),
    );
    expect(Object.keys(ownBySlug)).toEqual(["github", "slack", "linear"]);
    expect(Object.values(ownBySlug).every((account) => account === null)).toBe(true);
    const inAcme = await e.api(
      "GET",
      `/user_management/users/${janeDoe}/data_providers?organization_id=${acme}`,
    );
    const github = inAcme.json.data.find((p: { slug: string }) => p.slug === "github");
    expect(github.connected_account).toMatchObject({
      user_id: janeDoe,
      organization_id: acme,
      state: "connected",
    });
    const mei = await e.api("GET", `/user_management/users/${meiChen}/data_providers`);
    expect(mei.json.data.every((p: { connected_account: unknown }) => p.connected_account === null)).toBe(
      true,
    );
  });

  it("an account connected here is the one the Pipes API vends credentials for", async () => {
    const created = await e.api("POST", `/user_management/users/${meiChen}/connected_accounts/github`, {
      body: {
        access_token: "gho_imported_for_mei",
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    const token = await e.api("POST", "/data-integrations/github/token", { body: { user_id: meiChen } });
    expect(token.status).toBe(200);
    expect(token.text).toContain("gho_imported_for_mei");
  });

  it("imports, updates and disconnects an account; its tokens are never served", async () => {
    const path = `/user_management/users/${meiChen}/connected_accounts/slack`;
    const created = await e.api("POST", path, {
      body: { access_token: "xoxp-secret-token", refresh_token: "xoxe-secret", scopes: ["chat:write"] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      object: "connected_account",
      user_id: meiChen,
      organization_id: null,
    });
    expect(created.text).not.toContain("secret");
    const updated = await e.api("PUT", path, { body: { state: "needs_reauthorization" } });
    expect(updated.json).toMatchObject({
      id: created.json.id,
      state: "needs_reauthorization",
      scopes: ["chat:write"],
    });
    expect((await e.api("GET", path)).json.state).toBe("needs_reauthorization");
    expect((await e.api("DELETE", path)).status).toBe(204);
    expect((await e.api("GET", path)).status).toBe(404);
  });

  it("an organization's connection is apart from the user's own", async () => {
    const acme = DEMO_IDS.organizations.acme;
    const own = `/user_management/users/${janeDoe}/connected_accounts/github`;
    expect((await e.api("GET", own)).status).toBe(404);
    const inAcme = (await e.api("GET", `${own}?organization_id=${acme}`)).json;
    expect(inAcme.organization_id).toBe(acme);
    const created = await e.api("POST", own, { body: { access_token: "gho_own" } });
    expect(created.json.organization_id).toBeNull();
    expect(created.json.id).not.toBe(inAcme.id);
  });
});
