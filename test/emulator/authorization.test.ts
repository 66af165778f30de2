import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { validateSeed } from "../../src/emulator/seed.js";
import { start, type TestEmulator, walk } from "./helpers.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

/** The events of these types recorded after `since` (an event id), oldest first. */
// biome-ignore lint/suspicious/noExplicitAny: test convenience for reading event payloads
type AnyEvent = { event: string; data: any };

async function eventsAfter(since: string | undefined, types: string): Promise<AnyEvent[]> {
  const query = `events=${types}&order=asc&limit=100${since ? `&after=${since}` : ""}`;
  return (await emu.api("GET", `/events?${query}`)).json.data;
}

async function lastEventId(): Promise<string | undefined> {
  const res = await emu.api("GET", "/events?limit=1&order=desc");
  return res.json.data[0]?.id;
}

describe("permissions", () => {
  it("lists the seeded permissions, newest first, paginated with list_metadata", async () => {
    const res = await emu.api("GET", "/authorization/permissions?limit=2");
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(2);
    expect(res.json.data[0]).toMatchObject({
      object: "permission",
      slug: "reports:read",
      name: "Read reports",
      system: false,
      resource_type_slug: "organization",
    });
    expect(res.json.data[0].id).toMatch(/^perm_/);
    const pages = await walk(emu, "/authorization/permissions?limit=3", "after");
    const all = (await emu.api("GET", "/authorization/permissions?order=asc")).json.data.map(
      (p: { id: string }) => p.id,
    );
    expect(pages.flat()).toEqual([...all].reverse());
    expect(all).toHaveLength(4);
  });

  it("creates a permission (201, permission.created) and refuses a duplicate slug with 409", async () => {
    const before = await lastEventId();
    const res = await emu.api("POST", "/authorization/permissions", {
      body: { slug: "docs:read", name: "Read docs", description: "Docs", resource_type_slug: "document" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug: "docs:read", name: "Read docs", resource_type_slug: "document" });
    expect((await emu.api("GET", "/authorization/permissions/docs:read")).json.id).toBe(res.json.id);
    const events = await eventsAfter(before, "permission.created");
    expect(events.map((e) => e.data.slug)).toEqual(["docs:read"]);
    const again = await emu.api("POST", "/authorization/permissions", {
      body: { slug: "docs:read", name: "X" },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("permission_slug_conflict");
  });

  it("validates the body: slug and name required, slug lowercase, lengths capped", async () => {
    const missing = await emu.api("POST", "/authorization/permissions", { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toEqual(["slug", "name"]);
    const upper = await emu.api("POST", "/authorization/permissions", {
      body: { slug: "Docs:Read", name: "x" },
    });
    expect(upper.status).toBe(422);
    const long = await emu.api("POST", "/authorization/permissions", {
      body: { slug: "a".repeat(49), name: "x" },
    });
    expect(long.status).toBe(422);
    const at48 = await emu.api("POST", "/authorization/permissions", {
      body: { slug: "a".repeat(48), name: "x" },
    });
    expect(at48.status).toBe(201);
  });

  it("updates name and description only (permission.updated with previous_attributes); 404 for an unknown slug", async () => {
    const before = await lastEventId();
    const res = await emu.api("PATCH", "/authorization/permissions/reports:read", {
      body: { name: "See reports", description: null },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ slug: "reports:read", name: "See reports", description: null });
    const [event] = await eventsAfter(before, "permission.updated");
    expect(event?.data.name).toBe("See reports");
    expect((await emu.api("GET", "/authorization/permissions/reports:read")).json.name).toBe("See reports");
    const unknown = await emu.api("PATCH", "/authorization/permissions/nope:nope", { body: { name: "x" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe("Permission not found: 'nope:nope'.");
  });

  it("deleting a permission takes it out of every role that granted it", async () => {
    const before = await lastEventId();
    const res = await emu.api("DELETE", "/authorization/permissions/billing:manage");
    expect(res.status).toBe(204);
    expect((await emu.api("GET", "/authorization/permissions/billing:manage")).status).toBe(404);
    expect((await emu.api("GET", "/authorization/roles/admin")).json.permissions).toEqual([
      "members:manage",
      "settings:manage",
      "reports:read",
    ]);
    const custom = await emu.api("GET", `/authorization/organizations/${ACME}/roles/org-billing-admin`);
    expect(custom.json.permissions).toEqual(["reports:read"]);
    expect((await eventsAfter(before, "permission.deleted")).map((e) => e.data.slug)).toEqual([
      "billing:manage",
    ]);
    expect((await emu.api("DELETE", "/authorization/permissions/billing:manage")).status).toBe(404);
  });
});

describe("environment roles", () => {
  it("creates a role with no permissions (role.created); 409 role_slug_conflict for a taken slug", async () => {
    const before = await lastEventId();
    const res = await emu.api("POST", "/authorization/roles", {
      body: { slug: "viewer", name: "Viewer", description: "Reads" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      slug: "viewer",
      type: "EnvironmentRole",
      permissions: [],
      description: "Reads",
    });
    expect(
      (await emu.api("GET", "/authorization/roles")).json.data.map((r: { slug: string }) => r.slug),
    ).toEqual(["admin", "member", "viewer"]);
    const events = await eventsAfter(before, "role.created");
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ object: "role", slug: "viewer", permissions: [] }),
    ]);
    const taken = await emu.api("POST", "/authorization/roles", { body: { slug: "admin", name: "Again" } });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe("role_slug_conflict");
    const bad = await emu.api("POST", "/authorization/roles", { body: { slug: "Bad Slug", name: "x" } });
    expect(bad.status).toBe(422);
  });

  it("renames a role (role.updated); 404 for a custom role's slug", async () => {
    const before = await lastEventId();
    const res = await emu.api("PATCH", "/authorization/roles/member", { body: { name: "Colleague" } });
    expect(res.status).toBe(200);
    expect(res.json.name).toBe("Colleague");
    expect((await eventsAfter(before, "role.updated")).map((e) => e.data.slug)).toEqual(["member"]);
    const custom = await emu.api("PATCH", "/authorization/roles/org-billing-admin", { body: { name: "x" } });
    expect(custom.status).toBe(404);
  });

  it("sets and adds permissions; only the environment's permissions, each once", async () => {
    const set = await emu.api("PUT", "/authorization/roles/member/permissions", {
      body: { permissions: ["reports:read", "settings:manage", "reports:read"] },
    });
    expect(set.status).toBe(200);
    expect(set.json.permissions).toEqual(["reports:read", "settings:manage"]);
    const added = await emu.api("POST", "/authorization/roles/member/permissions", {
      body: { slug: "billing:manage" },
    });
    expect(added.json.permissions).toEqual(["reports:read", "settings:manage", "billing:manage"]);
    const twice = await emu.api("POST", "/authorization/roles/member/permissions", {
      body: { slug: "billing:manage" },
    });
    expect(twice.json.permissions).toEqual(added.json.permissions);
    const unknown = await emu.api("PUT", "/authorization/roles/member/permissions", {
      body: { permissions: ["reports:read", "nope:nope"] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe("Permission not found: 'nope:nope'.");
    expect((await emu.api("GET", "/authorization/roles/member")).json.permissions).toEqual(
      added.json.permissions,
    );
    const notArray = await emu.api("PUT", "/authorization/roles/member/permissions", {
      body: { permissions: "reports:read" },
    });
    expect(notArray.status).toBe(422);
  });
});

describe("organization roles", () => {
  it("creates a custom role with a given or generated org- slug (organization_role.created)", async () => {
    const before = await lastEventId();
    const named = await emu.api("POST", `/authorization/organizations/${GLOBEX}/roles`, {
      body: { slug: "org-auditor", name: "Auditor" },
    });
    expect(named.status).toBe(201);
    expect(named.json).toMatchObject({ slug: "org-auditor", type: "OrganizationRole", permissions: [] });
    const generated = await emu.api("POST", `/authorization/organizations/${GLOBEX}/roles`, {
      body: { name: "Support Lead" },
    });
    expect(generated.json.slug).toMatch(/^org-support-lead-[a-z0-9]+$/);
    const list = await emu.api("GET", `/authorization/organizations/${GLOBEX}/roles`);
    expect(list.json.data.map((r: { slug: string }) => r.slug)).toEqual([
      "admin",
      "member",
      "org-auditor",
      generated.json.slug,
    ]);
    // Another organization does not see them.
    const acme = await emu.api("GET", `/authorization/organizations/${ACME}/roles/org-auditor`);
    expect(acme.status).toBe(404);
    const events = await eventsAfter(before, "organization_role.created");
    expect(events.map((e) => [e.data.object, e.data.organization_id, e.data.slug])).toEqual([
      ["organization_role", GLOBEX, "org-auditor"],
      ["organization_role", GLOBEX, generated.json.slug],
    ]);
  });

  it("refuses a slug without org-, a taken slug (409) and an unknown organization (404)", async () => {
    const plain = await emu.api("POST", `/authorization/organizations/${ACME}/roles`, {
      body: { slug: "auditor", name: "Auditor" },
    });
    expect(plain.status).toBe(422);
    const taken = await emu.api("POST", `/authorization/organizations/${ACME}/roles`, {
      body: { slug: "org-billing-admin", name: "Again" },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe("organization_role_slug_conflict");
    const unknown = await emu.api(
      "POST",
      "/authorization/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/roles",
      {
        body: { name: "x" },
      },
    );
    expect(unknown.status).toBe(404);
  });

  it("updates, changes the permissions of, and deletes a custom role, with events", async () => {
    const path = `/authorization/organizations/${ACME}/roles/org-billing-admin`;
    const before = await lastEventId();
    expect((await emu.api("PATCH", path, { body: { description: "Finance" } })).json.description).toBe(
      "Finance",
    );
    const set = await emu.api("PUT", `${path}/permissions`, { body: { permissions: ["billing:manage"] } });
    expect(set.json.permissions).toEqual(["billing:manage"]);
    const added = await emu.api("POST", `${path}/permissions`, { body: { slug: "reports:read" } });
    expect(added.json.permissions).toEqual(["billing:manage", "reports:read"]);
    const removed = await emu.api("DELETE", `${path}/permissions/billing:manage`);
    expect(removed.status).toBe(200);
    expect(removed.json.permissions).toEqual(["reports:read"]);
    expect((await emu.api("DELETE", `${path}/permissions/billing:manage`)).status).toBe(404);
    expect((await emu.api("DELETE", path)).status).toBe(204);
    expect((await emu.api("GET", path)).status).toBe(404);
    const events = await eventsAfter(before, "organization_role.updated,organization_role.deleted");
    expect(events.map((e) => e.event)).toEqual([
      "organization_role.updated",
      "organization_role.updated",
      "organization_role.updated",
      "organization_role.updated",
      "organization_role.deleted",
    ]);
  });

  it("environment roles cannot be changed through an organization's path", async () => {
    const res = await emu.api("PATCH", `/authorization/organizations/${ACME}/roles/admin`, {
      body: { name: "x" },
    });
    expect(res.status).toBe(404);
    expect((await emu.api("DELETE", `/authorization/organizations/${ACME}/roles/admin`)).status).toBe(404);
  });

  it("a custom role a membership holds cannot be deleted (409 role_has_assignments)", async () => {
    const path = `/authorization/organizations/${ACME}/roles/org-billing-admin`;
    const users = await emu.api("POST", "/user_management/users", { body: { email: "fin@acme.com" } });
    const membership = await emu.api("POST", "/user_management/organization_memberships", {
      body: { user_id: users.json.id, organization_id: ACME, role_slug: "org-billing-admin" },
    });
    expect(membership.status).toBe(201);
    const res = await emu.api("DELETE", path);
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("role_has_assignments");
    expect((await emu.api("GET", path)).status).toBe(200);
  });
});

describe("permissions in the seed", () => {
  it("are validated: a bad slug and a duplicate slug are refused naming the entry", () => {
    expect(() => validateSeed({ permissions: [{ slug: "Reports Read" }] })).toThrow(
      'permissions[0]: "slug" must be lowercase letters, digits, hyphens, underscores, colons, periods or asterisks',
    );
    expect(() => validateSeed({ permissions: [{ slug: "a:b" }, { slug: "a:b" }] })).toThrow(
      'permissions[1]: slug "a:b" is already used by another permission',
    );
  });

  it("load, with the permissions roles name but the seed does not list; a system one cannot be deleted", async () => {
    const seeded = await start({
      seed: {
        permissions: [{ slug: "docs:read", name: "Read docs", system: true }],
        roles: [{ slug: "writer", permissions: ["docs:read", "docs:write"] }],
      },
    });
    try {
      const list = await seeded.api("GET", "/authorization/permissions?order=asc");
      expect(list.json.data.map((p: { slug: string; name: string }) => [p.slug, p.name])).toEqual([
        ["docs:read", "Read docs"],
        ["docs:write", "Docs Write"],
      ]);
      const system = await seeded.api("DELETE", "/authorization/permissions/docs:read");
      expect(system.status).toBe(403);
      expect((await seeded.api("DELETE", "/authorization/permissions/docs:write")).status).toBe(204);
      expect((await seeded.api("GET", "/authorization/roles/writer")).json.permissions).toEqual([
        "docs:read",
      ]);
    } finally {
      await seeded.close();
    }
  });
});
