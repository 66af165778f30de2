import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, harnessPerTest, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

// Removing a domain has its own confirmed tool (delete_organization_domain), and verifying one its DNS check
// (verify_organization_domain). update_organization's domain_data, which replaces the whole list, must not
// do either around them.
const { acme } = DEMO_IDS.organizations;
const { acmeCom, acmeIo } = DEMO_IDS.domains;
const LIVE_KEY = "sk_live_domain_changes_4b3a29180f7e6d5c";

const harness = harnessPerTest();

type Domain = { id: string; domain: string; state: string; verification_strategy?: string };
const domainsOf = async (harness: Harness) =>
  dataOf<{ domains: Domain[] }>(await harness.call("get_organization", { organization_id: acme })).domains;
const writes = async (harness: Harness) =>
  (await harness.requests()).filter((request) => request.method !== "GET");

describe("update_organization's domain_data", () => {
  // Acme has acme.com (verified) and acme.io (pending).
  it.each([
    ["removes every domain", [], [/remove acme\.com/, /remove acme\.io/]],
    [
      "marks a pending domain verified without a DNS check",
      [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "verified" },
      ],
      [/mark acme\.io verified without a DNS check/],
    ],
    [
      "adds a domain already verified",
      [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "pending" },
        { domain: "acme.dev", state: "verified" },
      ],
      [/add acme\.dev already verified, without a DNS check/],
    ],
    [
      "lists a pending domain twice, once as verified",
      [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "verified" },
        { domain: "ACME.io", state: "pending" },
      ],
      [/mark acme\.io verified without a DNS check/],
    ],
    [
      "turns a verified domain back to pending",
      [
        { domain: "acme.com", state: "pending" },
        { domain: "acme.io", state: "pending" },
      ],
      [/turn verified acme\.com back to pending/],
    ],
  ])("is refused when it %s, and nothing changes", async (_case, domain_data, problems) => {
    const hh = await harness();
    const before = await domainsOf(hh);
    const result = await hh.call("update_organization", {
      organization_id: acme,
      name: "Acme X",
      domain_data,
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/^update_organization changed nothing:/);
    for (const problem of problems) expect(text).toMatch(problem);
    expect(text).toContain("delete_organization_domain");
    expect(text).toContain("verify_organization_domain");
    expect(await writes(hh)).toEqual([]);
    expect(await domainsOf(hh)).toEqual(before);
  });

  it("names a removed domain by its id, so the model can call delete_organization_domain with it", async () => {
    const hh = await harness();
    const result = await hh.call("update_organization", {
      organization_id: acme,
      domain_data: [{ domain: "acme.com", state: "verified" }],
    });
    expect(textOf(result)).toContain(`remove acme.io ("${acmeIo}")`);
    expect(textOf(result)).not.toContain(acmeCom);
  });

  it("is refused with a live key too, where writes are allowed", async () => {
    const hh = await harness({
      emulator: { apiKey: LIVE_KEY },
      env: { WORKOS_MCP_ALLOW_PRODUCTION_WRITES: "true" },
    });
    const result = await hh.call("update_organization", {
      organization_id: acme,
      domain_data: [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "verified" },
      ],
    });
    expect(result.isError).toBe(true);
    expect(await writes(hh)).toEqual([]);
    expect((await domainsOf(hh)).find((domain) => domain.id === acmeIo)?.state).toBe("pending");
  });

  it("may add a domain as pending, keeping the others as they are, and says exactly that", async () => {
    const hh = await harness();
    const result = await hh.call("update_organization", {
      organization_id: acme,
      domain_data: [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "pending" },
        { domain: "acme.dev", state: "pending" },
      ],
    });
    expect(result.isError).toBeFalsy();
    expect(viewOf(result).summary).toBe(
      `Updated organization "${acme}": domains (1 added as pending). ` +
        "data.changes has each changed value before and after; the rest of data is the organization now.",
    );
    expect(dataOf<{ changes: unknown }>(result).changes).toEqual({
      domains_added: [{ domain: "acme.dev", state: "pending" }],
    });
    const domains = await domainsOf(hh);
    expect(domains.map(({ domain, state }) => [domain, state])).toEqual([
      ["acme.com", "verified"],
      ["acme.io", "pending"],
      ["acme.dev", "pending"],
    ]);
    // The two it kept keep their ids.
    expect(domains.slice(0, 2).map((domain) => domain.id)).toEqual([acmeCom, acmeIo]);
  });
});

describe("update_organization's result", () => {
  it("says exactly what changed, computed from the organization before and after", async () => {
    const hh = await harness();
    await hh.call("update_organization", {
      organization_id: acme,
      external_id: "acme-1",
      metadata: { plan: "pro", region: "eu" },
    });
    const result = await hh.call("update_organization", {
      organization_id: acme,
      name: "Acme 2",
      external_id: null,
      metadata: { plan: "enterprise", seats: "40" },
    });
    expect(viewOf(result).summary).toBe(
      `Updated organization "${acme}": name, external_id (removed), metadata (2 keys set, 1 removed). ` +
        "data.changes has each changed value before and after; the rest of data is the organization now.",
    );
    // Nulls say nothing in data, so a removed value shows only its "from".
    expect(dataOf<{ changes: unknown }>(result).changes).toEqual({
      name: { from: "Acme Inc", to: "Acme 2" },
      external_id: { from: "acme-1" },
      metadata_set: ["plan", "seats"],
      metadata_removed: ["region"],
    });
  });

  it("says so when nothing changed", async () => {
    const hh = await harness();
    const result = await hh.call("update_organization", { organization_id: acme, name: "Acme Inc" });
    expect(viewOf(result).summary).toBe(
      `Updated organization "${acme}": nothing changed, every value given was already so.`,
    );
    expect(dataOf<{ changes: unknown }>(result).changes).toEqual({});
  });
});

describe("create_organization's domain_data", () => {
  it("starts every domain pending: one claimed verified is refused before anything is sent", async () => {
    const hh = await harness();
    const result = await hh.call("create_organization", {
      name: "Claimant Inc",
      domain_data: [{ domain: "acme.com", state: "verified" }],
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /domain_data\.0\.state: a new domain starts pending; verify it afterwards/,
    );
    expect(await writes(hh)).toEqual([]);
  });

  it("creates an organization with its domains pending", async () => {
    const hh = await harness();
    const result = await hh.call("create_organization", {
      name: "Newco",
      domain_data: [{ domain: "newco.example", state: "pending" }, { domain: "newco.dev" }],
    });
    expect(result.isError).toBeFalsy();
    const created = dataOf<{ domains: Domain[] }>(result);
    expect(created.domains.map(({ domain, state }) => [domain, state])).toEqual([
      ["newco.example", "pending"],
      ["newco.dev", "pending"],
    ]);
  });
});
