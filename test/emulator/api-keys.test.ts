import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_API_KEY_VALUES } from "../../src/emulator/demo-seed.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;
const PRIYA = DEMO_IDS.users.priyaPatel;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const validate = (value: string) => emu.api("POST", "/api_keys/validations", { body: { value } });

describe("API keys", () => {
  it("a created organization key validates by its value, once shown, and records its use", async () => {
    const created = await emu.api("POST", `/organizations/${GLOBEX}/api_keys`, {
      body: { name: "Globex CI", permissions: ["reports:read"] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      object: "api_key",
      owner: { type: "organization", id: GLOBEX },
      name: "Globex CI",
      last_used_at: null,
      expires_at: null,
      permissions: ["reports:read"],
    });
    const value: string = created.json.value;
    expect(value).toMatch(/^sk_/);
    expect(created.json.obfuscated_value).toBe(`sk_...${value.slice(-4)}`);
    const ok = await validate(value);
    expect(ok.status).toBe(200);
    expect(ok.json.api_key).toMatchObject({ id: created.json.id });
    expect(ok.json.api_key).not.toHaveProperty("value");
    expect(ok.json.api_key.last_used_at).not.toBeNull();
    expect((await validate(`${value}x`)).json).toEqual({ api_key: null });
    const list = await emu.api("GET", `/organizations/${GLOBEX}/api_keys`);
    expect(list.json.data.map((k: { id: string }) => k.id)).toEqual([created.json.id]);
    expect(list.json.data[0]).not.toHaveProperty("value");
    const events = await emu.api("GET", "/events?events=api_key.created");
    expect(events.json.data[0].data.id).toBe(created.json.id);
  });

  it("the seeded keys: an active one validates, an expired one does not", async () => {
    expect((await validate(DEMO_API_KEY_VALUES.acmeReporting)).json.api_key.name).toBe(
      "Acme reporting export",
    );
    expect((await validate(DEMO_API_KEY_VALUES.acmeExpired)).json.api_key).toBeNull();
    expect((await validate(DEMO_API_KEY_VALUES.priyaCli)).json.api_key.owner).toEqual({
      type: "user",
      id: PRIYA,
      organization_id: ACME,
    });
  });

  it("expire: now by default, a future date schedules it, null clears it, twice is 409", async () => {
    const key = (await emu.api("POST", `/organizations/${GLOBEX}/api_keys`, { body: { name: "k" } })).json;
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await emu.api("POST", `/api_keys/${key.id}/expire`, { body: { expires_at: later } });
    expect(scheduled.json.expires_at).toBe(later);
    expect((await validate(key.value)).json.api_key).not.toBeNull();
    const cleared = await emu.api("POST", `/api_keys/${key.id}/expire`, { body: { expires_at: null } });
    expect(cleared.json.expires_at).toBeNull();
    const now = await emu.api("POST", `/api_keys/${key.id}/expire`, { body: {} });
    expect(now.status).toBe(200);
    expect((await validate(key.value)).json.api_key).toBeNull();
    const again = await emu.api("POST", `/api_keys/${key.id}/expire`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("api_key_already_expired");
  });

  it("delete revokes: the value stops validating, an api_key.revoked event is sent, a second delete is 404", async () => {
    const key = (await emu.api("POST", `/organizations/${GLOBEX}/api_keys`, { body: { name: "k" } })).json;
    expect((await emu.api("DELETE", `/api_keys/${key.id}`)).status).toBe(204);
    expect((await validate(key.value)).json.api_key).toBeNull();
    const events = await emu.api("GET", "/events?events=api_key.revoked");
    expect(events.json.data[0].data.id).toBe(key.id);
    expect((await emu.api("DELETE", `/api_keys/${key.id}`)).status).toBe(404);
  });

  it("user keys need an active membership in the organization, and list by user and organization", async () => {
    const created = await emu.api("POST", `/user_management/users/${PRIYA}/api_keys`, {
      body: { name: "laptop", organization_id: ACME },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.owner).toEqual({ type: "user", id: PRIYA, organization_id: ACME });
    const outsider = await emu.api("POST", `/user_management/users/${PRIYA}/api_keys`, {
      body: { name: "x", organization_id: GLOBEX },
    });
    expect(outsider.status).toBe(400);
    const list = await emu.api("GET", `/user_management/users/${PRIYA}/api_keys?order=asc`);
    expect(list.json.data.map((k: { name: string }) => k.name)).toEqual(["Priya's CLI", "laptop"]);
    const none = await emu.api("GET", `/user_management/users/${PRIYA}/api_keys?organization_id=${GLOBEX}`);
    expect(none.json.data).toEqual([]);
    expect(
      (await emu.api("POST", `/user_management/users/${PRIYA}/api_keys`, { body: { name: "x" } })).status,
    ).toBe(422);
  });

  it("deleting an organization deletes its keys; deleting a user deletes theirs", async () => {
    expect((await emu.api("DELETE", `/user_management/users/${PRIYA}`)).status).toBeLessThan(300);
    expect((await validate(DEMO_API_KEY_VALUES.priyaCli)).json.api_key).toBeNull();
    expect((await emu.api("DELETE", `/organizations/${ACME}`)).status).toBe(202);
    expect((await validate(DEMO_API_KEY_VALUES.acmeReporting)).json.api_key).toBeNull();
    expect((await emu.api("GET", `/organizations/${ACME}/api_keys`)).status).toBe(404);
  });

  it("refuses a key without a name (422) and one for an unknown organization (404)", async () => {
    expect((await emu.api("POST", `/organizations/${GLOBEX}/api_keys`, { body: {} })).status).toBe(422);
    const unknown = await emu.api("POST", "/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/api_keys", {
      body: { name: "k" },
    });
    expect(unknown.status).toBe(404);
    expect((await emu.api("POST", "/api_keys/validations", { body: {} })).status).toBe(422);
  });
});
