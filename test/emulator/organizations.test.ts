import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator | undefined;
async function fresh(): Promise<TestEmulator> {
  await emu?.close();
  emu = await start();
  return emu;
}
afterAll(() => emu?.close());

let e: TestEmulator;
beforeEach(async () => {
  e = await fresh();
});

describe("organizations", () => {
  it("lists the demo organizations newest first with a list envelope", async () => {
    const res = await e.api("GET", "/organizations");
    expect(res.status).toBe(200);
    expect(res.json.object).toBe("list");
    expect(res.json.list_metadata).toEqual({ before: null, after: null });
    const names = res.json.data.map((o: { name: string }) => o.name);
    expect(names[0]).toBe("Umbrella Health");
    expect(names).toContain("Foo Corp");
    expect(names).toContain("Müller & Söhne GmbH");
  });

  it("filters by domains (any of a comma list) and by search", async () => {
    const byDomain = await e.api("GET", "/organizations?domains=foo-corp.com,acme.io");
    expect(byDomain.json.data.map((o: { id: string }) => o.id).sort()).toEqual(
      [DEMO_IDS.organizations.fooCorp, DEMO_IDS.organizations.acme].sort(),
    );
    const bySearch = await e.api("GET", "/organizations?search=globex");
    expect(bySearch.json.data.map((o: { name: string }) => o.name)).toEqual(["Globex Corporation"]);
  });

  it("gets by id and by external_id, and 404s on unknown ones", async () => {
    const org = await e.api("GET", `/organizations/${DEMO_IDS.organizations.fooCorp}`);
    expect(org.status).toBe(200);
    expect(org.json).toMatchObject({ object: "organization", name: "Foo Corp", external_id: "foo-corp" });
    expect(org.json.domains[0]).toMatchObject({
      object: "organization_domain",
      organization_id: DEMO_IDS.organizations.fooCorp,
      domain: "foo-corp.com",
      state: "verified",
    });
    expect(org.json).not.toHaveProperty("stripe_customer_id");
    const byExternal = await e.api("GET", "/organizations/external_id/foo-corp");
    expect(byExternal.json.id).toBe(DEMO_IDS.organizations.fooCorp);
    const missing = await e.api("GET", "/organizations/org_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    expect(missing.status).toBe(404);
    expect(typeof missing.json.message).toBe("string");
    expect((await e.api("GET", "/organizations/external_id/nope")).status).toBe(404);
  });

  it("creates with 201, domain objects, metadata and external_id", async () => {
    const res = await e.api("POST", "/organizations", {
      body: {
        name: "Hooli",
        domain_data: [
          { domain: "hooli.com", state: "verified" },
          { domain: "hooli.xyz", state: "pending" },
        ],
        metadata: { plan: "pro" },
        external_id: "hooli-1",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      object: "organization",
      name: "Hooli",
      metadata: { plan: "pro" },
      external_id: "hooli-1",
    });
    expect(res.json.id).toMatch(/^org_[0-9A-Z]{26}$/);
    expect(res.json.domains.map((d: { domain: string; state: string }) => [d.domain, d.state])).toEqual([
      ["hooli.com", "verified"],
      ["hooli.xyz", "pending"],
    ]);
    expect(res.json.domains[0].id).toMatch(/^org_domain_/);
    const list = await e.api("GET", "/organizations?limit=1");
    expect(list.json.data[0].id).toBe(res.json.id);
    const defaults = await e.api("POST", "/organizations", { body: { name: "Bare" } });
    expect(defaults.json).toMatchObject({ domains: [], metadata: {}, external_id: null });
  });

  it("updates with PUT: given fields replace, metadata wholly, external_id null clears", async () => {
    const id = DEMO_IDS.organizations.fooCorp;
    const res = await e.api("PUT", `/organizations/${id}`, {
      body: {
        name: "Foo Corporation",
        metadata: { only: "this" },
        external_id: null,
        stripe_customer_id: "cus_123",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      name: "Foo Corporation",
      metadata: { only: "this" },
      external_id: null,
      stripe_customer_id: "cus_123",
    });
    expect(res.json.domains[0].domain).toBe("foo-corp.com");
    expect(res.json.updated_at > res.json.created_at).toBe(true);
    expect((await e.api("GET", "/organizations/external_id/foo-corp")).status).toBe(404);
    expect((await e.api("PUT", "/organizations/org_missing", { body: { name: "x" } })).status).toBe(404);
  });

  it("deletes with 202 and cascades to connections, directories, memberships and invitations", async () => {
    const id = DEMO_IDS.organizations.fooCorp;
    const res = await e.api("DELETE", `/organizations/${id}`);
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect((await e.api("GET", `/organizations/${id}`)).status).toBe(404);
    expect((await e.api("GET", `/connections/${DEMO_IDS.connections.fooCorpOktaSaml}`)).status).toBe(404);
    expect((await e.api("GET", `/directories/${DEMO_IDS.directories.fooCorpOkta}`)).status).toBe(404);
    const membership = DEMO_IDS.organizationMemberships.zoeFooCorp;
    expect((await e.api("GET", `/user_management/organization_memberships/${membership}`)).status).toBe(404);
    const invitation = DEMO_IDS.invitations.fooCorpAmara;
    expect((await e.api("GET", `/user_management/invitations/${invitation}`)).status).toBe(404);
    // The users stay: they may belong to other organizations, and WorkOS keeps them.
    expect((await e.api("GET", `/user_management/users/${DEMO_IDS.users.zoeAhlberg}`)).status).toBe(200);
    const events = await e.api(
      "GET",
      "/events?order=asc&limit=100&events=connection.deleted,dsync.deleted,organization_membership.deleted,organization.deleted",
    );
    expect(events.json.data.map((ev: { event: string }) => ev.event)).toEqual([
      "connection.deleted",
      "connection.deleted",
      "dsync.deleted",
      // Zoë, José, Amara and Björn, and the three of the workos-mcp team (DEMO_MCP_TEAM).
      ...Array(7).fill("organization_membership.deleted"),
      "organization.deleted",
    ]);
    expect((await e.api("DELETE", `/organizations/${id}`)).status).toBe(404);
  });

  it("refuses a duplicate external_id with 400 external_id_already_used", async () => {
    const res = await e.api("POST", "/organizations", { body: { name: "Copy", external_id: "foo-corp" } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("external_id_already_used");
    expect(typeof res.json.message).toBe("string");
    const update = await e.api("PUT", `/organizations/${DEMO_IDS.organizations.acme}`, {
      body: { external_id: "foo-corp" },
    });
    expect(update.json.code).toBe("external_id_already_used");
  });

  it("enforces metadata limits with 400 invalid_metadata", async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    for (const metadata of [tooMany, { ["k".repeat(41)]: "v" }, { key: "v".repeat(601) }, { key: 5 }]) {
      const res = await e.api("POST", "/organizations", { body: { name: "M", metadata } });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe("invalid_metadata");
    }
    const ok = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`k${i}`.padEnd(40, "x"), "v".repeat(600)]),
    );
    expect((await e.api("POST", "/organizations", { body: { name: "M", metadata: ok } })).status).toBe(201);
  });

  it("answers 409 when a domain belongs to another organization", async () => {
    const res = await e.api("POST", "/organizations", {
      body: { name: "Dup", domain_data: [{ domain: "foo-corp.com", state: "verified" }] },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toContain("foo-corp.com");
  });

  it("answers 422 with field errors for invalid input", async () => {
    const noName = await e.api("POST", "/organizations", { body: {} });
    expect(noName.status).toBe(422);
    expect(noName.json.errors[0]).toMatchObject({ field: "name", code: "name_required" });
    expect((await e.api("POST", "/organizations", { body: { name: 42 } })).status).toBe(422);
    expect(
      (await e.api("POST", "/organizations", { body: { name: "x", external_id: "x".repeat(129) } })).status,
    ).toBe(422);
    expect((await e.api("POST", "/organizations", { body: { name: "x", external_id: "zoë" } })).status).toBe(
      422,
    );
    const badDomain = await e.api("POST", "/organizations", {
      body: { name: "x", domain_data: [{ domain: "nope", state: "verified" }] },
    });
    expect(badDomain.status).toBe(422);
    expect(badDomain.json.errors[0].field).toBe("domain_data[0].domain");
  });
});
