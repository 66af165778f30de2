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
  it("lists every provider with the user's connection, or null", async () => {
    const res = await e.api("GET", `/user_management/users/${janeDoe}/data_providers`);
    expect(res.status).toBe(200);
    const bySlug = Object.fromEntries(
      res.json.data.map((p: { slug: string; connected_account: unknown }) => [p.slug, p.connected_account]),
    );
    expect(Object.keys(bySlug)).toEqual(["github", "slack"]);
    expect(bySlug.github).toMatchObject({
      user_id: janeDoe,
      state: "connected",
      scopes: ["repo", "user:email"],
    });
    expect(bySlug.slack).toBeNull();
    const mei = await e.api("GET", `/user_management/users/${meiChen}/data_providers`);
    expect(mei.json.data.every((p: { connected_account: unknown }) => p.connected_account === null)).toBe(
      true,
    );
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
    const path = `/user_management/users/${janeDoe}/connected_accounts/github?organization_id=${acme}`;
    expect((await e.api("GET", path)).status).toBe(404);
    const created = await e.api("POST", path, { body: { access_token: "gho_org" } });
    expect(created.json.organization_id).toBe(acme);
    expect(
      (await e.api("GET", `/user_management/users/${janeDoe}/connected_accounts/github`)).json
        .organization_id,
    ).toBeNull();
  });
});
