import { NotFoundException, WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// The official SDK drives the Authorization API's writes against the emulator: what it sends must be
// understood, and what it gets back must deserialize into the fields it reads.

const ACME = DEMO_IDS.organizations.acme;

let emulator: RunningEmulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator();
  const base = new URL(emulator.url);
  workos = new WorkOS(emulator.apiKey, { apiHostname: base.hostname, port: Number(base.port), https: false });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  const res = await fetch(new URL("/_emulator/reset", emulator.url), {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
  if (res.status >= 300) throw new Error(`reset -> ${res.status}`);
});

describe("the official SDK against the emulator: permissions", () => {
  it("createPermission, getPermission, updatePermission, listPermissions, deletePermission", async () => {
    const created = await workos.authorization.createPermission({
      slug: "docs:read",
      name: "Read docs",
      description: "Docs",
      resourceTypeSlug: "organization",
    });
    expect(created).toMatchObject({ slug: "docs:read", resourceTypeSlug: "organization", system: false });
    expect((await workos.authorization.getPermission("docs:read")).id).toBe(created.id);
    const updated = await workos.authorization.updatePermission("docs:read", { description: null });
    expect(updated.description).toBeNull();
    const page = await workos.authorization.listPermissions({ limit: 2 });
    expect(page.data.map((p) => p.slug)).toEqual(["docs:read", "project:delete"]);
    expect(page.listMetadata.after).toBe(page.data[1]?.id);
    await workos.authorization.deletePermission("docs:read");
    await expect(workos.authorization.getPermission("docs:read")).rejects.toBeInstanceOf(NotFoundException);
  });

  it("a duplicate slug is a ConflictException (409)", async () => {
    await expect(
      workos.authorization.createPermission({ slug: "reports:read", name: "Again" }),
    ).rejects.toMatchObject({
      status: 409,
      name: "ConflictException",
      message: expect.stringContaining("reports:read"),
    });
  });
});

describe("the official SDK against the emulator: role writes", () => {
  it("environment roles: create, update, set and add permissions", async () => {
    const role = await workos.authorization.createEnvironmentRole({ slug: "viewer", name: "Viewer" });
    expect(role).toMatchObject({ slug: "viewer", type: "EnvironmentRole", permissions: [] });
    const renamed = await workos.authorization.updateEnvironmentRole("viewer", { name: "Reader" });
    expect(renamed.name).toBe("Reader");
    const set = await workos.authorization.setEnvironmentRolePermissions("viewer", {
      permissions: ["reports:read"],
    });
    expect(set.permissions).toEqual(["reports:read"]);
    const added = await workos.authorization.addEnvironmentRolePermission("viewer", {
      permissionSlug: "billing:manage",
    });
    expect(added.permissions).toEqual(["reports:read", "billing:manage"]);
    expect((await workos.authorization.getEnvironmentRole("viewer")).permissions).toEqual(added.permissions);
  });

  it("organization roles: create, update, permissions, delete", async () => {
    const role = await workos.authorization.createOrganizationRole(ACME, {
      name: "Auditor",
      slug: "org-auditor",
    });
    expect(role).toMatchObject({ slug: "org-auditor", type: "OrganizationRole" });
    const updated = await workos.authorization.updateOrganizationRole(ACME, "org-auditor", {
      description: "Reads the books",
    });
    expect(updated.description).toBe("Reads the books");
    await workos.authorization.setOrganizationRolePermissions(ACME, "org-auditor", {
      permissions: ["reports:read", "billing:manage"],
    });
    await workos.authorization.addOrganizationRolePermission(ACME, "org-auditor", {
      permissionSlug: "settings:manage",
    });
    await workos.authorization.removeOrganizationRolePermission(ACME, "org-auditor", {
      permissionSlug: "billing:manage",
    });
    const read = await workos.authorization.getOrganizationRole(ACME, "org-auditor");
    expect(read.permissions).toEqual(["reports:read", "settings:manage"]);
    await workos.authorization.deleteOrganizationRole(ACME, "org-auditor");
    await expect(workos.authorization.getOrganizationRole(ACME, "org-auditor")).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });
});

const FOO = DEMO_IDS.organizations.fooCorp;
const R = DEMO_IDS.authorizationResources;
const M = DEMO_IDS.organizationMemberships;

describe("the official SDK against the emulator: resources, role assignments and access checks", () => {
  it("createResource, getResource, updateResource, listResources, deleteResource (cascadeDelete)", async () => {
    const created = await workos.authorization.createResource({
      organizationId: FOO,
      resourceTypeSlug: "project",
      externalId: "proj-blog",
      name: "Blog",
      parentResourceExternalId: "ws-marketing",
      parentResourceTypeSlug: "workspace",
    });
    expect(created).toMatchObject({
      externalId: "proj-blog",
      parentResourceId: R.fooCorpMarketing,
      organizationId: FOO,
    });
    expect((await workos.authorization.getResource(created.id)).name).toBe("Blog");
    const updated = await workos.authorization.updateResource({
      resourceId: created.id,
      description: "News",
    });
    expect(updated.description).toBe("News");
    const children = await workos.authorization.listResources({
      parentResourceId: R.fooCorpMarketing,
      order: "asc",
    });
    expect(children.data.map((r) => r.id)).toEqual([R.fooCorpWebsite, created.id]);
    await expect(
      workos.authorization.deleteResource({ resourceId: R.fooCorpMarketing }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await workos.authorization.deleteResource({ resourceId: R.fooCorpMarketing, cascadeDelete: true });
    await expect(workos.authorization.getResource(created.id)).rejects.toBeInstanceOf(NotFoundException);
  });

  it("getResourceByExternalId, updateResourceByExternalId, deleteResourceByExternalId", async () => {
    const key = { organizationId: FOO, resourceTypeSlug: "project", externalId: "proj-mobile" };
    expect((await workos.authorization.getResourceByExternalId(key)).id).toBe(R.fooCorpMobile);
    expect((await workos.authorization.updateResourceByExternalId({ ...key, name: "Mobile" })).name).toBe(
      "Mobile",
    );
    await workos.authorization.deleteResourceByExternalId(key);
    await expect(workos.authorization.getResourceByExternalId(key)).rejects.toBeInstanceOf(NotFoundException);
  });

  it("assignRole, listRoleAssignments, removeRole, removeRoleAssignment", async () => {
    const assigned = await workos.authorization.assignRole({
      organizationMembershipId: M.bjornFooCorp,
      roleSlug: "org-project-lead",
      resourceExternalId: "proj-mobile",
      resourceTypeSlug: "project",
    });
    expect(assigned).toMatchObject({ role: { slug: "org-project-lead" }, resource: { id: R.fooCorpMobile } });
    const list = await workos.authorization.listRoleAssignments({ organizationMembershipId: M.bjornFooCorp });
    expect(list.data.map((a) => a.id)).toEqual([assigned.id]);
    await workos.authorization.removeRole({
      organizationMembershipId: M.bjornFooCorp,
      roleSlug: "org-project-lead",
      resourceId: R.fooCorpMobile,
    });
    expect(
      (await workos.authorization.listRoleAssignments({ organizationMembershipId: M.bjornFooCorp })).data,
    ).toEqual([]);
    const lead = (await workos.authorization.listRoleAssignments({ organizationMembershipId: M.joseFooCorp }))
      .data[0];
    await workos.authorization.removeRoleAssignment({
      organizationMembershipId: M.joseFooCorp,
      roleAssignmentId: lead?.id ?? "",
    });
    expect(
      (await workos.authorization.listRoleAssignments({ organizationMembershipId: M.joseFooCorp })).data,
    ).toEqual([]);
  });

  it("check, listResourcesForMembership, listMembershipsForResource(ByExternalId)", async () => {
    const check = (organizationMembershipId: string, permissionSlug: string, resourceId: string) =>
      workos.authorization.check({ organizationMembershipId, permissionSlug, resourceId });
    expect((await check(M.joseFooCorp, "project:delete", R.fooCorpWebsite)).authorized).toBe(true);
    expect((await check(M.joseFooCorp, "project:delete", R.fooCorpMobile)).authorized).toBe(false);
    const resources = await workos.authorization.listResourcesForMembership({
      organizationMembershipId: M.joseFooCorp,
      permissionSlug: "project:delete",
      parentResourceId: R.fooCorpMarketing,
    });
    expect(resources.data.map((r) => r.externalId)).toEqual(["proj-website"]);
    const direct = await workos.authorization.listMembershipsForResource({
      resourceId: R.fooCorpWebsite,
      permissionSlug: "project:edit",
      assignment: "direct",
    });
    expect(direct.data.map((m) => m.id)).toEqual([M.joseFooCorp]);
    const viewers = await workos.authorization.listMembershipsForResourceByExternalId({
      organizationId: FOO,
      resourceTypeSlug: "project",
      externalId: "proj-mobile",
      permissionSlug: "project:view",
      order: "asc",
    });
    expect(viewers.data.map((m) => m.id)).toEqual([M.zoeFooCorp, M.joseFooCorp, M.bjornFooCorp]);
  });
});
