import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { organizationNames } from "../../src/tools/organization-names.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

// What a model needs for its next call is in the result: an organization's name beside its id, and the
// organization_domain ids the domain tools take.

const O = DEMO_IDS.organizations;
const NAMES: Record<string, string> = {
  [O.fooCorp]: "Foo Corp",
  [O.acme]: "Acme Inc",
  [O.globex]: "Globex Corporation",
  [O.initech]: "Initech",
  [O.muellerSoehne]: "Müller & Söhne GmbH",
  [O.umbrella]: "Umbrella Corp",
};

type Item = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "all"] });
  // The names as the emulator serves them, so the table above cannot drift from the seed.
  const orgs = dataOf<Item[]>(await h.call("list_organizations", { limit: 100 }));
  for (const org of orgs) NAMES[String(org.id)] = String(org.name);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

/** The paths of the organization lookups the server made since the last reset. */
async function lookups(): Promise<string[]> {
  return (await h.requests())
    .filter((request) => request.method === "GET" && request.path.startsWith("/organizations"))
    .map((request) => request.path);
}

describe("organization names beside organization ids", () => {
  it("list_connections names each connection's organization, one lookup per organization", async () => {
    const connections = dataOf<Item[]>(await h.call("list_connections", { limit: 100 }));
    expect(connections.length).toBeGreaterThan(6);
    for (const conn of connections) {
      expect(conn.organization_name, String(conn.name)).toBe(NAMES[String(conn.organization_id)]);
    }
    const distinct = new Set(connections.map((conn) => String(conn.organization_id)));
    expect((await lookups()).sort()).toEqual([...distinct].map((id) => `/organizations/${id}`).sort());
  });

  it("list_connections for one organization adds no name and makes no lookup", async () => {
    const connections = dataOf<Item[]>(await h.call("list_connections", { organization_id: O.acme }));
    expect(connections.length).toBeGreaterThan(0);
    for (const conn of connections) expect(conn.organization_name).toBeUndefined();
    expect(await lookups()).toEqual([]);
  });

  it("list_invitations and get_invitation name the organization", async () => {
    const invitations = dataOf<Item[]>(await h.call("list_invitations", { limit: 100 }));
    expect(invitations.length).toBeGreaterThan(0);
    for (const invitation of invitations) {
      expect(invitation.organization_name, String(invitation.email)).toBe(
        NAMES[String(invitation.organization_id)],
      );
    }
    const [first] = invitations;
    const one = dataOf(await h.call("get_invitation", { invitation_id: String(first?.id) }));
    expect(one).toMatchObject({
      organization_id: first?.organization_id,
      organization_name: first?.organization_name,
    });
  });

  it("a deleted organization's items stay unnamed instead of failing the list", async () => {
    const added = dataOf(
      await h.call("add_organization_domain", { organization_id: O.umbrella, domain: "umbrella.example" }),
    );
    expect(added).toMatchObject({ organization_id: O.umbrella });
    await h.control("POST", "/_emulator/faults", {
      method: "GET",
      path: `/organizations/${O.umbrella}`,
      status: 404,
      body: { message: "Organization not found." },
    });
    const events = dataOf<Item[]>(await h.call("list_events", { events: ["organization_domain.created"] }));
    expect(events[0]?.summary).toBe(`domain umbrella.example (pending) of organization ${O.umbrella}`);
  });
});

describe("organizationNames", () => {
  it("looks up more than ten organizations with one walk of the list, not one GET each", async () => {
    const client = new WorkOSClient({ apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
    try {
      const unknown = Array.from({ length: 6 }, (_, i) => `org_01JZZZZZZZZZZZZZZZZZZZZZZ${i}`);
      const names = await organizationNames(
        client,
        [...Object.values(O), ...unknown],
        new AbortController().signal,
      );
      expect(Object.fromEntries(names)).toEqual(NAMES);
      expect(await lookups()).toEqual(["/organizations"]);
    } finally {
      await client.close();
    }
  });
});

describe("organization domain ids where a model looks for them", () => {
  it("list_organizations' compact items map each domain to its organization_domain id", async () => {
    const [acme] = dataOf<Item[]>(await h.call("list_organizations", { search: "Acme" }));
    expect(acme?.domains).toEqual(["acme.com", "acme.io (pending)"]);
    expect(acme?.domain_ids).toEqual({
      "acme.com": DEMO_IDS.domains.acmeCom,
      "acme.io": DEMO_IDS.domains.acmeIo,
    });
    // The id is the one the domain tools take.
    const domain = await h.call("get_organization_domain", {
      organization_domain_id: DEMO_IDS.domains.acmeIo,
    });
    expect(dataOf(domain)).toMatchObject({ domain: "acme.io", state: "pending" });
  });

  it("a domain tool's 404 points to where domain ids are", async () => {
    const result = await h.call("get_organization_domain", {
      organization_domain_id: "org_domain_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(
      "Hint: Check the id: it may be mistyped or the domain removed. list_organizations gives each domain's id in domain_ids.",
    );
  });

  it("get_organization_overview gives each domain's id", async () => {
    const overview = viewOf<{ organization: { domains: Item[] } }>(
      await h.call("get_organization_overview", { organization_id: O.acme }),
    );
    expect(overview.data.organization.domains).toEqual([
      { id: DEMO_IDS.domains.acmeCom, domain: "acme.com", state: "verified" },
      { id: DEMO_IDS.domains.acmeIo, domain: "acme.io", state: "pending" },
    ]);
  });

  it("get_organization gives each domain's id", async () => {
    const org = dataOf<{ domains: Item[] }>(await h.call("get_organization", { organization_id: O.acme }));
    expect(org.domains.map((domain) => domain.id)).toEqual([
      DEMO_IDS.domains.acmeCom,
      DEMO_IDS.domains.acmeIo,
    ]);
  });
});
