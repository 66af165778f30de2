import { NotFoundException, type WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { officialSdk } from "../support/official-sdk.js";
import { start, type TestEmulator } from "./helpers.js";

// The official SDK drives every AuthKit operation the emulator serves, as a WorkOS customer's code would.
const { acme, globex, fooCorp } = DEMO_IDS.organizations;
const { janeDoe, bobSmith, carlosGarcia } = DEMO_IDS.users;

let e: TestEmulator;
let workos: WorkOS;
beforeAll(async () => {
  e = await start();
  workos = officialSdk(e);
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

describe("the official SDK against the emulator: users", () => {
  it("lists, filters, gets, creates, updates and deletes users", async () => {
    const inAcme = await workos.userManagement.listUsers({ organizationId: acme, limit: 100 });
    expect(inAcme.data.map((u) => u.email)).toContain("jane.doe@acme.com");
    const byEmail = await workos.userManagement.listUsers({ email: "mei.chen@globex.com" });
    expect(byEmail.data).toHaveLength(1);
    expect((await workos.userManagement.getUser(janeDoe)).firstName).toBe("Jane");
    expect((await workos.userManagement.getUserByExternalId("fc-1008")).email).toBe(
      "bjorn.lindqvist@foo-corp.com",
    );

    const created = await workos.userManagement.createUser({
      email: "sdk.user@example.com",
      firstName: "Sdk",
      lastName: "User",
      emailVerified: true,
      externalId: "sdk-1",
      metadata: { team: "qa" },
    });
    expect(created).toMatchObject({ object: "user", email: "sdk.user@example.com", emailVerified: true });
    const updated = await workos.userManagement.updateUser({ userId: created.id, lastName: "Person" });
    expect(updated.lastName).toBe("Person");
    await workos.userManagement.deleteUser(created.id);
    await expect(workos.userManagement.getUser(created.id)).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe("the official SDK against the emulator: organization memberships", () => {
  it("lists, creates, updates, deactivates, reactivates and deletes memberships", async () => {
    const carlos = await workos.userManagement.listOrganizationMemberships({ userId: carlosGarcia });
    expect(carlos.data.map((m) => m.organizationId).sort()).toEqual([acme, globex].sort());
    const inactive = await workos.userManagement.listOrganizationMemberships({
      organizationId: acme,
      statuses: ["inactive"],
    });
    expect(inactive.data.map((m) => m.userId)).toEqual([bobSmith]);

    const user = await workos.userManagement.createUser({ email: "joiner@example.com" });
    const membership = await workos.userManagement.createOrganizationMembership({
      userId: user.id,
      organizationId: fooCorp,
      roleSlug: "admin",
    });
    expect(membership).toMatchObject({
      status: "active",
      role: { slug: "admin" },
      organizationName: "Foo Corp",
    });
    expect((await workos.userManagement.getOrganizationMembership(membership.id)).userId).toBe(user.id);
    const demoted = await workos.userManagement.updateOrganizationMembership(membership.id, {
      roleSlug: "member",
    });
    expect(demoted.role.slug).toBe("member");
    expect((await workos.userManagement.deactivateOrganizationMembership(membership.id)).status).toBe(
      "inactive",
    );
    expect((await workos.userManagement.reactivateOrganizationMembership(membership.id)).status).toBe(
      "active",
    );
    await workos.userManagement.deleteOrganizationMembership(membership.id);
    await expect(workos.userManagement.getOrganizationMembership(membership.id)).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });
});

describe("the official SDK against the emulator: invitations and sessions", () => {
  it("lists, sends, gets, resends and revokes invitations", async () => {
    const acmeInvites = await workos.userManagement.listInvitations({ organizationId: acme });
    expect(acmeInvites.data.map((i) => i.state).sort()).toEqual(["accepted", "pending", "revoked"]);
    const sent = await workos.userManagement.sendInvitation({
      email: "new.person@acme.com",
      organizationId: acme,
      roleSlug: "admin",
      expiresInDays: 3,
      inviterUserId: janeDoe,
    });
    expect(sent).toMatchObject({ state: "pending", organizationId: acme, inviterUserId: janeDoe });
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.createdAt)).toBe(3 * 86_400_000);
    expect((await workos.userManagement.getInvitation(sent.id)).email).toBe("new.person@acme.com");
    expect((await workos.userManagement.resendInvitation(sent.id)).state).toBe("pending");
    const revoked = await workos.userManagement.revokeInvitation(sent.id);
    expect(revoked.state).toBe("revoked");
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("lists a user's sessions and revokes one", async () => {
    const before = await workos.userManagement.listSessions(janeDoe);
    expect(before.data.map((s) => s.id).sort()).toEqual(
      [DEMO_IDS.sessions.janeLaptop, DEMO_IDS.sessions.janePhone].sort(),
    );
    expect(before.data[0]).toMatchObject({ object: "session", userId: janeDoe, status: "active" });
    await workos.userManagement.revokeSession({ sessionId: DEMO_IDS.sessions.janePhone });
    const after = await workos.userManagement.listSessions(janeDoe);
    expect(after.data.map((s) => s.id)).toEqual([DEMO_IDS.sessions.janeLaptop]);
  });
});
