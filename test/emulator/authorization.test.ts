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
      slug: "workos-mcp:delete",
      name: "workos-mcp: delete",
      system: false,
      resource_type_slug: "organization",
    });
    expect(res.json.data[1].slug).toBe("workos-mcp:write");
    expect(res.json.data[0].id).toMatch(/^perm_/);
    const pages = await walk(emu, "/authorization/permissions?limit=3", "after");
    const all = (await emu.api("GET", "/authorization/permissions?order=asc")).json.data.map(
      (p: { id: string }) => p.id,
    );
    expect(pages.flat()).toEqual([...all].reverse());
    expect(all).toHaveLength(10);
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
      "project:view",
      "project:edit",
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

const FOO = DEMO_IDS.organizations.fooCorp;
const R = DEMO_IDS.authorizationResources;
const M = DEMO_IDS.organizationMemberships;
const UNKNOWN_ORG = "org_01JZZZZZZZZZZZZZZZZZZZZZZZ";

const ids = (body: { data: { id: string }[] }) => body.data.map((o) => o.id);

describe("authorization resources", () => {
  it("creates a resource under a parent named by external id; 409 for a taken external id", async () => {
    const res = await emu.api("POST", "/authorization/resources", {
      body: {
        organization_id: FOO,
        resource_type_slug: "project",
        external_id: "proj-blog",
        name: "Blog",
        parent_resource_external_id: "ws-marketing",
        parent_resource_type_slug: "workspace",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      object: "authorization_resource",
      external_id: "proj-blog",
      parent_resource_id: R.fooCorpMarketing,
      description: null,
    });
    expect(res.json.id).toMatch(/^authz_resource_/);
    const again = await emu.api("POST", "/authorization/resources", {
      body: { organization_id: FOO, resource_type_slug: "project", external_id: "proj-blog", name: "Again" },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("authorization_resource_external_id_conflict");
    // The same external id is free for another type or organization.
    const otherType = await emu.api("POST", "/authorization/resources", {
      body: { organization_id: FOO, resource_type_slug: "document", external_id: "proj-blog", name: "Doc" },
    });
    expect(otherType.status).toBe(201);
  });

  it("refuses a missing field, both parent forms at once, an unknown parent and an unknown organization", async () => {
    const base = { organization_id: FOO, resource_type_slug: "project", external_id: "p-1", name: "P" };
    const missing = await emu.api("POST", "/authorization/resources", { body: { ...base, name: undefined } });
    expect(missing.status).toBe(422);
    const both = await emu.api("POST", "/authorization/resources", {
      body: { ...base, parent_resource_id: R.fooCorpMarketing, parent_resource_external_id: "ws-marketing" },
    });
    expect(both.status).toBe(422);
    const unknownParent = await emu.api("POST", "/authorization/resources", {
      body: { ...base, parent_resource_id: "authz_resource_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
    });
    expect(unknownParent.status).toBe(404);
    const unknownOrg = await emu.api("POST", "/authorization/resources", {
      body: { ...base, organization_id: UNKNOWN_ORG },
    });
    expect(unknownOrg.status).toBe(404);
    const nonAscii = await emu.api("POST", "/authorization/resources", {
      body: { ...base, external_id: "prøj" },
    });
    expect(nonAscii.status).toBe(422);
  });

  it("lists with filters, newest first; an external id without organization and type is a 400", async () => {
    const all = await emu.api("GET", `/authorization/resources?organization_id=${FOO}`);
    expect(ids(all.json)).toEqual([R.fooCorpMobile, R.fooCorpWebsite, R.fooCorpMarketing]);
    const children = await emu.api(
      "GET",
      `/authorization/resources?parent_resource_id=${R.fooCorpMarketing}`,
    );
    expect(ids(children.json)).toEqual([R.fooCorpWebsite]);
    const byParentExternal = await emu.api(
      "GET",
      `/authorization/resources?organization_id=${FOO}&parent_resource_type_slug=workspace&parent_external_id=ws-marketing`,
    );
    expect(ids(byParentExternal.json)).toEqual([R.fooCorpWebsite]);
    const projects = await emu.api(
      "GET",
      `/authorization/resources?organization_id=${FOO}&resource_type_slug=project&order=asc`,
    );
    expect(ids(projects.json)).toEqual([R.fooCorpWebsite, R.fooCorpMobile]);
    const bare = await emu.api("GET", "/authorization/resources?resource_external_id=proj-mobile");
    expect(bare.status).toBe(400);
    expect(bare.json.code).toBe("missing_organization_id_or_resource_type_slug");
  });

  it("gets, updates and moves a resource by id and by external id; a move under its own child is refused", async () => {
    const byExternal = `/authorization/organizations/${FOO}/resources/project/proj-mobile`;
    expect((await emu.api("GET", byExternal)).json.id).toBe(R.fooCorpMobile);
    const moved = await emu.api("PATCH", byExternal, {
      body: { name: "Mobile", parent_resource_id: R.fooCorpMarketing },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ name: "Mobile", parent_resource_id: R.fooCorpMarketing });
    const cycle = await emu.api("PATCH", `/authorization/resources/${R.fooCorpMarketing}`, {
      body: { parent_resource_id: R.fooCorpWebsite },
    });
    expect(cycle.status).toBe(422);
    const topLevel = await emu.api("PATCH", `/authorization/resources/${R.fooCorpMobile}`, {
      body: { parent_resource_id: null, description: "Apps" },
    });
    expect(topLevel.json).toMatchObject({ parent_resource_id: null, description: "Apps" });
    expect((await emu.api("GET", `/authorization/organizations/${FOO}/resources/project/nope`)).status).toBe(
      404,
    );
    expect(
      (await emu.api("GET", `/authorization/organizations/${UNKNOWN_ORG}/resources/project/proj-mobile`))
        .status,
    ).toBe(404);
  });

  it("a resource with children is deleted only with cascade_delete, taking its descendants and their assignments", async () => {
    const refused = await emu.api("DELETE", `/authorization/resources/${R.fooCorpMarketing}`);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("resource_has_dependents");
    const res = await emu.api(
      "DELETE",
      `/authorization/organizations/${FOO}/resources/workspace/ws-marketing?cascade_delete=true`,
    );
    expect(res.status).toBe(204);
    expect((await emu.api("GET", `/authorization/resources/${R.fooCorpWebsite}`)).status).toBe(404);
    const assignments = await emu.api(
      "GET",
      `/authorization/organization_memberships/${M.joseFooCorp}/role_assignments`,
    );
    expect(assignments.json.data).toEqual([]);
    expect((await emu.api("GET", `/authorization/resources/${R.fooCorpMobile}`)).status).toBe(200);
  });

  it("deleting the organization takes its resources with it", async () => {
    expect((await emu.api("DELETE", `/organizations/${FOO}`)).status).toBe(202);
    expect((await emu.api("GET", `/authorization/resources/${R.fooCorpMobile}`)).status).toBe(404);
  });
});

describe("role assignments", () => {
  const path = (m: string) => `/authorization/organization_memberships/${m}/role_assignments`;

  it("lists a membership's assignments, filtered by resource", async () => {
    const res = await emu.api("GET", path(M.joseFooCorp));
    expect(res.json.data).toEqual([
      expect.objectContaining({
        object: "role_assignment",
        id: DEMO_IDS.roleAssignments.joseWebsiteLead,
        organization_membership_id: M.joseFooCorp,
        role: { slug: "org-project-lead" },
        resource: { id: R.fooCorpWebsite, external_id: "proj-website", resource_type_slug: "project" },
        source: { type: "direct", group_role_assignment_id: null },
      }),
    ]);
    const other = await emu.api("GET", `${path(M.joseFooCorp)}?resource_id=${R.fooCorpMobile}`);
    expect(other.json.data).toEqual([]);
    const byExternal = await emu.api(
      "GET",
      `${path(M.joseFooCorp)}?resource_external_id=proj-website&resource_type_slug=project`,
    );
    expect(byExternal.json.data).toHaveLength(1);
    expect((await emu.api("GET", path("om_01JZZZZZZZZZZZZZZZZZZZZZZZ"))).status).toBe(404);
  });

  it("assigns a role scoped to the resource's type; refuses another type, an unknown role and a repeat", async () => {
    const created = await emu.api("POST", path(M.bjornFooCorp), {
      body: {
        role_slug: "org-project-lead",
        resource_external_id: "proj-mobile",
        resource_type_slug: "project",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      role: { slug: "org-project-lead" },
      resource: { id: R.fooCorpMobile },
    });
    const listed = await emu.api("GET", `/authorization/resources/${R.fooCorpMobile}/role_assignments`);
    expect(ids(listed.json)).toEqual([created.json.id]);
    const wrongType = await emu.api("POST", path(M.bjornFooCorp), {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpMarketing },
    });
    expect(wrongType.status).toBe(422);
    const unknownRole = await emu.api("POST", path(M.bjornFooCorp), {
      body: { role_slug: "no-such-role", resource_id: R.fooCorpMobile },
    });
    expect(unknownRole.status).toBe(404);
    const repeat = await emu.api("POST", path(M.bjornFooCorp), {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpMobile },
    });
    expect(repeat.status).toBe(422);
    const noTarget = await emu.api("POST", path(M.bjornFooCorp), { body: { role_slug: "org-project-lead" } });
    expect(noTarget.status).toBe(422);
    // Another organization's resource is not there for this membership.
    const acmeMember = await emu.api("POST", path(DEMO_IDS.organizationMemberships.janeAcme), {
      body: { role_slug: "admin", resource_id: R.fooCorpMobile },
    });
    expect(acmeMember.status).toBe(404);
  });

  it("removes an assignment by criteria and by id; 404 when none matches", async () => {
    const byCriteria = await emu.api("DELETE", path(M.joseFooCorp), {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpWebsite },
    });
    expect(byCriteria.status).toBe(204);
    expect((await emu.api("GET", path(M.joseFooCorp))).json.data).toEqual([]);
    const again = await emu.api("DELETE", path(M.joseFooCorp), {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpWebsite },
    });
    expect(again.status).toBe(404);
    const created = await emu.api("POST", path(M.joseFooCorp), {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpMobile },
    });
    expect((await emu.api("DELETE", `${path(M.bjornFooCorp)}/${created.json.id}`)).status).toBe(404);
    expect((await emu.api("DELETE", `${path(M.joseFooCorp)}/${created.json.id}`)).status).toBe(204);
    expect((await emu.api("DELETE", `${path(M.joseFooCorp)}/${created.json.id}`)).status).toBe(404);
  });

  it("a custom role with assignments cannot be deleted; deleting the membership removes its assignments", async () => {
    const role = `/authorization/organizations/${FOO}/roles/org-project-lead`;
    const refused = await emu.api("DELETE", role);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("role_has_assignments");
    expect(
      (await emu.api("DELETE", `/user_management/organization_memberships/${M.joseFooCorp}`)).status,
    ).toBe(200);
    const left = await emu.api("GET", `/authorization/resources/${R.fooCorpWebsite}/role_assignments`);
    expect(left.json.data).toEqual([]);
    expect((await emu.api("DELETE", role)).status).toBe(204);
  });
});

