import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoSeed } from "../../src/emulator/demo-seed.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { validateSeed } from "../../src/emulator/seed.js";
import { start, type TestEmulator } from "./helpers.js";

const { acme } = DEMO_IDS.organizations;
const { janeDoe } = DEMO_IDS.users;
const DAY_MS = 86_400_000;

let clock = Date.now();
let e: TestEmulator;
beforeAll(async () => {
  // Without the demo seed's history, so only these tests' mutations are recorded.
  e = await start({ now: () => clock, seed: { ...demoSeed, events: [] } });
});
afterAll(() => e.close());
beforeEach(async () => {
  clock = Date.now();
  await e.api("POST", "/_emulator/reset");
});

const eventsOf = async () =>
  (await e.api("GET", "/events?order=asc&limit=100")).json.data.map((ev: { event: string }) => ev.event);

describe("AuthKit in the emulator", () => {
  it("deleting a user takes its memberships, sessions and connected accounts with it, their events first", async () => {
    const res = await e.api("DELETE", `/user_management/users/${janeDoe}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const membership = await e.api(
      "GET",
      `/user_management/organization_memberships/${DEMO_IDS.organizationMemberships.janeAcme}`,
    );
    expect(membership.status).toBe(404);
    expect((await e.api("GET", `/user_management/users/${janeDoe}/sessions`)).status).toBe(404);
    // Jane's seeded Pipes account goes with her too.
    expect(await eventsOf()).toEqual([
      "organization_membership.deleted",
      "pipes.connected_account.disconnected",
      "user.deleted",
    ]);
  });

  it("lists only active memberships unless statuses says otherwise", async () => {
    const active = await e.api("GET", `/user_management/organization_memberships?organization_id=${acme}`);
    const statuses = active.json.data.map((m: { status: string }) => m.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status: string) => status !== "active")).toEqual([]);
    const all = await e.api(
      "GET",
      `/user_management/organization_memberships?organization_id=${acme}&statuses=active,inactive`,
    );
    expect(all.json.data.length).toBe(active.json.data.length + 1);
    expect(all.json.data[0]).toMatchObject({ organization_name: "Acme Inc", user: { object: "user" } });
  });

  it("a pending invitation past its expiry reads as expired and cannot be resent", async () => {
    const sent = await e.api("POST", "/user_management/invitations", {
      body: { email: "late@acme.com", organization_id: acme, expires_in_days: 1 },
    });
    expect(sent.json).toMatchObject({ state: "pending", role_slug: "member" });
    clock += 2 * DAY_MS;
    const read = await e.api("GET", `/user_management/invitations/${sent.json.id}`);
    expect(read.json.state).toBe("expired");
    const resend = await e.api("POST", `/user_management/invitations/${sent.json.id}/resend`);
    expect(resend.status).toBe(400);
    expect(resend.json.code).toBe("invite_expired");
  });

  it("revoking a session ends it once, with one session.revoked event", async () => {
    const body = { session_id: DEMO_IDS.sessions.janeLaptop };
    expect((await e.api("POST", "/user_management/sessions/revoke", { body })).status).toBe(200);
    expect((await e.api("POST", "/user_management/sessions/revoke", { body })).status).toBe(200);
    expect(await eventsOf()).toEqual(["session.revoked"]);
    const left = await e.api("GET", `/user_management/users/${janeDoe}/sessions`);
    expect(left.json.data.map((s: { id: string }) => s.id)).toEqual([DEMO_IDS.sessions.janePhone]);
  });

  it("creating a membership for an inactive one reactivates it with the new role", async () => {
    const res = await e.api("POST", "/user_management/organization_memberships", {
      body: { user_id: DEMO_IDS.users.bobSmith, organization_id: acme, role_slug: "admin" },
    });
    expect(res.json).toMatchObject({
      id: DEMO_IDS.organizationMemberships.bobAcme,
      status: "active",
      role: { slug: "admin" },
    });
  });

  it("refuses seeds with a duplicate email, a duplicate membership or a dangling user", () => {
    const user = { id: "user_1", email: "a@example.com" };
    expect(() => validateSeed({ users: [user, { email: "A@example.com" }] })).toThrow(
      /email "a@example.com" is used by another user/,
    );
    const org = { id: "org_1", name: "Org" };
    const member = { user_id: "user_1", organization_id: "org_1" };
    expect(() =>
      validateSeed({
        organizations: [org],
        users: [user],
        organization_memberships: [member, { ...member }],
      }),
    ).toThrow(/another membership/);
    expect(() => validateSeed({ users: [user], sessions: [{ user_id: "user_2" }] })).toThrow(
      /user_id "user_2" does not match any object in "users"/,
    );
  });
});
