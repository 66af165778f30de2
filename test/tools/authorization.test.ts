import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { tools } from "../../src/tools/index.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const ACME = DEMO_IDS.organizations.acme;
const M = DEMO_IDS.organizationMemberships;
const { fooCorpWebsite, fooCorpMobile } = DEMO_IDS.authorizationResources;
const JOSE_WEBSITE_LEAD = DEMO_IDS.roleAssignments.joseWebsiteLead;

type Item = Record<string, unknown>;
type Preview = { deleted: boolean; reason?: string; impact: Item; confirmation_token: string; name: string };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "all"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

/** The requests that reached WorkOS since the last reset, as "METHOD /path". */
async function sent(): Promise<string[]> {
  return (await h.requests()).map((request) => `${request.method} ${request.path}`);
}

describe("the authorization toolset", () => {
  it("is off by default, and roles (its old name) still turns it on", async () => {
    const authorization = tools.filter((tool) => tool.toolset === "authorization").map((tool) => tool.name);
    expect(authorization).toEqual(
      expect.arrayContaining(["list_roles", "create_role", "delete_role", "check_access", "assign_role"]),
    );
    const byDefault = await startHarness();
    const byOldName = await startHarness({ argv: ["--toolsets", "roles"] });
    try {
      const listed = async (harness: Harness) => (await harness.mcp.listTools()).tools.map((t) => t.name);
      expect(await listed(byDefault)).not.toContain("check_access");
      expect((await listed(byOldName)).sort()).toEqual([...authorization].sort());
    } finally {
      await byDefault.close();
      await byOldName.close();
    }
  });
});

