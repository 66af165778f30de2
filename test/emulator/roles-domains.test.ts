import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

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

const slugs = (body: { data: { slug: string }[] }) => body.data.map((role) => role.slug);

describe("roles", () => {
  it("lists the environment roles, in priority order, without list_metadata", async () => {
    const res = await emu.api("GET", "/authorization/roles");
    expect(res.status).toBe(200);
    expect(slugs(res.json)).toEqual(["admin", "member"]);
    expect(res.json).not.toHaveProperty("list_metadata");
    expect(res.json.data[0]).toMatchObject({
      object: "role",
      type: "EnvironmentRole",
      resource_type_slug: "organization",
      name: "Admin",
    });
    expect(res.json.data[0].id).toMatch(/^role_/);
    expect(res.json.data[0]).not.toHaveProperty("organization_id");
  });

  it("an organization's roles are the environment roles plus its own custom roles", async () => {
    const acme = await emu.api("GET", `/authorization/organizations/${ACME}/roles`);
    expect(slugs(acme.json)).toEqual(["admin", "member", "org-billing-admin"]);
    expect(acme.json.data[2].type).toBe("OrganizationRole");
    const globex = await emu.api("GET", `/authorization/organizations/${GLOBEX}/roles`);
    expect(slugs(globex.json)).toEqual(["admin", "member"]);
  });

  it("gets a role by slug; a custom role only through its organization", async () => {
    expect((await emu.api("GET", "/authorization/roles/admin")).json.slug).toBe("admin");
    const custom = await emu.api("GET", `/authorization/organizations/${ACME}/roles/org-billing-admin`);
    expect(custom.json).toMatchObject({
      slug: "org-billing-admin",
      permissions: ["billing:manage", "reports:read"],
    });
    expect((await emu.api("GET", `/authorization/organizations/${ACME}/roles/member`)).json.type).toBe(
      "EnvironmentRole",
    );
    const notEnvironment = await emu.api("GET", "/authorization/roles/org-billing-admin");
    expect(notEnvironment.status).toBe(404);
    expect(notEnvironment.json.message).toBe("Role not found: 'org-billing-admin'.");
    const otherOrg = await emu.api("GET", `/authorization/organizations/${GLOBEX}/roles/org-billing-admin`);
    expect(otherOrg.status).toBe(404);
  });

  it("an unknown organization is a 404 naming it", async () => {
    const res = await emu.api("GET", "/authorization/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/roles");
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("Organization not found: 'org_01JZZZZZZZZZZZZZZZZZZZZZZZ'.");
  });

  it("deleting an organization takes its custom roles with it", async () => {
    expect((await emu.api("DELETE", `/organizations/${ACME}`)).status).toBe(202);
    expect(slugs((await emu.api("GET", "/authorization/roles")).json)).toEqual(["admin", "member"]);
  });
});

