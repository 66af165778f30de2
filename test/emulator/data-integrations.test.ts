import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
const ACME = DEMO_IDS.organizations.acme;
const JANE = DEMO_IDS.users.janeDoe;
const PRIYA = DEMO_IDS.users.priyaPatel;

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

describe("Pipes data integrations", () => {
  it("creates a built-in provider's integration once, refuses unknown providers, updates and deletes it", async () => {
    const made = await emu.api("POST", "/data-integrations", {
      body: {
        provider: "hubspot",
        credentials: { type: "custom", client_id: "cid", client_secret: "csecret-1234" },
      },
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      object: "data_integration",
      slug: "hubspot",
      state: "valid",
      credentials: { type: "custom", client_id: "cid" },
      installation: null,
    });
    expect(made.json.credentials.redacted_client_secret).not.toContain("csecret");
    expect(made.json.redirect_uri).toContain(`/data-integrations/hubspot/${made.json.id}/callback`);
    expect((await emu.api("POST", "/data-integrations", { body: { provider: "hubspot" } })).status).toBe(409);
    expect((await emu.api("POST", "/data-integrations", { body: { provider: "nope" } })).status).toBe(422);
    const updated = await emu.api("PUT", "/data-integrations/hubspot", {
      body: { enabled: false, scopes: ["a"] },
    });
    expect(updated.json).toMatchObject({ enabled: false, scopes: ["a"] });
    expect((await emu.api("DELETE", "/data-integrations/hubspot")).status).toBe(204);
    expect((await emu.api("GET", "/data-integrations/hubspot")).status).toBe(404);
  });

  it("connects an account through the authorization URL, then vends a token that refreshes when expired", async () => {
    const notConnected = await emu.api("POST", "/data-integrations/github/token", {
      body: { user_id: PRIYA },
    });
    expect(notConnected.json).toEqual({ active: false, error: "not_installed" });
    const { url } = (
      await emu.api("POST", "/data-integrations/github/authorize", {
        body: { user_id: PRIYA, return_to: "https://app.example.com/done" },
      })
    ).json;
    const visit = await fetch(url, { redirect: "manual" });
    expect(visit.status).toBe(302);
    expect(visit.headers.get("location")).toBe("https://app.example.com/done");
    expect((await fetch(url, { redirect: "manual" })).status).toBe(400);
    const token = await emu.api("POST", "/data-integrations/github/token", { body: { user_id: PRIYA } });
    expect(token.json).toMatchObject({
      active: true,
      access_token: { object: "access_token", missing_scopes: [] },
    });
    const again = await emu.api("POST", "/data-integrations/github/token", { body: { user_id: PRIYA } });
    expect(again.json.access_token.access_token).toBe(token.json.access_token.access_token);

    // The seeded account's token has expired: asking for it refreshes it.
    const seeded = await emu.api("POST", "/data-integrations/github/credentials", {
      body: { user_id: JANE, organization_id: ACME },
    });
    expect(seeded.json.credential.auth_method).toBe("oauth");
    expect(Date.parse(seeded.json.credential.expires_at)).toBeGreaterThan(Date.now());
  });

  it("stores API keys and client credentials per user, shows only their last four, and vends them", async () => {
    const key = await emu.api("PUT", "/data-integrations/linear/api-key", {
      body: { user_id: JANE, secret: "lin_api_secret_abcd" },
    });
    expect(key.json).toMatchObject({
      object: "connected_account",
      auth_method: "api_key",
      api_key_last_4: "abcd",
    });
    expect(key.text).not.toContain("lin_api_secret");
    const rotated = await emu.api("PUT", "/data-integrations/linear/api-key", {
      body: { user_id: JANE, secret: "lin_api_secret_wxyz" },
    });
    expect(rotated.json.id).toBe(key.json.id);
    const vended = await emu.api("POST", "/data-integrations/linear/credentials", {
      body: { user_id: JANE },
    });
    expect(vended.json).toEqual({
      active: true,
      credential: { object: "credential", auth_method: "api_key", value: "lin_api_secret_wxyz" },
    });
    const wrong = await emu.api("PUT", "/data-integrations/github/api-key", {
      body: { user_id: JANE, secret: "x" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.code).toBe("auth_method_mismatch");
    const tokenOfKey = await emu.api("POST", "/data-integrations/linear/token", { body: { user_id: JANE } });
    expect(tokenOfKey.json.code).toBe("auth_method_mismatch");
  });

  it("lists and configures providers per organization; deleting the integration disconnects its accounts", async () => {
    const list = await emu.api("GET", `/organizations/${ACME}/data_integration_configurations`);
    expect(list.json.data.map((c: { slug: string }) => c.slug)).toEqual(["github", "slack", "linear"]);
    const slack = list.json.data[1];
    expect(slack.credentials).toMatchObject({ credentials_type: "organization", has_credentials: false });
    const configured = await emu.api("PUT", `/organizations/${ACME}/data_integration_configurations/slack`, {
      body: { client_id: "acme-slack", client_secret: "acme-slack-secret-7788", scopes: ["chat:write"] },
    });
    expect(configured.json).toMatchObject({
      organization_id: ACME,
      scopes: ["chat:write"],
      credentials: { has_credentials: true, client_id: "acme-slack", client_secret_last_four: "7788" },
    });
    const refused = await emu.api("PUT", `/organizations/${ACME}/data_integration_configurations/github`, {
      body: { client_id: "x", client_secret: "y" },
    });
    expect(refused.status).toBe(422);

    await emu.api("DELETE", "/data-integrations/github");
    const events = (await emu.api("GET", "/events?events=pipes.connected_account.disconnected")).json.data;
    expect(events).toHaveLength(1);
  });
});