describe("roles", () => {
  it("create_role makes an environment role with its permissions, or an organization's custom role", async () => {
    const environment = await h.call("create_role", {
      slug: "auditor",
      name: "Auditor",
      permissions: ["reports:read", "billing:manage"],
    });
    expect(environment.isError, textOf(environment)).toBeFalsy();
    expect(dataOf(environment)).toMatchObject({
      slug: "auditor",
      type: "EnvironmentRole",
      permissions: ["reports:read", "billing:manage"],
    });
    expect(viewOf(environment).summary).toBe('Created role "auditor" with 2 permissions.');
    const custom = await h.call("create_role", { organization_id: ACME, name: "Invoice Approver" });
    expect(dataOf(custom)).toMatchObject({ type: "OrganizationRole", permissions: [] });
    expect(String(dataOf(custom).slug)).toMatch(/^org-invoice-approver-/);
    expect(await sent()).toEqual([
      "POST /authorization/roles",
      "PUT /authorization/roles/auditor/permissions",
      `POST /authorization/organizations/${ACME}/roles`,
    ]);
  });

  it("create_role refuses a malformed permission slug before calling WorkOS, naming the field", async () => {
    const result = await h.call("create_role", { slug: "x", name: "X", permissions: ["Approve Invoices"] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("permissions.0");
    expect(await sent()).toEqual([]);
  });

  it("update_role renames a custom role and replaces its permissions", async () => {
    const result = await h.call("update_role", {
      slug: "org-billing-admin",
      organization_id: ACME,
      name: "Finance",
      permissions: ["billing:manage"],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(dataOf(result)).toMatchObject({ name: "Finance", permissions: ["billing:manage"] });
    expect(viewOf(result).summary).toBe('Role "org-billing-admin" now grants 1 permission.');
    const unknown = await h.call("update_role", { slug: "member", permissions: ["no:such"] });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain("HTTP 404");
  });

  it("delete_role previews its permissions and the memberships holding it, and WorkOS refuses one in use", async () => {
    await h.call("update_organization_membership", {
      organization_membership_id: M.priyaAcme,
      role_slug: "org-billing-admin",
    });
    const first = await h.call("delete_role", { organization_id: ACME, slug: "org-billing-admin" });
    const preview = dataOf<Preview>(first);
    expect(preview).toMatchObject({ deleted: false, reason: "confirmation_required", name: "Billing Admin" });
    expect(preview.impact).toEqual({
      organization_id: ACME,
      permissions: ["billing:manage", "reports:read"],
      memberships_holding_it: 1,
      members: ["priya.patel@acme.com"],
    });
    expect((await sent()).filter((request) => request.startsWith("DELETE"))).toEqual([]);
    const second = await h.call("delete_role", {
      organization_id: ACME,
      slug: "org-billing-admin",
      confirmation_token: preview.confirmation_token,
    });
    expect(second.isError).toBe(true);
    expect(textOf(second)).toContain("HTTP 409");
  });

  it("delete_role deletes an unused custom role once confirmed", async () => {
    const slug = "org-temp";
    await h.call("create_role", { organization_id: ACME, slug, name: "Temp", permissions: ["reports:read"] });
    const preview = dataOf<Preview>(await h.call("delete_role", { organization_id: ACME, slug }));
    expect(preview.impact).toMatchObject({ permissions: ["reports:read"], memberships_holding_it: 0 });
    const done = await h.call("delete_role", {
      organization_id: ACME,
      slug,
      confirmation_token: preview.confirmation_token,
    });
    expect(dataOf(done)).toEqual({ deleted: true, object: "role", id: slug });
    const roles = dataOf<Item[]>(await h.call("list_roles", { organization_id: ACME }));
    expect(roles.map((role) => role.slug)).not.toContain(slug);
  });
  it("delete_role asks a client that can show forms for the role's exact name, saying what goes with it", async () => {
    let asked = "";
    const withForms = await startHarness({
      argv: ["--toolsets", "authorization"],
      elicit: (request) => {
        asked = request.message;
        return { action: "accept", content: { confirm_name: "Billing Admin" } };
      },
    });
    try {
      const done = await withForms.call("delete_role", { organization_id: ACME, slug: "org-billing-admin" });
      expect(dataOf(done)).toEqual({ deleted: true, object: "role", id: "org-billing-admin" });
      expect(asked).toMatch(
        /^Permanently delete role "Billing Admin" \(org-billing-admin\) in .*\? This also removes its 2 permissions \(billing:manage, reports:read\); 0 organization memberships hold it as their role, and cannot be undone\. Type the role's exact name to confirm\.$/,
      );
    } finally {
      await withForms.close();
    }
  });

  it("delete_role refuses an environment role without asking, and a missing role is WorkOS's 404", async () => {
    const environment = await h.call("delete_role", { organization_id: ACME, slug: "admin" });
    expect(environment.isError).toBe(true);
    expect(textOf(environment)).toContain("is an environment role");
    const missing = await h.call("delete_role", { organization_id: ACME, slug: "org-nope" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain("HTTP 404");
    expect((await sent()).filter((request) => request.startsWith("DELETE"))).toEqual([]);
  });
});

describe("permissions", () => {
  it("list_permissions lists the permission slugs, with the resource type where it is not the organization", async () => {
    const permissions = dataOf<Item[]>(await h.call("list_permissions", {}));
    expect(permissions).toContainEqual({ slug: "billing:manage", name: "Manage billing" });
    expect(permissions).toContainEqual({
      slug: "project:edit",
      name: "Edit projects",
      resource_type: "project",
    });
  });
});

describe("role assignments and access checks", () => {
  it("list_role_assignments lists a member's roles on resources, marking those a group gives", async () => {
    const jose = dataOf<Item[]>(
      await h.call("list_role_assignments", { organization_membership_id: M.joseFooCorp }),
    );
    expect(jose).toEqual([
      {
        id: JOSE_WEBSITE_LEAD,
        role: "org-project-lead",
        resource_id: fooCorpWebsite,
        resource: "project proj-website",
      },
    ]);
    const jane = dataOf<Item[]>(
      await h.call("list_role_assignments", { organization_membership_id: M.janeAcme }),
    );
    expect(jane).toContainEqual(expect.objectContaining({ role: "admin", group: true }));
  });

  it("check_access says yes to a permission a role on the resource grants, and no elsewhere", async () => {
    const yes = await h.call("check_access", {
      organization_membership_id: M.joseFooCorp,
      permission_slug: "project:delete",
      resource_id: fooCorpWebsite,
    });
    expect(yes.structuredContent).toEqual({
      summary: 'Yes: the member has "project:delete" on this resource.',
      data: { authorized: true },
    });
    const no = await h.call("check_access", {
      organization_membership_id: M.joseFooCorp,
      permission_slug: "project:delete",
      resource_type_slug: "project",
      resource_external_id: "proj-mobile",
    });
    expect(no.structuredContent).toEqual({
      summary: 'No: the member does not have "project:delete" on this resource.',
      data: { authorized: false },
    });
  });

  it("names the missing resource field before calling WorkOS", async () => {
    const none = await h.call("check_access", {
      organization_membership_id: M.joseFooCorp,
      permission_slug: "project:view",
    });
    expect(none.isError).toBe(true);
    expect(textOf(none)).toContain("resource_id");
    const half = await h.call("assign_role", {
      organization_membership_id: M.joseFooCorp,
      role_slug: "org-project-lead",
      resource_type_slug: "project",
    });
    expect(half.isError).toBe(true);
    expect(textOf(half)).toContain("resource_external_id");
    expect(await sent()).toEqual([]);
  });

  it("assign_role gives a role on a resource, which check_access then sees", async () => {
    const before = { organization_membership_id: M.bjornFooCorp, permission_slug: "project:delete" };
    const target = { resource_type_slug: "project", resource_external_id: "proj-mobile" };
    expect(dataOf(await h.call("check_access", { ...before, ...target }))).toEqual({ authorized: false });
    const assigned = await h.call("assign_role", {
      organization_membership_id: M.bjornFooCorp,
      role_slug: "org-project-lead",
      ...target,
    });
    expect(assigned.isError, textOf(assigned)).toBeFalsy();
    expect(dataOf(assigned)).toMatchObject({
      role: { slug: "org-project-lead" },
      resource: { id: fooCorpMobile, resource_type_slug: "project" },
    });
    expect(viewOf(assigned).summary).toMatch(
      /^Assigned role "org-project-lead" on the resource \(assignment "role_assignment_\w+"\)\.$/,
    );
    expect(dataOf(await h.call("check_access", { ...before, ...target }))).toEqual({ authorized: true });
    const again = await h.call("assign_role", {
      organization_membership_id: M.bjornFooCorp,
      role_slug: "org-project-lead",
      ...target,
    });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toContain("role_assignment_already_exists");
  });

  it("remove_role_assignment previews the permissions the member loses, then removes it with the token", async () => {
    const args = { organization_membership_id: M.joseFooCorp, role_assignment_id: JOSE_WEBSITE_LEAD };
    const preview = dataOf<Preview>(await h.call("remove_role_assignment", args));
    expect(preview).toMatchObject({ deleted: false, name: "org-project-lead" });
    expect(preview.impact).toEqual({
      member: "jose.nunez@foo-corp.com",
      role: "org-project-lead",
      resource: { id: fooCorpWebsite, resource_type_slug: "project", external_id: "proj-website" },
      permissions: ["project:view", "project:edit", "project:delete"],
    });
    expect((await sent()).filter((request) => request.startsWith("DELETE"))).toEqual([]);
    const done = await h.call("remove_role_assignment", {
      ...args,
      confirmation_token: preview.confirmation_token,
    });
    expect(dataOf(done)).toEqual({ deleted: true, object: "role_assignment", id: JOSE_WEBSITE_LEAD });
    const check = await h.call("check_access", {
      organization_membership_id: M.joseFooCorp,
      permission_slug: "project:delete",
      resource_id: fooCorpWebsite,
    });
    expect(dataOf(check)).toEqual({ authorized: false });
  });

  it("remove_role_assignment refuses one a group gives, and one the member does not have, before asking", async () => {
    const jane = dataOf<Item[]>(
      await h.call("list_role_assignments", { organization_membership_id: M.janeAcme }),
    );
    const fromGroup = jane.find((item) => item.group === true);
    const viaGroup = await h.call("remove_role_assignment", {
      organization_membership_id: M.janeAcme,
      role_assignment_id: String(fromGroup?.id),
    });
    expect(viaGroup.isError).toBe(true);
    expect(textOf(viaGroup)).toContain("removed through the group");
    const notTheirs = await h.call("remove_role_assignment", {
      organization_membership_id: M.bjornFooCorp,
      role_assignment_id: JOSE_WEBSITE_LEAD,
    });
    expect(notTheirs.isError).toBe(true);
    expect(textOf(notTheirs)).toContain("list_role_assignments");
    expect((await sent()).filter((request) => request.startsWith("DELETE"))).toEqual([]);
  });
});

describe("pinned to one organization", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ argv: ["--toolsets", "authorization", "--organization", ACME] });
  });
  afterAll(() => pinned.close());
  beforeEach(async () => {
    await pinned.control("POST", "/_emulator/reset");
  });

  it("makes and changes only the organization's own roles: environment-wide writes are off", async () => {
    const created = await pinned.call("create_role", { slug: "org-auditor", name: "Auditor" });
    expect(dataOf(created)).toMatchObject({ type: "OrganizationRole", slug: "org-auditor" });
    const environment = await pinned.call("update_role", { slug: "member", permissions: [] });
    expect(environment.isError).toBe(true);
    expect(textOf(environment)).toContain("HTTP 404");
    const member = dataOf(await pinned.call("list_roles", {})) as unknown as Item[];
    expect(member.find((role) => role.slug === "member")?.permissions).toEqual([
      "reports:read",
      "project:view",
    ]);
    const listed = (await pinned.mcp.listTools()).tools;
    const create = listed.find((tool) => tool.name === "create_role");
    expect(Object.keys(create?.inputSchema.properties ?? {})).not.toContain("organization_id");
  });

  it("refuses a member of another organization, before anything is read or changed", async () => {
    for (const [name, args] of [
      [
        "check_access",
        {
          organization_membership_id: M.joseFooCorp,
          permission_slug: "project:view",
          resource_id: fooCorpWebsite,
        },
      ],
      ["list_role_assignments", { organization_membership_id: M.joseFooCorp }],
      [
        "remove_role_assignment",
        { organization_membership_id: M.joseFooCorp, role_assignment_id: JOSE_WEBSITE_LEAD },
      ],
    ] as const) {
      const result = await pinned.call(name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result)).toContain("pinned to organization");
    }
    const assignments = await pinned.control(
      "GET",
      `/authorization/organization_memberships/${M.joseFooCorp}/role_assignments`,
    );
    expect((assignments as { data: Item[] }).data).toHaveLength(1);
  });

  it("lists the environment's permissions, which are no one organization's", async () => {
    const permissions = dataOf<Item[]>(await pinned.call("list_permissions", {}));
    expect(permissions.map((permission) => permission.slug)).toContain("billing:manage");
  });
});