describe("access checks", () => {
  const check = (m: string, body: Record<string, unknown>) =>
    emu.api("POST", `/authorization/organization_memberships/${m}/check`, { body });
  const can = async (m: string, permission: string, externalId: string) =>
    (
      await check(m, {
        permission_slug: permission,
        resource_external_id: externalId,
        resource_type_slug: "project",
      })
    ).json.authorized;

  it("evaluates organization roles (flowing down) and assignments on the resource or an ancestor", async () => {
    // Zoë is an admin: view and edit on every project, never delete.
    expect(await can(M.zoeFooCorp, "project:edit", "proj-mobile")).toBe(true);
    expect(await can(M.zoeFooCorp, "project:delete", "proj-mobile")).toBe(false);
    // José is a member (view) who leads the Website project (delete there only).
    expect(await can(M.joseFooCorp, "project:view", "proj-mobile")).toBe(true);
    expect(await can(M.joseFooCorp, "project:edit", "proj-mobile")).toBe(false);
    expect(await can(M.joseFooCorp, "project:delete", "proj-website")).toBe(true);
    // Amara's membership is pending: nothing yet.
    expect(await can(M.amaraFooCorp, "project:view", "proj-mobile")).toBe(false);
    // A permission of another resource type does not apply to a project.
    expect(await can(M.zoeFooCorp, "members:manage", "proj-mobile")).toBe(false);
  });

  it("follows changes: a removed permission, a new assignment, a moved resource", async () => {
    expect(await can(M.bjornFooCorp, "project:edit", "proj-website")).toBe(false);
    await emu.api("POST", `/authorization/organization_memberships/${M.bjornFooCorp}/role_assignments`, {
      body: { role_slug: "org-project-lead", resource_id: R.fooCorpWebsite },
    });
    expect(await can(M.bjornFooCorp, "project:edit", "proj-website")).toBe(true);
    await emu.api(
      "DELETE",
      `/authorization/organizations/${FOO}/roles/org-project-lead/permissions/project:edit`,
    );
    expect(await can(M.bjornFooCorp, "project:edit", "proj-website")).toBe(false);
    expect(await can(M.bjornFooCorp, "project:delete", "proj-website")).toBe(true);
    expect(await can(M.zoeFooCorp, "project:view", "proj-website")).toBe(true);
    await emu.api("DELETE", "/authorization/permissions/project:view");
    expect(await can(M.zoeFooCorp, "project:view", "proj-website")).toBe(false);
  });

  it("follows a membership's organization role as it changes", async () => {
    expect(await can(M.bjornFooCorp, "project:edit", "proj-mobile")).toBe(false);
    const promoted = await emu.api("PUT", `/user_management/organization_memberships/${M.bjornFooCorp}`, {
      body: { role_slug: "admin" },
    });
    expect(promoted.status).toBe(200);
    expect(await can(M.bjornFooCorp, "project:edit", "proj-mobile")).toBe(true);
    await emu.api("PUT", `/user_management/organization_memberships/${M.bjornFooCorp}/deactivate`);
    expect(await can(M.bjornFooCorp, "project:view", "proj-mobile")).toBe(false);
  });

  it("another organization's resource is not found for a membership", async () => {
    const acme = DEMO_IDS.organizationMemberships.janeAcme;
    const res = await emu.api(
      "GET",
      `/authorization/organization_memberships/${acme}/resources/${R.fooCorpMobile}/permissions`,
    );
    expect(res.status).toBe(404);
    expect(
      (await check(acme, { permission_slug: "project:view", resource_id: R.fooCorpMobile })).status,
    ).toBe(404);
  });

  it("a role assigned on a parent grants its child-type permissions on the children", async () => {
    await emu.api("POST", "/authorization/roles", {
      body: { slug: "workspace-lead", name: "Workspace lead", resource_type_slug: "workspace" },
    });
    await emu.api("PUT", "/authorization/roles/workspace-lead/permissions", {
      body: { permissions: ["project:delete"] },
    });
    await emu.api("POST", `/authorization/organization_memberships/${M.bjornFooCorp}/role_assignments`, {
      body: { role_slug: "workspace-lead", resource_id: R.fooCorpMarketing },
    });
    expect(await can(M.bjornFooCorp, "project:delete", "proj-website")).toBe(true);
    expect(await can(M.bjornFooCorp, "project:delete", "proj-mobile")).toBe(false);
  });

  it("refuses a check without a permission or a resource, and for an unknown membership or resource", async () => {
    expect((await check(M.zoeFooCorp, { resource_id: R.fooCorpMobile })).status).toBe(422);
    expect((await check(M.zoeFooCorp, { permission_slug: "project:view" })).status).toBe(422);
    expect(
      (
        await check("om_01JZZZZZZZZZZZZZZZZZZZZZZZ", {
          permission_slug: "project:view",
          resource_id: R.fooCorpMobile,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await check(M.zoeFooCorp, {
          permission_slug: "project:view",
          resource_id: "authz_resource_01JZZZZZZZZZZZZZZZZZZZZZZZ",
        })
      ).status,
    ).toBe(404);
  });

  it("lists effective permissions by id and by external id", async () => {
    const base = `/authorization/organization_memberships/${M.joseFooCorp}/resources`;
    const website = await emu.api("GET", `${base}/${R.fooCorpWebsite}/permissions?order=asc`);
    expect(website.json.data.map((p: { slug: string }) => p.slug)).toEqual([
      "project:view",
      "project:edit",
      "project:delete",
    ]);
    const mobile = await emu.api("GET", `${base}/project/proj-mobile/permissions`);
    expect(mobile.json.data.map((p: { slug: string }) => p.slug)).toEqual(["project:view"]);
    expect((await emu.api("GET", `${base}/project/nope/permissions`)).status).toBe(404);
  });

  it("lists the children of a parent the membership may act on", async () => {
    const base = `/authorization/organization_memberships/${M.joseFooCorp}/resources`;
    const edit = await emu.api(
      "GET",
      `${base}?permission_slug=project:delete&parent_resource_id=${R.fooCorpMarketing}`,
    );
    expect(ids(edit.json)).toEqual([R.fooCorpWebsite]);
    const byExternal = await emu.api(
      "GET",
      `${base}?permission_slug=project:edit&parent_resource_external_id=ws-marketing&parent_resource_type_slug=workspace`,
    );
    expect(ids(byExternal.json)).toEqual([R.fooCorpWebsite]);
    const zoe = await emu.api(
      "GET",
      `/authorization/organization_memberships/${M.zoeFooCorp}/resources?permission_slug=project:delete&parent_resource_id=${R.fooCorpMarketing}`,
    );
    expect(zoe.json.data).toEqual([]);
    const noParent = await emu.api("GET", `${base}?permission_slug=project:view`);
    expect(noParent.status).toBe(400);
    const noPermission = await emu.api("GET", `${base}?parent_resource_id=${R.fooCorpMarketing}`);
    expect(noPermission.status).toBe(422);
  });

  it("lists the memberships with a permission on a resource, directly or also through inheritance", async () => {
    const members = (query: string) =>
      emu.api("GET", `/authorization/resources/${R.fooCorpWebsite}/organization_memberships?${query}`);
    const editors = await members("permission_slug=project:edit&order=asc");
    expect(ids(editors.json)).toEqual([M.zoeFooCorp, M.joseFooCorp]);
    expect(editors.json.data[0].user.id).toBe(DEMO_IDS.users.zoeAhlberg);
    const direct = await members("permission_slug=project:edit&assignment=direct");
    expect(ids(direct.json)).toEqual([M.joseFooCorp]);
    const viewers = await emu.api(
      "GET",
      `/authorization/organizations/${FOO}/resources/project/proj-mobile/organization_memberships?permission_slug=project:view&order=asc`,
    );
    expect(ids(viewers.json)).toEqual([M.zoeFooCorp, M.joseFooCorp, M.bjornFooCorp]);
    expect((await members("assignment=direct")).status).toBe(422);
    expect((await members("permission_slug=project:edit&assignment=sideways")).status).toBe(422);
  });
});

describe("resources and role assignments in the seed", () => {
  const org = { id: "org_seeded", name: "Seeded" };
  const user = { id: "user_seeded", email: "ann@seeded.dev" };
  const membership = { id: "om_seeded", user_id: "user_seeded", organization_id: "org_seeded" };
  const project = {
    id: "res_project",
    organization_id: "org_seeded",
    resource_type_slug: "project",
    external_id: "p1",
  };
  const role = { slug: "project-editor", resource_type_slug: "project", permissions: ["project:edit"] };
  const base = {
    organizations: [org],
    users: [user],
    organization_memberships: [membership],
    roles: [role],
    authorization_resources: [project],
  };

  it("are validated: references, a repeated external id, a role of another resource type", () => {
    expect(() =>
      validateSeed({ ...base, authorization_resources: [project, { ...project, id: "res_2" }] }),
    ).toThrow(
      'authorization_resources[1] (id "res_2"): external_id "p1" is already used by another project of the organization',
    );
    expect(() =>
      validateSeed({ ...base, authorization_resources: [{ ...project, parent_resource_id: "res_none" }] }),
    ).toThrow('parent_resource_id "res_none" does not match any object in "authorization_resources"');
    expect(() =>
      validateSeed({
        ...base,
        role_assignments: [
          { organization_membership_id: "om_seeded", role_slug: "member", resource_id: "res_project" },
        ],
      }),
    ).toThrow('role_assignments[0]: role_slug "member" is not a role of the membership\'s organization');
    expect(() =>
      validateSeed({
        ...base,
        roles: [role, { slug: "admin" }],
        role_assignments: [
          { organization_membership_id: "om_seeded", role_slug: "admin", resource_id: "res_project" },
        ],
      }),
    ).toThrow('role_assignments[0]: role "admin" applies to organization resources, not project');
  });

  it("load, and the access checks read them", async () => {
    const seeded = await start({
      seed: {
        ...base,
        role_assignments: [
          {
            organization_membership_id: "om_seeded",
            role_slug: "project-editor",
            resource_id: "res_project",
          },
        ],
      },
    });
    try {
      const res = await seeded.api("POST", "/authorization/organization_memberships/om_seeded/check", {
        body: { permission_slug: "project:edit", resource_id: "res_project" },
      });
      expect(res.json).toEqual({ authorized: true });
    } finally {
      await seeded.close();
    }
  });
});
