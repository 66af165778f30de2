import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator, walk } from "./helpers.js";

let emu: TestEmulator;
const OM = DEMO_IDS.organizationMemberships;
const FOO = DEMO_IDS.organizations.fooCorp;
const ACME = DEMO_IDS.organizations.acme;
const MOBILE = DEMO_IDS.authorizationResources.fooCorpMobile;
const UNKNOWN_GROUP = "group_01JZZZZZZZZZZZZZZZZZZZZZZZ";

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const assignments = (group: string) => `/authorization/groups/${group}/role_assignments`;
const check = async (om: string, permission: string, resource: string): Promise<boolean> =>
  (
    await emu.api("POST", `/authorization/organization_memberships/${om}/check`, {
      body: { permission_slug: permission, resource_id: resource },
    })
  ).json.authorized as boolean;
const memberRoles = async (om: string) =>
  (await emu.api("GET", `/authorization/organization_memberships/${om}/role_assignments?limit=100`)).json
    .data as { role: { slug: string }; source: { type: string; group_role_assignment_id: string | null } }[];

/** A Foo Corp group with Björn (active) and Amara (pending) in it. */
async function fooGroup(): Promise<string> {
  const group = (await emu.api("POST", `/organizations/${FOO}/groups`, { body: { name: "Mobile team" } }))
    .json.id as string;
  for (const om of [OM.bjornFooCorp, OM.amaraFooCorp]) {
    const added = await emu.api("POST", `/organizations/${FOO}/groups/${group}/organization-memberships`, {
      body: { organization_membership_id: om },
    });
    expect(added.status).toBe(200);
  }
  return group;
}

