import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;
const JANE = DEMO_IDS.users.janeDoe;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

/** The claims of an HS256 JWT signed with the emulator's key (the signature is checked). */
function claimsOf(token: string): Record<string, unknown> {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const expected = createHmac("sha256", emu.apiKey).update(`${header}.${payload}`).digest("base64url");
  expect(signature).toBe(expected);
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

describe("widget and Client API tokens", () => {
  it("a widget token names the user, the organization and the scopes, and expires in an hour", async () => {
    const res = await emu.api("POST", "/widgets/token", {
      body: { user_id: JANE, organization_id: ACME, scopes: ["widgets:users-table:manage"] },
    });
    expect(res.status, res.text).toBe(201);
    const claims = claimsOf(res.json.token);
    expect(claims).toMatchObject({ sub: JANE, org_id: ACME, scopes: ["widgets:users-table:manage"] });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    const userOnly = await emu.api("POST", "/widgets/token", { body: { user_id: JANE } });
    expect(claimsOf(userOnly.json.token)).not.toHaveProperty("org_id");
  });

  it("refuses scopes without an organization, unknown scopes, non-members (400) and unknown users (404)", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ user_id: JANE, scopes: ["widgets:sso:manage"] }, 400],
      [{ user_id: JANE, organization_id: ACME, scopes: ["widgets:everything"] }, 400],
      [{ user_id: JANE, organization_id: GLOBEX }, 400],
      [{}, 400],
      [{ user_id: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, 404],
    ];
    for (const [body, status] of cases) {
      expect((await emu.api("POST", "/widgets/token", { body })).status, JSON.stringify(body)).toBe(status);
    }
  });

  it("a Client API token needs an active member of the organization", async () => {
    const res = await emu.api("POST", "/client/token", { body: { user_id: JANE, organization_id: ACME } });
    expect(res.status).toBe(201);
    const claims = claimsOf(res.json.token);
    expect(claims).toMatchObject({ sub: JANE, org_id: ACME });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    expect(
      (await emu.api("POST", "/client/token", { body: { user_id: JANE, organization_id: GLOBEX } })).status,
    ).toBe(400);
    expect((await emu.api("POST", "/client/token", { body: { user_id: JANE } })).status).toBe(422);
    const unknown = await emu.api("POST", "/client/token", {
      body: { user_id: JANE, organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
    });
    expect(unknown.status).toBe(404);
  });
});
