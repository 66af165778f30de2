import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { acme, globex } = DEMO_IDS.organizations;
const { janeDoe, bobSmith, priyaPatel, carlosGarcia, oliviaBrown } = DEMO_IDS.users;
const M = DEMO_IDS.organizationMemberships;
const ALL = { WORKOS_MCP_TOOLSETS: "all" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: ALL });
});
afterAll(() => h.close());
beforeEach(() => h.control("POST", "/_emulator/reset"));

describe("users toolset", () => {
  it("is off by default and on with --toolsets users", async () => {
    const off = await startHarness();
    const on = await startHarness({ argv: ["--toolsets", "users"] });
    try {
      expect((await off.mcp.listTools()).tools.map((tool) => tool.name)).not.toContain("list_users");
      const names = (await on.mcp.listTools()).tools.map((tool) => tool.name);
      expect(names).toHaveLength(22);
      expect(names).toContain("revoke_session");
    } finally {
      await off.close();
      await on.close();
    }
  });
});

describe("users", () => {
  it("lists an organization's users with the facts a person asks, unverified emails flagged", async () => {
    const result = await h.call("list_users", { organization_id: acme, limit: 10 });
    expect(result.isError).toBeFalsy();
    const users = dataOf<Record<string, unknown>[]>(result);
    expect(users.find((u) => u.id === janeDoe)).toEqual({
      id: janeDoe,
      email: "jane.doe@acme.com",
      name: "Jane Doe",
      last_sign_in_at: "2024-01-15T08:12:00.000Z",
    });
    expect(users.find((u) => u.id === priyaPatel)).toMatchObject({ email_verified: false });
  });

  it("gets a user by external_id, and refuses both ids, or neither, before calling WorkOS", async () => {
    expect(dataOf(await h.call("get_user", { external_id: "crm-4411" }))).toMatchObject({ id: carlosGarcia });
    await h.control("DELETE", "/_emulator/requests");
    const both = await h.call("get_user", { user_id: janeDoe, external_id: "crm-4411" });
    expect(both.isError).toBe(true);
    expect(textOf(both)).toContain("give user_id or external_id, not both");
    const neither = await h.call("get_user", {});
    expect(neither.isError).toBe(true);
    expect(textOf(neither)).toContain(
      "- user_id: give user_id or external_id; list_users finds a user by email",
    );
    expect(textOf(neither)).not.toContain("not both");
    expect(await h.requests()).toEqual([]);
  });

  it("points from AuthKit users to directory users when an email finds no one, and back", async () => {
    const none = viewOf(await h.call("list_users", { email: "beatriz.muller@foo-corp.com" }));
    expect(none.summary).toMatch(/^0 users;/);
    expect(none.notes?.join(" ")).toContain(
      "AuthKit users (who sign in to your app) and Directory Sync users (synced from a customer's identity provider) are separate: list_directory_users",
    );
    const found = viewOf(await h.call("list_users", { email: "jane.doe@acme.com" }));
    expect(found.notes).toBeUndefined();
    const back = viewOf(
      await h.call("list_directory_users", {
        directory_id: DEMO_IDS.directories.fooCorpOkta,
        email: "jane.doe@acme.com",
      }),
    );
    expect(back.summary).toMatch(/^0 directory users;/);
    expect(back.notes?.join(" ")).toContain("list_users with email looks for an AuthKit user");
  });

  it("describes external_id as the user's own identifier, never the organization's", async () => {
    const listed = (await h.mcp.listTools()).tools.filter((tool) =>
      ["create_user", "update_user"].includes(tool.name),
    );
    expect(listed).toHaveLength(2);
    for (const tool of listed) {
      const field = JSON.stringify(tool.inputSchema.properties?.external_id);
      expect(field).toContain("for the user");
      expect(field).not.toContain("organization");
    }
  });

  it("creates a user without any password field, and a duplicate email is a WorkOS error", async () => {
    const created = await h.call("create_user", { email: "new.person@example.com", first_name: "New" });
    expect(viewOf(created).summary).toMatch(/^Created user "user_\w+" \("new\.person@example\.com"\)\.$/);
    const withPassword = await h.call("create_user", { email: "x@example.com", password: "hunter2" });
    expect(textOf(withPassword)).toContain("password: not a parameter of create_user");
    const duplicate = await h.call("create_user", { email: "jane.doe@acme.com" });
    expect(duplicate.isError).toBe(true);
    expect(textOf(duplicate)).toMatch(/HTTP 400.*"code":"user_creation_error"/s);
  });

  it("deleting a user previews its memberships and active sessions, then deletes with the token", async () => {
    const first = await h.call("delete_user", { user_id: janeDoe });
    const preview = dataOf<{ deleted: boolean; impact: Record<string, unknown>; confirmation_token: string }>(
      first,
    );
    expect(preview.deleted).toBe(false);
    expect(preview.impact).toMatchObject({
      email: "jane.doe@acme.com",
      organization_memberships: [{ id: M.janeAcme, organization_name: "Acme Inc", role: "admin" }],
      active_sessions: 2,
    });
    expect((await h.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
    const second = await h.call("delete_user", {
      user_id: janeDoe,
      confirmation_token: preview.confirmation_token,
    });
    expect(dataOf(second)).toMatchObject({ deleted: true, object: "user", id: janeDoe });
    expect((await h.call("get_user", { user_id: janeDoe })).isError).toBe(true);
  });

  it("asks a client that can elicit for the user's exact email", async () => {
    let asked = "";
    const hh = await startHarness({
      env: ALL,
      elicit: (request) => {
        asked = request.message;
        return { action: "accept", content: { confirm_name: "carlos.garcia@acme.com" } };
      },
    });
    try {
      const result = await hh.call("delete_user", { user_id: carlosGarcia });
      expect(dataOf(result)).toMatchObject({ deleted: true });
      expect(asked).toMatch(
        /Permanently delete user "carlos\.garcia@acme\.com".*2 organization memberships/s,
      );
      expect(asked).toContain("Type the user's exact email");
    } finally {
      await hh.close();
    }
  });
});

describe("organization memberships", () => {
  it("lists active members by default, and shows a status only when it is not active", async () => {
    const active = dataOf<{ id: string }[]>(
      await h.call("list_organization_memberships", { organization_id: acme }),
    );
    expect(active.map((m) => m.id)).not.toContain(M.bobAcme);
    const all = dataOf<Record<string, unknown>[]>(
      await h.call("list_organization_memberships", {
        organization_id: acme,
        statuses: ["active", "inactive"],
      }),
    );
    expect(all.find((m) => m.id === M.bobAcme)).toEqual({
      id: M.bobAcme,
      user_id: bobSmith,
      email: "bob.smith@acme.com",
      role: "member",
      status: "inactive",
    });
    const log = await h.requests();
    expect(log.at(-1)?.query).toMatchObject({ statuses: "active,inactive" });
  });

  it("says what the default list leaves out, in either detail, and a mix's legend only when it has one", async () => {
    for (const detail of ["summary", "full"]) {
      const view = viewOf(await h.call("list_organization_memberships", { organization_id: acme, detail }));
      expect(view.notes).toEqual([
        'Only active memberships are listed; statuses ["active", "inactive", "pending"] adds deactivated and invited ones.',
      ]);
    }
    const mixed = viewOf(
      await h.call("list_organization_memberships", {
        organization_id: acme,
        statuses: ["active", "inactive"],
      }),
    );
    expect(mixed.notes).toEqual(["Memberships are active unless a status is shown."]);
    const inactive = viewOf(
      await h.call("list_organization_memberships", { organization_id: acme, statuses: ["inactive"] }),
    );
    expect(inactive.notes).toBeUndefined();
    expect(inactive.data).toEqual([expect.objectContaining({ id: M.bobAcme, status: "inactive" })]);
  });

  it("needs organization_id or user_id, and says so before calling WorkOS", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const result = await h.call("list_organization_memberships", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(
      "Invalid arguments for list_organization_memberships; nothing was sent to WorkOS.\n" +
        "- organization_id: give organization_id or user_id",
    );
    expect(await h.requests()).toEqual([]);
  });

  it("speaks of deactivating a membership as WorkOS does (status inactive), never of suspending", async () => {
    const listed = (await h.mcp.listTools()).tools.filter((tool) =>
      tool.name.includes("organization_membership"),
    );
    expect(listed.map((tool) => tool.description).join(" ")).not.toMatch(/suspend/i);
    const deactivate = listed.find((tool) => tool.name === "deactivate_organization_membership");
    expect(deactivate?.description).toContain("status becomes inactive");
  });

  it("adds, promotes, deactivates and reactivates a member", async () => {
    const added = await h.call("create_organization_membership", {
      user_id: oliviaBrown,
      organization_id: acme,
    });
    const id = dataOf<{ id: string }>(added).id;
    expect(viewOf(added).summary).toBe(
      `"olivia.brown@gmail.com" is now a member of "${acme}" with role "member" (membership "${id}").`,
    );
    const promoted = await h.call("update_organization_membership", {
      organization_membership_id: id,
      role_slug: "admin",
    });
    expect(dataOf(promoted)).toMatchObject({ role: { slug: "admin" } });
    const off = await h.call("deactivate_organization_membership", { organization_membership_id: id });
    expect(dataOf(off)).toMatchObject({ status: "inactive" });
    const on = await h.call("reactivate_organization_membership", { organization_membership_id: id });
    expect(dataOf(on)).toMatchObject({ status: "active", role: { slug: "admin" } });
  });

  it("refuses a role slug that is not a slug before calling WorkOS, and a pending membership from WorkOS", async () => {
    const bad = await h.call("create_organization_membership", {
      user_id: oliviaBrown,
      organization_id: acme,
      role_slug: "Super Admin",
    });
    expect(textOf(bad)).toMatch(/role_slug: must be a role slug/);
    const pending = await h.call("deactivate_organization_membership", {
      organization_membership_id: M.amaraFooCorp,
    });
    expect(pending.isError).toBe(true);
    expect(textOf(pending)).toContain("cannot_deactivate_pending_organization_membership");
  });

  it("deleting a membership previews whose access to which organization goes", async () => {
    const result = await h.call("delete_organization_membership", {
      organization_membership_id: M.carlosGlobex,
    });
    expect(dataOf(result)).toMatchObject({
      deleted: false,
      reason: "confirmation_required",
      name: "carlos.garcia@acme.com",
      impact: { organization_id: globex, organization_name: "Globex Corporation", role: "member" },
    });
  });
});

describe("invitations", () => {
  it("sends an invitation with a role and an expiry, and lists it", async () => {
    const sent = await h.call("send_invitation", {
      email: "sam.lee@acme.com",
      organization_id: acme,
      role_slug: "admin",
      expires_in_days: 2,
    });
    expect(viewOf(sent).summary).toMatch(
      /^Invited "sam\.lee@acme\.com" to "org_\w+" as "admin"; the invitation "invitation_\w+" expires "/,
    );
    // The email repeats the filter, so the list leaves it out.
    const listed = dataOf<{ id: string; state: string }[]>(
      await h.call("list_invitations", { email: "sam.lee@acme.com" }),
    );
    expect(listed).toEqual([
      expect.objectContaining({ id: dataOf<{ id: string }>(sent).id, state: "pending" }),
    ]);
  });

  it("lists only the invitations in one state, walking WorkOS's pages since it has no such filter", async () => {
    const pending = await h.call("list_invitations", { state: "pending", limit: 100 });
    const items = dataOf<{ id: string; state?: string }[]>(pending);
    expect(items.map((i) => i.id)).toContain(DEMO_IDS.invitations.acmeNewHire);
    expect(items.map((i) => i.id)).not.toContain(DEMO_IDS.invitations.globexExpired);
    expect(viewOf(pending).summary).toMatch(
      /^\d+ invitations? matched among \d+ scanned; this is the last page\.$/,
    );
    expect(viewOf(pending).notes).toEqual(["Every invitation shown is pending."]);
    const full = dataOf<{ state: string }[]>(
      await h.call("list_invitations", { state: "expired", detail: "full", limit: 100 }),
    );
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((i) => i.state === "expired")).toBe(true);
    expect(
      (await h.requests()).filter((r) => r.path === "/user_management/invitations").at(-1)?.query,
    ).not.toHaveProperty("state");
  });

  it("refuses expires_in_days over 30 before calling WorkOS", async () => {
    const result = await h.call("send_invitation", {
      email: "a@acme.com",
      organization_id: acme,
      expires_in_days: 90,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/expires_in_days: .*30/);
  });

  it("resends and revokes a pending invitation; an expired one cannot be resent", async () => {
    const id = DEMO_IDS.invitations.acmeNewHire;
    expect((await h.call("resend_invitation", { invitation_id: id })).isError).toBeFalsy();
    expect(dataOf(await h.call("revoke_invitation", { invitation_id: id }))).toMatchObject({
      state: "revoked",
    });
    const expired = await h.call("resend_invitation", { invitation_id: DEMO_IDS.invitations.globexExpired });
    expect(expired.isError).toBe(true);
    expect(textOf(expired)).toContain("invite_expired");
  });

  it("turns an unknown invitation into a 404 that points at list_invitations", async () => {
    const result = await h.call("get_invitation", { invitation_id: "invitation_01HZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("list_invitations");
  });
});

describe("sessions", () => {
  it("lists a user's sessions and signs them out of one, naming who", async () => {
    const listed = await h.call("list_user_sessions", { user_id: janeDoe });
    expect(viewOf(listed).notes).toEqual([
      "Only active sessions are listed: WorkOS lists no expired or revoked ones.",
    ]);
    const sessions = dataOf<{ id: string }[]>(listed);
    expect(sessions.map((s) => s.id).sort()).toEqual(
      [DEMO_IDS.sessions.janeLaptop, DEMO_IDS.sessions.janePhone].sort(),
    );
    const revoked = await h.call("revoke_session", {
      session_id: DEMO_IDS.sessions.janePhone,
      user_id: janeDoe,
    });
    expect(viewOf(revoked).summary).toBe(
      `Signed "jane.doe@acme.com" out of session "${DEMO_IDS.sessions.janePhone}" (signed in by "passkey").`,
    );
    // The session as it is after the write, not as it was listed before.
    const { session } = dataOf<{ session: Record<string, unknown> }>(revoked);
    expect(session).toMatchObject({ id: DEMO_IDS.sessions.janePhone, status: "revoked" });
    expect(session).not.toHaveProperty("updated_at");
    expect(session).not.toHaveProperty("ended_at");
    const left = dataOf<{ id: string }[]>(await h.call("list_user_sessions", { user_id: janeDoe }));
    expect(left.map((s) => s.id)).toEqual([DEMO_IDS.sessions.janeLaptop]);
  });

  it("refuses a session that is not the user's active one, and revokes nothing", async () => {
    const result = await h.call("revoke_session", {
      session_id: DEMO_IDS.sessions.zoeLaptop,
      user_id: janeDoe,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("list_user_sessions");
    expect((await h.requests()).filter((r) => r.path === "/user_management/sessions/revoke")).toEqual([]);
  });
});

describe("the organization overview with the users toolset on", () => {
  it("counts active members and pending invitations", async () => {
    const result = await h.call("get_organization_overview", { organization_id: acme });
    expect(dataOf(result)).toMatchObject({ members: 3, pending_invitations: 1 });
    expect(viewOf(result).summary).toContain("3 active members, 1 pending invitation.");
    const off = await startHarness();
    try {
      expect(
        dataOf(await off.call("get_organization_overview", { organization_id: acme })),
      ).not.toHaveProperty("members");
    } finally {
      await off.close();
    }
  });
});

describe("a server pinned to Acme", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ env: { ...ALL, WORKOS_MCP_ORGANIZATION_ID: acme } });
  });
  afterAll(() => pinned.close());

  it("lists only Acme's users and fills organization_id in", async () => {
    const users = dataOf<{ id: string }[]>(await pinned.call("list_users", { limit: 100 }));
    expect(users.map((u) => u.id)).toContain(janeDoe);
    expect(users.map((u) => u.id)).not.toContain(DEMO_IDS.users.meiChen);
  });

  it.each([
    ["get_user", { user_id: DEMO_IDS.users.meiChen }],
    ["update_user", { user_id: DEMO_IDS.users.zoeAhlberg, first_name: "Z" }],
    ["list_user_sessions", { user_id: DEMO_IDS.users.meiChen }],
    ["revoke_session", { session_id: DEMO_IDS.sessions.meiLaptop, user_id: DEMO_IDS.users.meiChen }],
    ["update_organization_membership", { organization_membership_id: M.zoeFooCorp, role_slug: "member" }],
    ["delete_organization_membership", { organization_membership_id: M.hankGlobex }],
    ["get_invitation", { invitation_id: DEMO_IDS.invitations.fooCorpAmara }],
    // Carlos is in Acme and in Globex: deleting him reaches beyond the pin.
    ["delete_user", { user_id: carlosGarcia }],
  ])("%s on someone of another organization is refused, and nothing changes", async (name, args) => {
    const result = await pinned.call(name, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`pinned to organization ${acme}`);
    const writes = (await pinned.requests()).filter((r) => r.method !== "GET");
    expect(writes).toEqual([]);
  });

  it("has no create_user, which would make a user outside Acme", async () => {
    const names = (await pinned.mcp.listTools()).tools.map((tool) => tool.name);
    expect(names).not.toContain("create_user");
    expect(names).toContain("send_invitation");
  });

  it("lists Acme's memberships without organization_id, which its listing leaves out", async () => {
    const listed = (await pinned.mcp.listTools()).tools.find(
      (tool) => tool.name === "list_organization_memberships",
    );
    expect(Object.keys(listed?.inputSchema.properties ?? {})).not.toContain("organization_id");
    expect(Object.keys(listed?.inputSchema.properties ?? {})).toContain("user_id");
    const members = await pinned.call("list_organization_memberships", {});
    expect(members.isError).toBeFalsy();
    expect(dataOf<{ id: string }[]>(members).map((m) => m.id)).toContain(M.janeAcme);
  });

  it("still reads Acme's own active members, not a suspended one", async () => {
    expect((await pinned.call("get_user", { user_id: priyaPatel })).isError).toBeFalsy();
    expect((await pinned.call("list_user_sessions", { user_id: janeDoe })).isError).toBeFalsy();
    // Bob's Acme membership is inactive: he is not Acme's until it is reactivated.
    expect((await pinned.call("get_user", { user_id: bobSmith })).isError).toBe(true);
  });
});
