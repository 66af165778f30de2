import { NotFoundException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { officialSdkPerFile } from "../support/official-sdk.js";

// The official SDK drives the Authorization API's writes against the emulator: what it sends must be
// understood, and what it gets back must deserialize into the fields it reads.

const ACME = DEMO_IDS.organizations.acme;

const sdk = officialSdkPerFile();

describe("the official SDK against the emulator: permissions", () => {
  it("createPermission, getPermission, updatePermission, listPermissions, deletePermission", async () => {
    const created = await sdk.workos.authorization.createPermission({
      slug: "docs:read",
      name: "Read docs",
      description: "Docs",
      resourceTypeSlug: "organization",
    });
    expect(created).toMatchObject({ slug: "docs:read", resourceTypeSlug: "organization", system: false });
    expect((await sdk.workos.authorization.getPermission("docs:read")).id).toBe(created.id);
    const updated = await sdk.workos.authorization.updatePermission("docs:read", { description: null });
    expect(updated.description).toBeNull();
    const page = await sdk.workos.authorization.listPermissions({ limit: 2 });
    expect(page.data.map((p) => p.slug)).toEqual(["docs:read", "workos-mcp:delete"]);
    expect(page.listMetadata.after).toBe(page.data[1]?.id);
    await sdk.workos.authorization.deletePermission("docs:read");
    await expect(sdk.workos.authorization.getPermission("docs:read")).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it("a duplicate slug is a ConflictException (409)", async () => {
    await expect(
      sdk.workos.authorization.createPermission({ slug: "reports:read", name: "Again" }),
    ).rejects.toMatchObject({
      status: 409,
      name: "ConflictException",
      message: expect.stringContaining("reports:read"),
    });
  });
});

describe("the official SDK against the emulator: role writes", () => {
  it("environment roles: create, update, set and add permissions", async () => {
    const role = await sdk.workos.authorization.createEnvironmentRole({ slug: "viewer", name: "Viewer" });
    expect(role).toMatchObject({ slug: "viewer", type: "EnvironmentRole", permissions: [] });
    const renamed = await sdk.workos.authorization.updateEnvironmentRole("viewer", { name: "Reader" });
    expect(renamed.name).toBe("Reader");
    const set = await sdk.workos.authorization.setEnvironmentRolePermissions("viewer", {
      permissions: ["reports:read"],
    });
    expect(set.permissions).toEqual(["reports:read"]);
    const added = await sdk.workos.authorization.addEnvironmentRolePermission("viewer", {
      permissionSlug: "billing:manage",
    });
    expect(added.permissions).toEqual(["reports:read", "billing:manage"]);
    expect((await sdk.workos.authorization.getEnvironmentRole("viewer")).permissions).toEqual(
      added.permissions,
    );
  });

  it("organization roles: create, update, permissions, delete", async () => {
    const role = await sdk.workos.authorization.createOrganizationRole(ACME, {
      name: "Auditor",
      slug: "org-auditor",
    });
    expect(role).toMatchObject({ slug: "org-auditor", type: "OrganizationRole" });
    const updated = await sdk.workos.authorization.updateOrganizationRole(ACME, "org-auditor", {
      description: "Reads the books",
    });
    expect(updated.description).toBe("Reads the books");
    await sdk.workos.authorization.setOrganizationRolePermissions(ACME, "org-auditor", {
      permissions: ["reports:read", "billing:manage"],
    });
    await sdk.workos.authorization.addOrganizationRolePermission(ACME, "org-auditor", {
      permissionSlug: "settings:manage",
    });
    await sdk.workos.authorization.removeOrganizationRolePermission(ACME, "org-auditor", {
      permissionSlug: "billing:manage",
    });
    const read = await sdk.workos.authorization.getOrganizationRole(ACME, "org-auditor");
    expect(read.permissions).toEqual(["reports:read", "settings:manage"]);
    await sdk.workos.authorization.deleteOrganizationRole(ACME, "org-auditor");
    await expect(sdk.workos.authorization.getOrganizationRole(ACME, "org-auditor")).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });
});

const FOO = DEMO_IDS.organizations.fooCorp;
const R = DEMO_IDS.authorizationResources;
const M = DEMO_IDS.organizationMemberships;

describe("the official SDK against the emulator: resources, role assignments and access checks", () => {
  it("createResource, getResource, updateResource, listResources, deleteResource (cascadeDelete)", async () => {
    const created = await sdk.workos.authorization.createResource({
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
    expect((await sdk.workos.authorization.getResource(created.id)).name).toBe("Blog");
    const updated = await sdk.workos.authorization.updateResource({
      resourceId: created.id,
      description: "News",
    });
    expect(updated.description).toBe("News");
    const children = await sdk.workos.authorization.listResources({
      parentResourceId: R.fooCorpMarketing,
      order: "asc",
    });
    expect(children.data.map((r) => r.id)).toEqual([R.fooCorpWebsite, created.id]);
    await expect(
      sdk.workos.authorization.deleteResource({ resourceId: R.fooCorpMarketing }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await sdk.workos.authorization.deleteResource({ resourceId: R.fooCorpMarketing, cascadeDelete: true });
    await expect(sdk.workos.authorization.getResource(created.id)).rejects.toBeInstanceOf(NotFoundException);
  });

  it("getResourceByExternalId, updateResourceByExternalId, deleteResourceByExternalId", async () => {
    const key = { organizationId: FOO, resourceTypeSlug: "project", externalId: "proj-mobile" };
    expect((await sdk.workos.authorization.getResourceByExternalId(key)).id).toBe(R.fooCorpMobile);
    expect((await sdk.workos.authorization.updateResourceByExternalId({ ...key, name: "Mobile" })).name).toBe(
      "Mobile",
    );
    await sdk.workos.authorization.deleteResourceByExternalId(key);
    await expect(sdk.workos.authorization.getResourceByExternalId(key)).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it("assignRole, listRoleAssignments, removeRole, removeRoleAssignment", async () => {
    const assigned = await sdk.workos.authorization.assignRole({
      organizationMembershipId: M.bjornFooCorp,
      roleSlug: "org-project-lead",
      resourceExternalId: "proj-mobile",
      resourceTypeSlug: "project",
    });
    expect(assigned).toMatchObject({ role: { slug: "org-project-lead" }, resource: { id: R.fooCorpMobile } });
    const list = await sdk.workos.authorization.listRoleAssignments({
      organizationMembershipId: M.bjornFooCorp,
    });
    expect(list.data.map((a) => a.id)).toEqual([assigned.id]);
    await sdk.workos.authorization.removeRole({
      organizationMembershipId: M.bjornFooCorp,
      roleSlug: "org-project-lead",
      resourceId: R.fooCorpMobile,
    });
    expect(
      (await sdk.workos.authorization.listRoleAssignments({ organizationMembershipId: M.bjornFooCorp })).data,
    ).toEqual([]);
    const lead = (
      await sdk.workos.authorization.listRoleAssignments({ organizationMembershipId: M.joseFooCorp })
    ).data[0];
    await sdk.workos.authorization.removeRoleAssignment({
      organizationMembershipId: M.joseFooCorp,
      roleAssignmentId: lead?.id ?? "",
    });
    expect(
      (await sdk.workos.authorization.listRoleAssignments({ organizationMembershipId: M.joseFooCorp })).data,
    ).toEqual([]);
  });

  it("check, listResourcesForMembership, listMembershipsForResource(ByExternalId)", async () => {
    const check = (organizationMembershipId: string, permissionSlug: string, resourceId: string) =>
      sdk.workos.authorization.check({ organizationMembershipId, permissionSlug, resourceId });
    expect((await check(M.joseFooCorp, "project:delete", R.fooCorpWebsite)).authorized).toBe(true);
    expect((await check(M.joseFooCorp, "project:delete", R.fooCorpMobile)).authorized).toBe(false);
    const resources = await sdk.workos.authorization.listResourcesForMembership({
      organizationMembershipId: M.joseFooCorp,
      permissionSlug: "project:delete",
      parentResourceId: R.fooCorpMarketing,
    });
    expect(resources.data.map((r) => r.externalId)).toEqual(["proj-website"]);
    const direct = await sdk.workos.authorization.listMembershipsForResource({
      resourceId: R.fooCorpWebsite,
      permissionSlug: "project:edit",
      assignment: "direct",
    });
    expect(direct.data.map((m) => m.id)).toEqual([M.joseFooCorp]);
    const viewers = await sdk.workos.authorization.listMembershipsForResourceByExternalId({
      organizationId: FOO,
      resourceTypeSlug: "project",
      externalId: "proj-mobile",
      permissionSlug: "project:view",
      order: "asc",
    });
    expect(viewers.data.map((m) => m.id)).toEqual([M.zoeFooCorp, M.joseFooCorp, M.bjornFooCorp]);
  });
});