describe("organization domains", () => {
  const domainsOf = async (org: string) =>
    (await emu.api("GET", `/organizations/${org}`)).json.domains as {
      id: string;
      domain: string;
      state: string;
    }[];

  it("adds a pending DNS domain that shows in the organization, with an event", async () => {
    const res = await emu.api("POST", "/organization_domains", {
      body: { organization_id: GLOBEX, domain: "Globex.Example" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      object: "organization_domain",
      organization_id: GLOBEX,
      domain: "globex.example",
      state: "pending",
      verification_strategy: "dns",
      verification_prefix: "workos-domain-verification",
    });
    expect(res.json.id).toMatch(/^org_domain_/);
    expect(typeof res.json.verification_token).toBe("string");
    expect((await domainsOf(GLOBEX)).map((d) => d.id)).toContain(res.json.id);
    expect((await emu.api("GET", `/organization_domains/${res.json.id}`)).json).toEqual(res.json);
    const events = await emu.api(
      "GET",
      `/events?events=organization_domain.created&organization_id=${GLOBEX}`,
    );
    expect(events.json.data.map((e: { data: { id: string } }) => e.data.id)).toEqual([res.json.id]);
  });

  it("refuses a domain any organization already has with 409 domain_already_exists", async () => {
    for (const organization_id of [ACME, GLOBEX]) {
      const res = await emu.api("POST", "/organization_domains", {
        body: { organization_id, domain: "acme.com" },
      });
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("domain_already_exists");
    }
  });

  it("refuses a bad body with 422 and an unknown organization with 404", async () => {
    const bad = await emu.api("POST", "/organization_domains", { body: { domain: "not a domain" } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field)).toEqual(["domain", "organization_id"]);
    const unknown = await emu.api("POST", "/organization_domains", {
      body: { organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ", domain: "nobody.example" },
    });
    expect(unknown.status).toBe(404);
  });

  it("verify leaves a domain pending until its TXT record is published, then verifies it", async () => {
    const pending = (await domainsOf(ACME)).find((d) => d.domain === "acme.io");
    if (!pending) throw new Error("the demo seed has no pending acme.io");
    const first = await emu.api("POST", `/organization_domains/${pending.id}/verify`);
    expect(first.status).toBe(201);
    expect(first.json.state).toBe("pending");
    const published = await emu.api("POST", "/_emulator/dns_records", {
      body: { domain: "acme.io", value: `workos-domain-verification=${first.json.verification_token}` },
    });
    expect(published.status).toBe(201);
    const second = await emu.api("POST", `/organization_domains/${pending.id}/verify`);
    expect(second.json.state).toBe("verified");
    expect((await domainsOf(ACME)).find((d) => d.id === pending.id)?.state).toBe("verified");
    const events = await emu.api("GET", "/events?events=organization_domain.verified");
    expect(events.json.data).toHaveLength(1);
    const again = await emu.api("POST", `/organization_domains/${pending.id}/verify`);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({
      code: "domain_already_verified",
      message: "Domain is already verified.",
    });
  });

  it("the DNS control endpoint refuses a record without a domain and value", async () => {
    expect((await emu.api("POST", "/_emulator/dns_records", { body: { domain: "x.example" } })).status).toBe(
      400,
    );
  });

  it("deletes a domain with 204: gone from the organization, with an event", async () => {
    const [domain] = await domainsOf(GLOBEX);
    if (!domain) throw new Error("Globex has no domain");
    const res = await emu.api("DELETE", `/organization_domains/${domain.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(await domainsOf(GLOBEX)).toEqual([]);
    expect((await emu.api("GET", `/organization_domains/${domain.id}`)).status).toBe(404);
    expect((await emu.api("DELETE", `/organization_domains/${domain.id}`)).status).toBe(404);
    const events = await emu.api("GET", "/events?events=organization_domain.deleted");
    expect(events.json.data[0].data).toMatchObject({ id: domain.id, domain: "globex.com" });
  });

  it("a domain freed by a delete can be added to another organization", async () => {
    const [domain] = await domainsOf(GLOBEX);
    await emu.api("DELETE", `/organization_domains/${domain?.id}`);
    const res = await emu.api("POST", "/organization_domains", {
      body: { organization_id: ACME, domain: "globex.com" },
    });
    expect(res.status).toBe(201);
  });
});

describe("the demo seed's event history", () => {
  it("holds yesterday's directory changes in Acme, dated from start-up", async () => {
    const now = Date.now();
    const res = await emu.api(
      "GET",
      `/events?organization_id=${ACME}&range_start=${new Date(now - 2 * 86_400_000).toISOString()}&order=asc`,
    );
    expect(res.json.data.map((e: { event: string }) => e.event)).toEqual([
      "dsync.user.created",
      "dsync.user.updated",
      "dsync.user.updated",
    ]);
    for (const event of res.json.data) {
      expect(event.data.directory_id).toBe(DEMO_IDS.directories.acmeGoogle);
      const age = now - Date.parse(event.created_at);
      expect(age).toBeGreaterThan(20 * 3_600_000);
      expect(age).toBeLessThan(30 * 3_600_000);
    }
  });

  it("an event's data is the seeded object it is about, as the API serves it", async () => {
    const res = await emu.api("GET", "/events?events=dsync.user.created");
    const [created] = res.json.data;
    const user = await emu.api("GET", `/directory_users/${created.data.id}`);
    expect(created.data).toEqual(user.json);
  });
});
