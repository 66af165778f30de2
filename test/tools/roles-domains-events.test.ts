import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;
const { acmeCom, acmeIo, globexCom } = DEMO_IDS.domains;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "all"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
});

type Item = Record<string, unknown>;

describe("roles", () => {
  it("list_roles lists the environment roles, or an organization's with its custom roles marked", async () => {
    const environment = dataOf<Item[]>(await h.call("list_roles", {}));
    expect(environment.map((role) => role.slug)).toEqual(["admin", "member"]);
    const acme = await h.call("list_roles", { organization_id: ACME });
    expect(dataOf<Item[]>(acme)).toContainEqual({
      slug: "org-billing-admin",
      name: "Billing Admin",
      custom: true,
      permissions: ["billing:manage", "reports:read"],
    });
    expect(viewOf(acme).summary).toBe("3 roles; this is the last page.");
    expect(viewOf(acme).next).toBeUndefined();
  });

  it("get_role fetches an environment role, or a custom one through its organization", async () => {
    expect(dataOf(await h.call("get_role", { slug: "member" }))).toMatchObject({ type: "EnvironmentRole" });
    const custom = await h.call("get_role", { slug: "org-billing-admin", organization_id: ACME });
    expect(dataOf(custom)).toMatchObject({ type: "OrganizationRole", name: "Billing Admin" });
  });

  it("an unknown role is a WorkOS 404 as an isError result pointing to list_roles", async () => {
    const result = await h.call("get_role", { slug: "org-billing-admin" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
    expect(textOf(result)).toContain("list_roles");
  });

  it("list_roles says which roles are the environment's and how to see an organization's custom roles", async () => {
    const environment = viewOf(await h.call("list_roles", {}));
    expect(environment.notes?.join(" ")).toContain(
      "These are the environment roles, which every organization has. An organization's custom roles are " +
        "listed only with its organization_id: list_roles with organization_id (get_role needs it too).",
    );
    const acme = viewOf(await h.call("list_roles", { organization_id: ACME }));
    expect(acme.notes?.join(" ")).toContain(
      `2 environment roles and 1 custom role of organization ${ACME} (custom: true), in priority order.`,
    );
  });

  it("get_role of a custom role without its organization points to the call with organization_id", async () => {
    const result = await h.call("get_role", { slug: "org-billing-admin" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(
      "Hint: No environment role has this slug. An organization's custom role is found only through its " +
        "organization: call get_role with slug and organization_id, or list_roles with organization_id to see " +
        "that organization's roles.",
    );
    const unknown = await h.call("get_role", { slug: "org-no-such-role", organization_id: ACME });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain(
      `Hint: Organization ${ACME} has no role with this slug, or no such organization exists. ` +
        `list_roles with organization_id ${ACME} lists its roles.`,
    );
  });

  it("refuses a malformed slug or organization id before calling WorkOS", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const slug = await h.call("get_role", { slug: "../admin" });
    expect(slug.isError).toBe(true);
    expect(textOf(slug)).toContain("role slug");
    const org = await h.call("list_roles", { organization_id: "acme" });
    expect(org.isError).toBe(true);
    expect(await h.requests()).toEqual([]);
  });
});

describe("organization domains", () => {
  it("add_organization_domain adds a pending domain and says how to verify it", async () => {
    const result = await h.call("add_organization_domain", {
      organization_id: GLOBEX,
      domain: "globex.example",
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const domain = dataOf(result);
    expect(domain).toMatchObject({ organization_id: GLOBEX, domain: "globex.example", state: "pending" });
    expect(viewOf(result).notes?.join(" ")).toContain("verify_organization_domain");
    const org = dataOf<{ domains: Item[] }>(await h.call("get_organization", { organization_id: GLOBEX }));
    expect(org.domains.map((d) => d.id)).toContain(domain.id);
  });

  it("a domain another organization has is a WorkOS 409 as an isError result", async () => {
    const result = await h.call("add_organization_domain", { organization_id: GLOBEX, domain: "acme.com" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 409");
    expect(textOf(result)).toContain("domain_already_exists");
  });

  it("refuses a domain with a scheme, or a domain id of another kind, before calling WorkOS", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const url = await h.call("add_organization_domain", {
      organization_id: ACME,
      domain: "https://acme.dev",
    });
    expect(url.isError).toBe(true);
    expect(textOf(url)).toContain("bare domain");
    const id = await h.call("get_organization_domain", { organization_domain_id: ACME });
    expect(id.isError).toBe(true);
    expect(textOf(id)).toContain('starting with "org_domain_"');
    expect(await h.requests()).toEqual([]);
  });

  it("get_organization_domain shows the state and DNS token", async () => {
    const domain = dataOf(await h.call("get_organization_domain", { organization_domain_id: acmeIo }));
    expect(domain).toMatchObject({ domain: "acme.io", state: "pending", verification_strategy: "dns" });
    expect(typeof domain.verification_token).toBe("string");
  });

  it("verify_organization_domain says a domain without its DNS record is not verified yet, then verifies it", async () => {
    const pending = await h.call("verify_organization_domain", { organization_domain_id: acmeIo });
    expect(viewOf(pending).summary).toBe(
      `Organization domain "${acmeIo}" is not verified yet; its state is "pending".`,
    );
    expect(viewOf(pending).notes?.join(" ")).toContain("no DNS TXT record");
    const { verification_token } = dataOf(pending) as { verification_token: string };
    await h.control("POST", "/_emulator/dns_records", { domain: "acme.io", value: verification_token });
    const verified = await h.call("verify_organization_domain", { organization_domain_id: acmeIo });
    expect(viewOf(verified).summary).toBe(`Organization domain "${acmeIo}" is verified.`);
    const again = await h.call("verify_organization_domain", { organization_domain_id: acmeIo });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toContain("domain_already_verified");
  });

  it("delete_organization_domain previews the domain, its organization, state and SSO connections, then deletes on the token", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const preview = await h.call("delete_organization_domain", { organization_domain_id: acmeCom });
    const outcome = dataOf(preview) as { deleted: boolean; confirmation_token: string; impact: Item };
    expect(outcome).toMatchObject({ deleted: false, reason: "confirmation_required", name: "acme.com" });
    expect(outcome.impact).toMatchObject({
      domain: "acme.com",
      organization_id: ACME,
      organization_name: "Acme Inc",
      state: "verified",
      sso_connections: [
        expect.objectContaining({ id: DEMO_IDS.connections.acmeGoogleOAuth }),
        expect.objectContaining({ id: DEMO_IDS.connections.acmeAzureSaml, name: "Acme Entra ID" }),
      ],
    });
    expect((await h.requests()).filter((request) => request.method === "DELETE")).toEqual([]);

    const deleted = await h.call("delete_organization_domain", {
      organization_domain_id: acmeCom,
      confirmation_token: outcome.confirmation_token,
    });
    expect(dataOf(deleted)).toMatchObject({ deleted: true, object: "organization_domain", id: acmeCom });
    const org = dataOf<{ domains: Item[] }>(await h.call("get_organization", { organization_id: ACME }));
    expect(org.domains.map((d) => d.domain)).toEqual(["acme.io"]);
  });

  it("a client that can elicit asks the user to type the domain", async () => {
    const asked: string[] = [];
    const eliciting = await startHarness({
      elicit: (request) => {
        asked.push(request.message);
        return { action: "accept", content: { confirm_name: "globex.com" } };
      },
    });
    try {
      const result = await eliciting.call("delete_organization_domain", {
        organization_domain_id: globexCom,
      });
      expect(dataOf(result)).toMatchObject({ deleted: true });
      expect(asked[0]).toContain('Permanently delete organization domain "globex.com"');
      expect(asked[0]).toContain("Globex Corporation");
    } finally {
      await eliciting.close();
    }
  });
});

describe("events", () => {
  it("list_events shows each event in one line, newest first, filtered by organization and type", async () => {
    const result = await h.call("list_events", {
      organization_id: ACME,
      events: ["dsync.user.created", "dsync.user.updated"],
    });
    const events = dataOf<Item[]>(result);
    expect(events.map((event) => event.event)).toEqual([
      "dsync.user.updated",
      "dsync.user.updated",
      "dsync.user.created",
    ]);
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(["created_at", "event", "id", "summary"]);
      expect(event.summary).toMatch(/^user .+@acme\.com/);
    }
    const requests = await h.requests();
    expect(requests.at(-1)?.query).toMatchObject({
      organization_id: ACME,
      events: "dsync.user.created,dsync.user.updated",
    });
  });

  it("range_start and range_end narrow to a window, and detail full gives whole events", async () => {
    const now = Date.now();
    const result = await h.call("list_events", {
      range_start: new Date(now - 3 * 3_600_000).toISOString(),
      range_end: new Date(now).toISOString(),
      detail: "full",
    });
    const [event, ...rest] = dataOf<Item[]>(result);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ object: "event", event: "dsync.user.updated" });
    expect(event?.data).toMatchObject({ directory_id: DEMO_IDS.directories.fooCorpOkta });
  });

  it("list_events says what an update changed, names each organization and says the time now", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const before = Date.now();
    const result = await h.call("list_events", { events: ["dsync.user.updated"] });
    const [newest, ...older] = dataOf<Item[]>(result);
    expect(newest?.summary).toMatch(
      new RegExp(
        `^user .+@foo-corp\\.com\\) in directory ${DEMO_IDS.directories.fooCorpOkta} of organization "Foo Corp" ` +
          `\\(${DEMO_IDS.organizations.fooCorp}\\); changed state "active" → "inactive"$`,
      ),
    );
    expect(older.map((event) => String(event.summary).replace(/^user .+?\) /, ""))).toEqual([
      `in directory ${DEMO_IDS.directories.acmeGoogle} of organization "Acme Inc" (${ACME}); changed state "active" → "inactive"`,
      `in directory ${DEMO_IDS.directories.acmeGoogle} of organization "Acme Inc" (${ACME}); changed state "active" → "suspended"`,
    ]);
    const now = viewOf(result).notes?.find((note) => note.startsWith("It is now "));
    expect(now).toMatch(/^It is now \S+Z by this server's clock; event times are UTC\.$/);
    const stated = Date.parse(now?.split(" ")[3] ?? "");
    expect(stated).toBeGreaterThanOrEqual(before);
    expect(stated).toBeLessThanOrEqual(Date.now());
    // One lookup per organization named, not one per event.
    const lookups = (await h.requests()).filter((request) => request.path.startsWith("/organizations/"));
    expect(lookups.map((request) => request.path).sort()).toEqual(
      [`/organizations/${ACME}`, `/organizations/${DEMO_IDS.organizations.fooCorp}`].sort(),
    );
  });

  it("an organization renamed through update_organization reads as the change it was", async () => {
    const renamed = await h.call("update_organization", { organization_id: GLOBEX, name: "Globex Holdings" });
    expect(renamed.isError, textOf(renamed)).toBeFalsy();
    const [event] = dataOf<Item[]>(
      await h.call("list_events", { events: ["organization.updated"], limit: 1 }),
    );
    expect(event?.summary).toBe(
      `organization "Globex Holdings" (globex.com) ${GLOBEX}; changed name "Globex Corporation" → "Globex Holdings"`,
    );
  });

  it("refuses an unknown event type or a time that is not ISO-8601 before calling WorkOS", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const type = await h.call("list_events", { events: ["user.signed_in"] });
    expect(type.isError).toBe(true);
    expect(textOf(type)).toContain("not a WorkOS event type");
    const time = await h.call("list_events", { range_start: "yesterday" });
    expect(time.isError).toBe(true);
    expect(textOf(time)).toContain("ISO-8601");
    expect(await h.requests()).toEqual([]);
  });

  it("a WorkOS 422 comes back as an isError result", async () => {
    const result = await h.call("list_events", { after: "event_01NOTANEVENT0000000000000" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 422");
  });
});

describe("a server pinned to Acme", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ env: { WORKOS_MCP_ORGANIZATION_ID: ACME }, argv: ["--toolsets", "all"] });
  });
  afterAll(() => pinned.close());

  it.each([
    ["get_organization_domain", { organization_domain_id: globexCom }],
    ["verify_organization_domain", { organization_domain_id: globexCom }],
    ["delete_organization_domain", { organization_domain_id: globexCom }],
  ])("%s on another organization's domain is refused after one lookup", async (name, args) => {
    await pinned.control("DELETE", "/_emulator/requests");
    const result = await pinned.call(name, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("names something of another organization. Nothing was read or changed.");
    const requests = await pinned.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /organization_domains/${globexCom}`,
    ]);
  });

  it("fills in the organization for roles, events and new domains", async () => {
    const roles = dataOf<Item[]>(await pinned.call("list_roles", {}));
    expect(roles.map((role) => role.slug)).toContain("org-billing-admin");
    const events = dataOf<Item[]>(await pinned.call("list_events", { events: ["connection.activated"] }));
    expect(events).toHaveLength(1);
    const added = await pinned.call("add_organization_domain", { domain: "acme-pinned.example" });
    expect(dataOf(added)).toMatchObject({ organization_id: ACME });
    const other = await pinned.call("add_organization_domain", {
      organization_id: GLOBEX,
      domain: "x.example",
    });
    expect(other.isError).toBe(true);
  });
});
