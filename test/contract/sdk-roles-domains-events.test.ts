import { NotFoundException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { emulatorControl, officialSdkPerFile } from "../support/official-sdk.js";

// The official SDK (@workos-inc/node, as WorkOS's users call the API) drives each new operation against the
// emulator: what it sends must be understood, and what it gets back must deserialize into the fields it reads.

const ACME = DEMO_IDS.organizations.acme;

const sdk = officialSdkPerFile();

const control = (path: string, body?: unknown) => emulatorControl(sdk.emulator, path, body);

describe("the official SDK against the emulator: roles", () => {
  it("authorization.listEnvironmentRoles and getEnvironmentRole", async () => {
    const list = await sdk.workos.authorization.listEnvironmentRoles();
    expect(list.data.map((role) => role.slug)).toEqual(["admin", "member"]);
    const admin = await sdk.workos.authorization.getEnvironmentRole("admin");
    expect(admin).toMatchObject({ slug: "admin", type: "EnvironmentRole", resourceTypeSlug: "organization" });
    expect(admin.permissions).toContain("members:manage");
    expect(admin.createdAt).toMatch(/^\d{4}-/);
  });

  it("authorization.listOrganizationRoles and getOrganizationRole", async () => {
    const list = await sdk.workos.authorization.listOrganizationRoles(ACME);
    expect(list.data.map((role) => [role.slug, role.type])).toEqual([
      ["admin", "EnvironmentRole"],
      ["member", "EnvironmentRole"],
      ["org-billing-admin", "OrganizationRole"],
    ]);
    const custom = await sdk.workos.authorization.getOrganizationRole(ACME, "org-billing-admin");
    expect(custom).toMatchObject({ name: "Billing Admin", type: "OrganizationRole" });
  });

  it("organizations.listOrganizationRoles (GET /organizations/{id}/roles) gets the same roles", async () => {
    const list = await sdk.workos.organizations.listOrganizationRoles({ organizationId: ACME });
    expect(list.data.map((role) => [role.slug, role.type])).toEqual([
      ["admin", "EnvironmentRole"],
      ["member", "EnvironmentRole"],
      ["org-billing-admin", "OrganizationRole"],
    ]);
    expect(list.data[2]).toMatchObject({
      name: "Billing Admin",
      permissions: ["billing:manage", "reports:read"],
    });
    await expect(
      sdk.workos.organizations.listOrganizationRoles({ organizationId: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" }),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it("an unknown role reaches the SDK as its NotFoundException", async () => {
    await expect(sdk.workos.authorization.getEnvironmentRole("no-such-role")).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });
});

describe("the official SDK against the emulator: organization domains", () => {
  it("organizationDomains.create, get, verify and delete", async () => {
    const created = await sdk.workos.organizationDomains.create({
      organizationId: ACME,
      domain: "sdk.example",
    });
    expect(created).toMatchObject({
      object: "organization_domain",
      organizationId: ACME,
      domain: "sdk.example",
      state: "pending",
      verificationStrategy: "dns",
      verificationPrefix: "workos-domain-verification",
    });
    const fetched = await sdk.workos.organizationDomains.get(created.id);
    expect(fetched).toEqual(created);

    const stillPending = await sdk.workos.organizationDomains.verify(created.id);
    expect(stillPending.state).toBe("pending");
    await control("/_emulator/dns_records", { domain: "sdk.example", value: created.verificationToken });
    const verified = await sdk.workos.organizationDomains.verify(created.id);
    expect(verified.state).toBe("verified");

    const org = await sdk.workos.organizations.getOrganization(ACME);
    expect(org.domains.find((d) => d.id === created.id)?.state).toBe("verified");

    await sdk.workos.organizationDomains.delete(created.id);
    await expect(sdk.workos.organizationDomains.get(created.id)).rejects.toBeInstanceOf(NotFoundException);
  });

  it("a domain another organization has is refused, with WorkOS's code", async () => {
    await expect(
      sdk.workos.organizationDomains.create({
        organizationId: DEMO_IDS.organizations.globex,
        domain: "acme.com",
      }),
    ).rejects.toMatchObject({ status: 409, name: "ConflictException" });
  });
});

describe("the official SDK against the emulator: events", () => {
  it("events.listEvents with types, organization, range and cursor", async () => {
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const first = await sdk.workos.events.listEvents({
      events: ["dsync.user.created", "dsync.user.updated"],
      organizationId: ACME,
      rangeStart: since,
      rangeEnd: new Date(Date.now() + 60_000).toISOString(),
      limit: 2,
      order: "asc",
    });
    expect(first.data.map((event) => event.event)).toEqual(["dsync.user.created", "dsync.user.updated"]);
    expect(first.data[0]?.createdAt).toMatch(/^\d{4}-/);
    const after = first.listMetadata.after;
    expect(after).toBe(first.data[1]?.id);
    const next = await sdk.workos.events.listEvents({
      events: ["dsync.user.created", "dsync.user.updated"],
      organizationId: ACME,
      rangeStart: since,
      limit: 2,
      order: "asc",
      ...(after ? { after } : {}),
    });
    expect(next.data.map((event) => event.event)).toEqual(["dsync.user.updated"]);
    expect(next.listMetadata.after).toBeNull();
  });
});