describe("group role assignments", () => {
  it("a group's role counts for its active members, and goes with the member or the group", async () => {
    const group = await fooGroup();
    expect(await check(OM.bjornFooCorp, "project:edit", MOBILE)).toBe(false);
    const made = await emu.api("POST", assignments(group), {
      body: { role_slug: "org-project-lead", resource_id: MOBILE },
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      object: "group_role_assignment",
      group_id: group,
      role: { slug: "org-project-lead" },
      resource: { id: MOBILE, external_id: "proj-mobile", resource_type_slug: "project" },
    });
    expect(made.json.id).toMatch(/^gra_/);
    expect(await check(OM.bjornFooCorp, "project:edit", MOBILE)).toBe(true);
    // Amara's membership is pending: the group gives her nothing yet.
    expect(await check(OM.amaraFooCorp, "project:edit", MOBILE)).toBe(false);
    expect(await memberRoles(OM.bjornFooCorp)).toContainEqual(
      expect.objectContaining({
        role: { slug: "org-project-lead" },
        source: { type: "group", group_role_assignment_id: made.json.id },
      }),
    );
    // A member's group-given role is not its own to remove.
    const derived = (await memberRoles(OM.bjornFooCorp)).find(
      (a) => a.source.type === "group",
    ) as unknown as {
      id: string;
    };
    expect(
      (
        await emu.api(
          "DELETE",
          `/authorization/organization_memberships/${OM.bjornFooCorp}/role_assignments/${derived.id}`,
        )
      ).status,
    ).toBe(404);

    // A member who joins later holds it too; one who leaves loses it.
    await emu.api("POST", `/organizations/${FOO}/groups/${group}/organization-memberships`, {
      body: { organization_membership_id: OM.joseFooCorp },
    });
    expect(await check(OM.joseFooCorp, "project:delete", MOBILE)).toBe(true);
    const removed = await emu.api(
      "DELETE",
      `/organizations/${FOO}/groups/${group}/organization-memberships/${OM.bjornFooCorp}`,
    );
    expect(removed.status).toBe(204);
    expect(await check(OM.bjornFooCorp, "project:edit", MOBILE)).toBe(false);
    expect((await memberRoles(OM.bjornFooCorp)).filter((a) => a.source.type === "group")).toEqual([]);

    // Deleting the group deletes its assignments, and what they gave.
    expect((await emu.api("DELETE", `/organizations/${FOO}/groups/${group}`)).status).toBe(204);
    expect(await check(OM.joseFooCorp, "project:delete", MOBILE)).toBe(false);
    expect((await emu.api("GET", `${assignments(group)}/${made.json.id}`)).status).toBe(404);
  });

  it("a role on the organization itself (no resource) holds on every resource", async () => {
    const group = await fooGroup();
    const made = await emu.api("POST", assignments(group), { body: { role_slug: "admin" } });
    expect(made.status).toBe(201);
    expect(made.json.resource).toEqual({
      id: FOO,
      external_id: expect.any(String),
      resource_type_slug: "organization",
    });
    expect(await check(OM.bjornFooCorp, "project:edit", MOBILE)).toBe(true);
    const gone = await emu.api("DELETE", assignments(group), { body: { role_slug: "admin" } });
    expect(gone.status).toBe(204);
    expect(await check(OM.bjornFooCorp, "project:edit", MOBILE)).toBe(false);
    expect((await emu.api("DELETE", assignments(group), { body: { role_slug: "admin" } })).status).toBe(404);
  });

  it("refuses what WorkOS refuses", async () => {
    const group = await fooGroup();
    const post = (body: unknown) => emu.api("POST", assignments(group), { body });
    expect((await post({ resource_id: MOBILE })).status).toBe(422);
    expect((await post({ role_slug: "no-such-role" })).status).toBe(404);
    // Acme's own role is not Foo Corp's.
    expect((await post({ role_slug: "org-billing-admin" })).status).toBe(404);
    // A project role on the organization, an organization role on a project.
    expect((await post({ role_slug: "org-project-lead" })).status).toBe(422);
    expect((await post({ role_slug: "member", resource_id: MOBILE })).status).toBe(422);
    expect(
      (await post({ role_slug: "admin", resource_id: "authz_resource_01JZZZZZZZZZZZZZZZZZZZZZZZ" })).status,
    ).toBe(404);
    expect((await post({ role_slug: "admin", resource_external_id: "proj-mobile" })).status).toBe(422);
    expect((await post({ role_slug: "admin" })).status).toBe(201);
    const again = await post({ role_slug: "admin" });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("duplicate_group_role_assignment");
    expect((await emu.api("GET", assignments(UNKNOWN_GROUP))).status).toBe(404);
    expect((await emu.api("POST", assignments(UNKNOWN_GROUP), { body: { role_slug: "admin" } })).status).toBe(
      404,
    );
    // Another group's assignment is not found through this group.
    const seeded = await seededEngineeringAssignment();
    expect((await emu.api("GET", `${assignments(group)}/${seeded.id}`)).status).toBe(404);
    expect((await emu.api("DELETE", `${assignments(group)}/${seeded.id}`)).status).toBe(404);
  });

  it("PUT replaces the group's assignments with the list, and a bad entry changes nothing", async () => {
    const group = await fooGroup();
    await emu.api("POST", assignments(group), { body: { role_slug: "admin" } });
    const bad = await emu.api("PUT", assignments(group), {
      body: { role_assignments: [{ role_slug: "member" }, { role_slug: "org-project-lead" }] },
    });
    expect(bad.status).toBe(422);
    expect(
      (await emu.api("GET", assignments(group))).json.data.map(
        (a: { role: { slug: string } }) => a.role.slug,
      ),
    ).toEqual(["admin"]);
    expect((await emu.api("PUT", assignments(group), { body: {} })).status).toBe(422);
    const replaced = await emu.api("PUT", assignments(group), {
      body: {
        role_assignments: [
          { role_slug: "member" },
          {
            role_slug: "org-project-lead",
            resource_type_slug: "project",
            resource_external_id: "proj-mobile",
          },
        ],
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.object).toBe("list");
    expect(replaced.json.data.map((a: { role: { slug: string } }) => a.role.slug).sort()).toEqual([
      "member",
      "org-project-lead",
    ]);
    expect(await check(OM.bjornFooCorp, "project:delete", MOBILE)).toBe(true);
    expect((await memberRoles(OM.bjornFooCorp)).filter((a) => a.source.type === "group")).toHaveLength(2);
    const emptied = await emu.api("PUT", assignments(group), { body: { role_assignments: [] } });
    expect(emptied.json.data).toEqual([]);
    expect(await check(OM.bjornFooCorp, "project:delete", MOBILE)).toBe(false);
  });

  it("lists a group's assignments page by page, and reads and deletes one by id", async () => {
    const group = await fooGroup();
    const ids: string[] = [];
    for (const body of [
      { role_slug: "admin" },
      { role_slug: "member" },
      { role_slug: "org-project-lead", resource_id: MOBILE },
    ]) {
      ids.push((await emu.api("POST", assignments(group), { body })).json.id as string);
    }
    const pages = await walk(emu, `${assignments(group)}?limit=2&order=asc`, "after");
    expect(pages.flat()).toEqual(ids);
    const one = await emu.api("GET", `${assignments(group)}/${ids[1]}`);
    expect(one.json).toMatchObject({ id: ids[1], role: { slug: "member" } });
    expect((await emu.api("DELETE", `${assignments(group)}/${ids[1]}`)).status).toBe(204);
    expect((await emu.api("GET", `${assignments(group)}/${ids[1]}`)).status).toBe(404);
  });

  it("the demo seed's Engineering group holds Admin on Acme, and so Priya, one of its members", async () => {
    const seeded = await seededEngineeringAssignment();
    expect(seeded).toMatchObject({ role: { slug: "admin" }, resource: { id: ACME } });
    expect(await memberRoles(OM.priyaAcme)).toContainEqual(
      expect.objectContaining({
        role: { slug: "admin" },
        source: { type: "group", group_role_assignment_id: seeded.id },
      }),
    );
    expect((await memberRoles(OM.bobAcme)).filter((a) => a.source.type === "group")).toEqual([]);
  });
});

async function seededEngineeringAssignment(): Promise<{ id: string }> {
  const groups = (await emu.api("GET", `/organizations/${ACME}/groups?limit=100`)).json.data as {
    id: string;
    name: string;
  }[];
  const engineering = groups.find((g) => g.name === "Engineering");
  if (!engineering) throw new Error("the demo seed has no Engineering group");
  const list = (await emu.api("GET", assignments(engineering.id))).json.data as { id: string }[];
  if (!list[0]) throw new Error("the Engineering group holds no role");
  return list[0];
}

describe("a custom role a group holds", () => {
  it("cannot be deleted while the group holds it, even with no members", async () => {
    const role = (
      await emu.api("POST", `/authorization/organizations/${FOO}/roles`, {
        body: { name: "Release manager", resource_type_slug: "project" },
      })
    ).json.slug as string;
    const group = (await emu.api("POST", `/organizations/${FOO}/groups`, { body: { name: "Releases" } })).json
      .id as string;
    const held = await emu.api("POST", assignments(group), {
      body: { role_slug: role, resource_id: MOBILE },
    });
    expect(held.status).toBe(201);
    const path = `/authorization/organizations/${FOO}/roles/${role}`;
    const refused = await emu.api("DELETE", path);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("role_has_assignments");
    await emu.api("DELETE", `${assignments(group)}/${held.json.id}`);
    expect((await emu.api("DELETE", path)).status).toBe(204);
  });
});

describe("an organization membership's groups", () => {
  it("lists the groups a membership belongs to, page by page", async () => {
    const engineering = await emu.api(
      "GET",
      `/user_management/organization_memberships/${OM.janeAcme}/groups`,
    );
    expect(engineering.status).toBe(200);
    expect(engineering.json.data.map((g: { name: string }) => g.name)).toEqual(["Engineering"]);
    const extra = (await emu.api("POST", `/organizations/${ACME}/groups`, { body: { name: "On call" } })).json
      .id as string;
    await emu.api("POST", `/organizations/${ACME}/groups/${extra}/organization-memberships`, {
      body: { organization_membership_id: OM.janeAcme },
    });
    const pages = await walk(
      emu,
      `/user_management/organization_memberships/${OM.janeAcme}/groups?limit=1&order=asc`,
      "after",
    );
    expect(pages).toHaveLength(2);
    expect(pages.flat()).toContain(extra);
    const zoe = await emu.api("GET", `/user_management/organization_memberships/${OM.zoeFooCorp}/groups`);
    expect(zoe.json.data).toEqual([]);
    const unknown = await emu.api(
      "GET",
      "/user_management/organization_memberships/om_01JZZZZZZZZZZZZZZZZZZZZZZZ/groups",
    );
    expect(unknown.status).toBe(404);
  });
});
