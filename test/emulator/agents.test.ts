import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { demoSeed } from "../../src/emulator/seed.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;

const seeded = demoSeed.agent_registrations ?? [];
const claimed = seeded.find((r) => r.claim?.claimed_at !== undefined);
const open = seeded.find((r) => r.claim !== undefined && r.claim.claimed_at === undefined);

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const validate = (body: unknown) => emu.api("POST", "/agents/credentials/validate", { body });
const link = (body: Record<string, unknown>) =>
  emu.api("PATCH", "/agents/claims/attempts", {
    body: { type: "link_external_user", claim_attempt_token: open?.claim?.claim_attempt_token, ...body },
  });

describe("agents", () => {
  it("validates a seeded API key and access token, and reads the registration they belong to", async () => {
    const key = await validate({ type: "api_key", credential: claimed?.api_key });
    expect(key.json).toMatchObject({ valid: true, expires_at: null });
    const registration = await emu.api("GET", `/agents/registrations/${key.json.registration_id}`);
    expect(registration.json).toMatchObject({
      status: "verified",
      organization_id: DEMO_IDS.organizations.acme,
      agent_identity: { userland_user_id: DEMO_IDS.users.janeDoe },
    });
    expect(registration.json.claim.claim_completion.claimed_at).toBe(claimed?.claim?.claimed_at);
    const token = claimed?.access_token;
    const good = await validate({
      type: "access_token",
      credential: token?.value,
      audience: token?.audience,
    });
    expect(good.json.registration_id).toBe(key.json.registration_id);
    const otherAudience = await validate({
      type: "access_token",
      credential: token?.value,
      audience: "https://x",
    });
    expect(otherAudience.json).toEqual({ valid: false, registration_id: null, expires_at: null });
    expect((await validate({ type: "api_key", credential: "nope" })).json.valid).toBe(false);
    expect((await validate({ type: "password", credential: "x" })).status).toBe(400);
    expect(
      (await emu.api("GET", "/agents/registrations/agent_registration_01JZZZZZZZZZZZZZZZZZZZZZZZ")).status,
    ).toBe(404);
  });

  it("links a claim to an existing user by external id, or creates the user", async () => {
    await emu.api("PUT", `/user_management/users/${DEMO_IDS.users.priyaPatel}`, {
      body: { external_id: "crm-priya" },
    });
    const priya = (await emu.api("GET", `/user_management/users/${DEMO_IDS.users.priyaPatel}`)).json;
    const linked = await link({ user: { email: priya.email, external_id: "crm-priya" } });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({
      user_code: open?.claim?.user_code,
      organizations: [{ id: DEMO_IDS.organizations.acme, name: "Acme Inc" }],
    });
    const registration = await emu.api("GET", `/agents/registrations/${linked.json.id}`);
    expect(registration.json.agent_identity.userland_user_id).toBe(DEMO_IDS.users.priyaPatel);

    await emu.api("POST", "/_emulator/reset");
    const created = await link({ user: { email: "new.agent.owner@example.com", external_id: "crm-new" } });
    expect(created.json.organizations).toEqual([]);
    const users = (await emu.api("GET", "/user_management/users?email=new.agent.owner@example.com")).json
      .data;
    expect(users.map((u: { external_id: string }) => u.external_id)).toEqual(["crm-new"]);
  });

  it("asks for an organization when the user has several, and refuses bad claims", async () => {
    await emu.api("PUT", `/user_management/users/${DEMO_IDS.users.carlosGarcia}`, {
      body: { external_id: "crm-carlos" },
    });
    const carlos = (await emu.api("GET", `/user_management/users/${DEMO_IDS.users.carlosGarcia}`)).json;
    const ask = await link({ user: { email: carlos.email, external_id: "crm-carlos" } });
    expect(ask.status).toBe(409);
    expect(ask.json.code).toBe("organization_selection_required");
    expect(ask.json.organizations).toHaveLength(2);
    const wrongOrg = await link({
      user: { email: carlos.email, external_id: "crm-carlos" },
      organization_id: DEMO_IDS.organizations.fooCorp,
    });
    expect(wrongOrg.json.code).toBe("invalid_organization");
    const chosen = await link({
      user: { email: carlos.email, external_id: "crm-carlos" },
      organization_id: DEMO_IDS.organizations.globex,
    });
    expect(chosen.status).toBe(200);
    expect((await emu.api("GET", `/agents/registrations/${chosen.json.id}`)).json.organization_id).toBe(
      DEMO_IDS.organizations.globex,
    );

    const taken = await link({ user: { email: carlos.email, external_id: "crm-someone-else" } });
    expect(taken.json.code).toBe("email_already_in_use");
    const unknown = await emu.api("PATCH", "/agents/claims/attempts", {
      body: {
        type: "link_external_user",
        claim_attempt_token: "nope",
        user: { email: "a@b.co", external_id: "x" },
      },
    });
    expect(unknown.json.code).toBe("invalid_claim");
    const done = await emu.api("PATCH", "/agents/claims/attempts", {
      body: {
        type: "link_external_user",
        claim_attempt_token: claimed?.claim?.claim_attempt_token,
        user: { email: "a@b.co", external_id: "x" },
      },
    });
    expect(done.json.code).toBe("already_claimed");
  });
});
