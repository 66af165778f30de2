import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
const ACME = DEMO_IDS.organizations.acme;
const JANE = DEMO_IDS.users.janeDoe;

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const createApp = (body: Record<string, unknown>) => emu.api("POST", "/connect/applications", { body });

describe("Connect applications", () => {
  it("creates OAuth and M2M applications, and refuses what each kind lacks", async () => {
    const oauth = await createApp({
      name: "CLI",
      application_type: "oauth",
      is_first_party: true,
      redirect_uris: [{ uri: "http://localhost:3000/cb" }, { uri: "https://app.example.com/cb" }],
    });
    expect(oauth.status).toBe(201);
    expect(oauth.json).toMatchObject({
      object: "connect_application",
      application_type: "oauth",
      uses_pkce: false,
    });
    expect(oauth.json.redirect_uris.map((u: { default: boolean }) => u.default)).toEqual([true, false]);
    expect(oauth.json.client_id).toMatch(/^client_/);
    const m2m = await createApp({ name: "Job", application_type: "m2m", organization_id: ACME });
    expect(m2m.json).toMatchObject({ application_type: "m2m", organization_id: ACME });
    expect(m2m.json.redirect_uris).toBeUndefined();

    const noOrg = await createApp({ name: "Job", application_type: "m2m" });
    expect(noOrg.status).toBe(422);
    expect(noOrg.json.errors.map((e: { field: string }) => e.field)).toEqual(["organization_id"]);
    const thirdParty = await createApp({ name: "X", application_type: "oauth", is_first_party: false });
    expect(thirdParty.status).toBe(422);
    const unknownOrg = await createApp({
      name: "Job",
      application_type: "m2m",
      organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(unknownOrg.status).toBe(404);
  });

  it("reads by id or client id, updates, filters by organization and deletes", async () => {
    const list = await emu.api("GET", `/connect/applications?organization_id=${ACME}`);
    expect(list.json.data.map((a: { name: string }) => a.name)).toEqual(["Acme Nightly Sync"]);
    const app = list.json.data[0];
    expect((await emu.api("GET", `/connect/applications/${app.client_id}`)).json.id).toBe(app.id);
    const updated = await emu.api("PUT", `/connect/applications/${app.id}`, {
      body: { name: "Acme Hourly Sync", scopes: ["usage:read", "usage:write"] },
    });
    expect(updated.json).toMatchObject({ name: "Acme Hourly Sync", scopes: ["usage:read", "usage:write"] });
    const refused = await emu.api("PUT", `/connect/applications/${app.id}`, {
      body: { redirect_uris: [{ uri: "https://x.example.com" }] },
    });
    expect(refused.status).toBe(422);
    expect((await emu.api("DELETE", `/connect/applications/${app.id}`)).status).toBe(204);
    expect((await emu.api("GET", `/connect/applications/${app.id}`)).status).toBe(404);
  });

  it("shows a client secret's value once, at creation, and never in the list", async () => {
    const app = (await createApp({ name: "S", application_type: "oauth", is_first_party: true })).json;
    const made = await emu.api("POST", `/connect/applications/${app.id}/client_secrets`, { body: {} });
    expect(made.status).toBe(201);
    const secret = made.json.secret as string;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(made.json.secret_hint).toBe(secret.slice(-6));
    const listed = await emu.api("GET", `/connect/applications/${app.id}/client_secrets`);
    expect(listed.json).toEqual([{ ...made.json, secret: undefined }].map(({ secret: _s, ...rest }) => rest));
    expect(listed.text).not.toContain(secret);
    expect((await emu.api("DELETE", `/connect/client_secrets/${made.json.id}`)).status).toBe(204);
    expect((await emu.api("GET", `/connect/applications/${app.id}/client_secrets`)).json).toEqual([]);
    expect((await emu.api("DELETE", `/connect/client_secrets/${made.json.id}`)).status).toBe(404);
  });

  it("deleting an organization deletes its applications, their secrets and their authorizations", async () => {
    const globexApp = (
      await emu.api("GET", `/connect/applications?organization_id=${DEMO_IDS.organizations.globex}`)
    ).json.data[0];
    expect(
      (await emu.api("GET", `/user_management/users/${JANE}/authorized_applications`)).json.data,
    ).toHaveLength(2);
    await emu.api("DELETE", `/organizations/${DEMO_IDS.organizations.globex}`);
    expect((await emu.api("GET", `/connect/applications/${globexApp.id}`)).status).toBe(404);
    const left = (await emu.api("GET", `/user_management/users/${JANE}/authorized_applications`)).json.data;
    expect(left.map((g: { application: { name: string } }) => g.application.name)).toEqual([
      "Acme Reporting Dashboard",
    ]);
  });
});

describe("authorized applications", () => {
  it("lists a user's and an organization's, and revokes a user's by application id or client id", async () => {
    const mine = (await emu.api("GET", `/user_management/users/${JANE}/authorized_applications?order=asc`))
      .json.data;
    expect(mine.map((g: { application: { name: string } }) => g.application.name)).toEqual([
      "Acme Reporting Dashboard",
      "Globex Partner Portal",
    ]);
    const org = (await emu.api("GET", `/organizations/${ACME}/authorized_applications`)).json.data;
    expect(org.map((g: { user_id: string }) => g.user_id).sort()).toEqual(
      [JANE, DEMO_IDS.users.priyaPatel].sort(),
    );

    const dashboard = mine[0].application;
    const revoked = await emu.api(
      "DELETE",
      `/user_management/users/${JANE}/authorized_applications/${dashboard.client_id}`,
    );
    expect(revoked.status).toBe(204);
    expect((await emu.api("GET", `/organizations/${ACME}/authorized_applications`)).json.data).toHaveLength(
      1,
    );
    const again = await emu.api(
      "DELETE",
      `/user_management/users/${JANE}/authorized_applications/${dashboard.id}`,
    );
    expect(again.status).toBe(404);
  });

  it("answers 404 for an unknown user or organization", async () => {
    expect(
      (await emu.api("GET", "/user_management/users/user_01JZZZZZZZZZZZZZZZZZZZZZZZ/authorized_applications"))
        .status,
    ).toBe(404);
    expect(
      (await emu.api("GET", "/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/authorized_applications")).status,
    ).toBe(404);
  });
});
