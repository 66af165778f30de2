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
    expect(page.data.map((p) => p.slug)).toEqual(["docs:read", "reports:read"]);
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
