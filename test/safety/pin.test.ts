import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_AUDIT_LOG_EXPORT_ID, DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { demoSeed, type Seed } from "../../src/emulator/seed.js";
import { pinnedParam } from "../../src/mcp/pin.js";
import type { AnyTool } from "../../src/tools/define.js";
import { tools } from "../../src/tools/index.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { registerSecret } from "../support/secret-scan.js";
import { dataOf } from "../support/view.js";

// The pin holds for every tool: each one that names an object is called, on a server pinned to Acme with every
// toolset on, with an object of another organization (and of none, where WorkOS has such objects), and must
// refuse having read nothing but who owns it. The tools come from the registry, so a new one without a case fails.

const { acme, globex } = DEMO_IDS.organizations;
const U = DEMO_IDS.users;
const M = DEMO_IDS.organizationMemberships;
const I = DEMO_IDS.invitations;
const S = DEMO_IDS.sessions;
const { globexAzure, acmeGoogle, fooCorpOkta } = DEMO_IDS.directories;

// Sessions one of Acme's own users holds elsewhere, and a pending Acme membership of a Foo Corp user: made
// outside the pin, as an admin of the whole environment could.
const EXTRA = {
  janeGlobex: "session_01HM6YPIN0GLOBEX00000000001",
  janeNowhere: "session_01HM6YPIN0NOWHERE0000000001",
  joseAcmePending: "om_01HM6XPIN0JOSEACMEPENDING01",
  meiTotp: "auth_factor_01HM6YPIN0MEITOTP00000000001",
  carlosTotp: "auth_factor_01HM6YPIN0CARLOSTOTP000000001",
};
const LATER = "2099-01-01T00:00:00.000Z";
const seed: Seed = {
  ...demoSeed,
  sessions: [
    ...(demoSeed.sessions ?? []),
    {
      id: EXTRA.janeGlobex,
      user_id: U.janeDoe,
      organization_id: globex,
      auth_method: "sso",
      status: "active",
      expires_at: LATER,
    },
    {
      id: EXTRA.janeNowhere,
      user_id: U.janeDoe,
      auth_method: "password",
      status: "active",
      expires_at: LATER,
    },
  ],
  organization_memberships: [
    ...(demoSeed.organization_memberships ?? []),
    { id: EXTRA.joseAcmePending, user_id: U.joseNunez, organization_id: acme, status: "pending" },
  ],
  authentication_factors: [
    ...(demoSeed.authentication_factors ?? []),
    { id: EXTRA.meiTotp, type: "totp", user_id: U.meiChen },
    { id: EXTRA.carlosTotp, type: "totp", user_id: U.carlosGarcia },
  ],
};

const PINNED = {
  WORKOS_MCP_ORGANIZATION_ID: acme,
  WORKOS_MCP_TOOLSETS: "all",
  // Deletes run at once: a pin that failed would show as a change in the request log, not as a preview.
  WORKOS_MCP_DESTRUCTIVE: "allow",
};

/** Objects whose ids only the emulator knows until it runs. */
interface Fixture {
  globexDirectoryUser: string;
  globexDirectoryGroup: string;
  /** An invitation to no organization (to the application). */
  nowhereInvitation: string;
  globexGroup: string;
}

/** A call that must be refused, having made exactly these requests (GETs: the ownership lookups). */
interface Refusal {
  about: string;
  args(f: Fixture): Record<string, unknown>;
  lookups: (f: Fixture) => string[];
  /** What the refusal tells the model to do instead. */
  says?: string;
}
/** A call the pin narrows instead of refusing. */
interface Narrowing {
  about: string;
  check(h: Harness, f: Fixture): Promise<void>;
}
type Case = Refusal | Narrowing;

const MEMBERSHIPS = "/user_management/organization_memberships";
const user = (id: string) => `/user_management/users/${id}`;
const only =
  (...paths: string[]) =>
  () =>
    paths;
const refuse = (
  about: string,
  args: Refusal["args"],
  lookups: Refusal["lookups"],
  says?: string,
): Refusal => ({ about, args, lookups, ...(says === undefined ? {} : { says }) });

const domain = DEMO_IDS.domains.globexCom;
const AUTHZ = DEMO_IDS.authorizationResources;
const connection = DEMO_IDS.connections.globexGoogleSaml;
// Shared by the tools that address the same object.
const globexDomain = refuse(
  "Globex's domain",
  () => ({ organization_domain_id: domain }),
  only(`/organization_domains/${domain}`),
);
const fooCorpDirectory = refuse(
  "Foo Corp's directory",
  () => ({ directory_id: fooCorpOkta }),
  only(`/directories/${fooCorpOkta}`),
);

/** Every tool that names an object, or that the pin narrows: the cases it must pass. */
const CASES: Record<string, Case[]> = {
  list_organizations: [
    {
      about: "lists only the pinned organization",
      async check(h) {
        const listed = dataOf<{ id: string }[]>(await h.call("list_organizations", { limit: 100 }));
        expect(listed.map((org) => org.id)).toEqual([acme]);
      },
    },
  ],
  get_organization_domain: [globexDomain],
  verify_organization_domain: [globexDomain],
  delete_organization_domain: [globexDomain],
  get_connection: [
    refuse("Globex's connection", () => ({ connection_id: connection }), only(`/connections/${connection}`)),
  ],
  get_directory: [fooCorpDirectory],
  delete_directory: [fooCorpDirectory],
  list_directory_users: [
    refuse("Globex's directory", () => ({ directory_id: globexAzure }), only(`/directories/${globexAzure}`)),
    refuse(
      "Globex's group",
      (f) => ({ directory_group_id: f.globexDirectoryGroup }),
      (f) => [`/directory_groups/${f.globexDirectoryGroup}`],
    ),
    refuse(
      "Acme's directory with Globex's group as the filter",
      (f) => ({ directory_id: acmeGoogle, directory_group_id: f.globexDirectoryGroup }),
      (f) => [`/directories/${acmeGoogle}`, `/directory_groups/${f.globexDirectoryGroup}`],
    ),
  ],
  get_directory_user: [
    refuse(
      "Globex's directory user",
      (f) => ({ directory_user_id: f.globexDirectoryUser }),
      (f) => [`/directory_users/${f.globexDirectoryUser}`],
    ),
  ],
  list_directory_groups: [
    refuse("Globex's directory", () => ({ directory_id: globexAzure }), only(`/directories/${globexAzure}`)),
    refuse(
      "Acme's directory with Globex's user as the filter",
      (f) => ({ directory_id: acmeGoogle, directory_user_id: f.globexDirectoryUser }),
      (f) => [`/directories/${acmeGoogle}`, `/directory_users/${f.globexDirectoryUser}`],
    ),
  ],
  get_directory_group: [
    refuse(
      "Globex's group",
      (f) => ({ directory_group_id: f.globexDirectoryGroup }),
      (f) => [`/directory_groups/${f.globexDirectoryGroup}`],
    ),
  ],
  get_user: [
    refuse("a Globex user", () => ({ user_id: U.meiChen }), only(MEMBERSHIPS)),
    refuse("a user of no organization", () => ({ user_id: U.oliviaBrown }), only(MEMBERSHIPS)),
    refuse(
      "a suspended (inactive) Acme member",
      () => ({ user_id: U.bobSmith }),
      only(MEMBERSHIPS),
      "reactivate_organization_membership",
    ),
    refuse(
      "a Foo Corp user with a pending Acme membership",
      () => ({ user_id: U.joseNunez }),
      only(MEMBERSHIPS),
    ),
    refuse(
      "a Foo Corp user by external_id",
      () => ({ external_id: "fc-1008" }),
      only(`${user("external_id")}/fc-1008`, MEMBERSHIPS),
    ),
  ],
  update_user: [
    refuse("a Globex user", () => ({ user_id: U.meiChen, first_name: "M" }), only(MEMBERSHIPS)),
    refuse(
      "a user of no organization",
      () => ({ user_id: U.oliviaBrown, first_name: "O" }),
      only(MEMBERSHIPS),
    ),
    refuse(
      "an Acme member who is also in Globex",
      () => ({ user_id: U.carlosGarcia, email: "carlos@evil.example", external_id: "x" }),
      only(MEMBERSHIPS),
      "belong to no other organization",
    ),
  ],
  delete_user: [
    refuse("a Globex user", () => ({ user_id: U.meiChen }), only(MEMBERSHIPS)),
    refuse("a user of no organization", () => ({ user_id: U.oliviaBrown }), only(MEMBERSHIPS)),
    refuse(
      "an Acme member who is also in Globex",
      () => ({ user_id: U.carlosGarcia }),
      only(MEMBERSHIPS),
      "belong to no other organization",
    ),
  ],
  list_users: [
    {
      about: "lists Acme's active members only: not a suspended one, nor a Foo Corp user invited to Acme",
      async check(h) {
        const listed = dataOf<{ id: string }[]>(await h.call("list_users", { limit: 100 }));
        const ids = listed.map((u) => u.id);
        expect(ids).toEqual(expect.arrayContaining([U.janeDoe, U.priyaPatel, U.carlosGarcia]));
        expect(ids).not.toContain(U.bobSmith);
        expect(ids).not.toContain(U.joseNunez);
        expect(ids).not.toContain(U.meiChen);
      },
    },
  ],
  list_organization_memberships: [
    {
      about: "a Globex user's memberships: none of Acme's, Globex's left out",
      async check(h) {
        const listed = await h.call("list_organization_memberships", { user_id: U.meiChen });
        expect(listed.isError, textOf(listed)).toBeFalsy();
        expect(dataOf<unknown[]>(listed)).toEqual([]);
        const asked = (await h.requests()).map((r) => r.query.organization_id);
        expect(asked).toEqual([acme]);
      },
    },
  ],
  create_organization_membership: [
    refuse(
      "a Globex user, as an admin",
      () => ({ user_id: U.hankScorpio, role_slug: "admin" }),
      only(MEMBERSHIPS, user(U.hankScorpio), "/user_management/invitations"),
    ),
    refuse(
      "a Foo Corp user",
      () => ({ user_id: U.zoeAhlberg }),
      only(MEMBERSHIPS, user(U.zoeAhlberg), "/user_management/invitations"),
    ),
    refuse(
      "a user of no organization",
      () => ({ user_id: U.oliviaBrown }),
      only(MEMBERSHIPS, user(U.oliviaBrown), "/user_management/invitations"),
    ),
    refuse(
      "a suspended Acme member (reactivate_organization_membership is how)",
      () => ({ user_id: U.bobSmith }),
      only(MEMBERSHIPS, user(U.bobSmith), "/user_management/invitations"),
    ),
  ],
  update_organization_membership: [
    refuse(
      "a Globex membership",
      () => ({ organization_membership_id: M.meiGlobex, role_slug: "admin" }),
      only(`${MEMBERSHIPS}/${M.meiGlobex}`),
    ),
  ],
  deactivate_organization_membership: [
    refuse(
      "a Globex membership",
      () => ({ organization_membership_id: M.meiGlobex }),
      only(`${MEMBERSHIPS}/${M.meiGlobex}`),
    ),
  ],
  reactivate_organization_membership: [
    refuse(
      "an inactive Globex membership",
      () => ({ organization_membership_id: M.weiGlobex }),
      only(`${MEMBERSHIPS}/${M.weiGlobex}`),
    ),
  ],
  delete_organization_membership: [
    refuse(
      "a Globex membership",
      () => ({ organization_membership_id: M.hankGlobex }),
      only(`${MEMBERSHIPS}/${M.hankGlobex}`),
    ),
  ],
  get_invitation: invitationCases(),
  resend_invitation: invitationCases(),
  revoke_invitation: invitationCases(),
  list_user_sessions: [
    refuse("a Globex user's", () => ({ user_id: U.meiChen }), only(MEMBERSHIPS)),
    refuse("a user of no organization's", () => ({ user_id: U.oliviaBrown }), only(MEMBERSHIPS)),
    {
      about: "an Acme member's: only the sessions signed in to Acme",
      async check(h) {
        const listed = dataOf<{ id: string }[]>(await h.call("list_user_sessions", { user_id: U.janeDoe }));
        expect(listed.map((s) => s.id).sort()).toEqual([S.janeLaptop, S.janePhone].sort());
      },
    },
  ],
  revoke_session: [
    refuse(
      "a Globex user's session",
      () => ({ user_id: U.meiChen, session_id: S.meiLaptop }),
      only(MEMBERSHIPS),
    ),
    refuse(
      "an Acme member's session signed in to Globex",
      () => ({ user_id: U.janeDoe, session_id: EXTRA.janeGlobex }),
      only(MEMBERSHIPS, `${user(U.janeDoe)}/sessions`),
      "Only sessions signed in to the pinned organization",
    ),
    refuse(
      "an Acme member's session of no organization",
      () => ({ user_id: U.janeDoe, session_id: EXTRA.janeNowhere }),
      only(MEMBERSHIPS, `${user(U.janeDoe)}/sessions`),
    ),
    {
      about: "a Foo Corp session named with an Acme member as its user: not hers, nothing ended",
      async check(h) {
        const result = await h.call("revoke_session", { user_id: U.janeDoe, session_id: S.zoeLaptop });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain(`has no active session ${S.zoeLaptop}`);
        expect((await h.requests()).filter((r) => r.method !== "GET")).toEqual([]);
      },
    },
  ],
  get_audit_log_export: [
    // WorkOS's export names no organization: only what this server created for the pin is provably Acme's.
    refuse(
      "an export this server did not make (even one of Acme's: WorkOS does not say whose it is)",
      () => ({ audit_log_export_id: DEMO_AUDIT_LOG_EXPORT_ID }),
      only(),
      "create the export again with create_audit_log_export",
    ),
    {
      about: "an export this server made for Acme",
      async check(h) {
        const range = { range_start: "2024-01-01", range_end: "2024-02-01" };
        const created = dataOf<{ id: string }>(await h.call("create_audit_log_export", range));
        const read = await h.call("get_audit_log_export", { audit_log_export_id: created.id });
        expect(read.isError, textOf(read)).toBeFalsy();
        const sent = (await h.requests()).find((r) => r.method === "POST");
        expect(sent?.body).toMatchObject({ organization_id: acme });
      },
    },
  ],
  list_role_assignments: [
    refuse(
      "a Globex member's",
      () => ({ organization_membership_id: M.meiGlobex }),
      only(`${MEMBERSHIPS}/${M.meiGlobex}`),
    ),
  ],
  assign_role: [
    refuse(
      "a Foo Corp member",
      () => ({
        organization_membership_id: M.joseFooCorp,
        role_slug: "member",
        resource_id: AUTHZ.fooCorpMobile,
      }),
      only(`${MEMBERSHIPS}/${M.joseFooCorp}`),
    ),
  ],
  remove_role_assignment: [
    refuse(
      "a Foo Corp member's",
      () => ({
        organization_membership_id: M.joseFooCorp,
        role_assignment_id: DEMO_IDS.roleAssignments.joseWebsiteLead,
      }),
      only(`${MEMBERSHIPS}/${M.joseFooCorp}`),
    ),
  ],
  check_access: [
    refuse(
      "a Foo Corp member's",
      () => ({
        organization_membership_id: M.joseFooCorp,
        permission_slug: "project:view",
        resource_id: AUTHZ.fooCorpWebsite,
      }),
      only(`${MEMBERSHIPS}/${M.joseFooCorp}`),
    ),
  ],
  set_feature_flag_target: [
    refuse(
      "Globex as the target",
      () => ({ slug: "advanced-analytics", organization_id: globex, enabled: true }),
      only(),
    ),
    refuse(
      "an Acme member who is also in Globex as the target",
      () => ({ slug: "advanced-analytics", user_id: U.carlosGarcia, enabled: true }),
      only(MEMBERSHIPS),
      "belong to no other organization",
    ),
  ],
  revoke_api_key: [
    {
      about: "a Globex key is not found among Acme's, and nothing is revoked",
      async check(h) {
        const other = (await h.control("POST", `/organizations/${globex}/api_keys`, {
          name: "Globex CI",
        })) as {
          id: string;
        };
        await h.control("DELETE", "/_emulator/requests");
        const result = await h.call("revoke_api_key", { api_key_id: other.id });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain(`Organization ${acme} has no API key ${other.id}.`);
        expect((await h.requests()).filter((r) => r.method !== "GET")).toEqual([]);
      },
    },
  ],
  validate_api_key: [
    {
      about: "a Globex key reads as not valid, with nothing of it shown",
      async check(h) {
        const other = (await h.control("POST", `/organizations/${globex}/api_keys`, {
          name: "Globex CI",
        })) as {
          id: string;
          value: string;
        };
        registerSecret(other.value);
        const result = await h.call("validate_api_key", { value: other.value });
        expect(dataOf(result)).toEqual({ valid: false });
        expect(textOf(result)).not.toContain(other.id);
      },
    },
  ],
  // Groups and MFA factors (users toolset).
  list_groups: [
    refuse(
      "a Globex membership's groups",
      () => ({ organization_membership_id: M.hankGlobex }),
      only(`${MEMBERSHIPS}/${M.hankGlobex}`),
    ),
  ],
  get_group: [
    {
      about: "a Globex group is looked for only among Acme's, and not found",
      async check(h, f) {
        const result = await h.call("get_group", { group_id: f.globexGroup });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toMatch(/HTTP 404/);
        const paths = (await h.requests()).map((r) => r.path);
        expect(paths.every((p) => p.startsWith(`/organizations/${acme}/groups/`))).toBe(true);
      },
    },
  ],
  list_user_auth_factors: [
    refuse("a Globex user's", () => ({ user_id: U.meiChen }), only(MEMBERSHIPS)),
    refuse("a user of no organization's", () => ({ user_id: U.oliviaBrown }), only(MEMBERSHIPS)),
  ],
  delete_user_auth_factor: [
    refuse(
      "a Globex user's factor",
      () => ({ authentication_factor_id: EXTRA.meiTotp }),
      only(`/auth/factors/${EXTRA.meiTotp}`, MEMBERSHIPS),
    ),
    refuse(
      "the factor of an Acme member who is also in Globex",
      () => ({ authentication_factor_id: EXTRA.carlosTotp }),
      only(`/auth/factors/${EXTRA.carlosTotp}`, MEMBERSHIPS),
      "belong to no other organization",
    ),
  ],
  // The catalog: the path names the organization, or the object it addresses is read first.
  workos_read: [
    refuse(
      "Globex by its path",
      () => ({ operation: "OrganizationsController_find", path: { id: globex } }),
      only(),
    ),
    refuse(
      "Globex's domain, read first",
      () => ({ operation: "OrganizationDomainsController_get", path: { id: domain } }),
      only(`/organization_domains/${domain}`),
    ),
    refuse(
      "a list that no organization filters",
      () => ({ operation: "UserlandUsersController_list[0]" }),
      only(),
    ),
  ],
  workos_write: [
    refuse(
      "deleting Globex's domain, read first",
      () => ({ operation: "OrganizationDomainsController_delete", path: { id: domain } }),
      only(`/organization_domains/${domain}`),
    ),
    refuse(
      "a domain created in Globex",
      () => ({
        operation: "OrganizationDomainsController_create",
        body: { organization_id: globex, domain: "pin.example" },
      }),
      only(),
    ),
  ],
};
function invitationCases(): Refusal[] {
  return [
    refuse(
      "Foo Corp's invitation",
      () => ({ invitation_id: I.fooCorpAmara }),
      only(`/user_management/invitations/${I.fooCorpAmara}`),
    ),
    refuse(
      "an invitation to no organization",
      (f) => ({ invitation_id: f.nowhereInvitation }),
      (f) => [`/user_management/invitations/${f.nowhereInvitation}`],
    ),
  ];
}

// Identifiers of your own or of another system, which a call sets or filters by, not WorkOS objects it reaches.
const NOT_WORKOS_IDS = new Set(["external_id", "stripe_customer_id", "idp_id"]);

/** A tool that names an object other than its pinned organization, or that the pin narrows, needs a case. */
function needsCase(tool: AnyTool): boolean {
  const scope = tool.organization;
  if (scope === "filters") return true;
  // Off on a pinned server: nothing to refuse.
  if (scope === "environment") return false;
  if (typeof scope === "object" && scope.owner !== undefined) return true;
  const pinned = pinnedParam(tool);
  return Object.keys(tool.input.shape).some(
    (key) => key.endsWith("_id") && key !== pinned && !NOT_WORKOS_IDS.has(key),
  );
}

const refusals = Object.entries(CASES).flatMap(([name, cases]) =>
  cases.filter((c): c is Refusal => "args" in c).map((c) => [name, c.about, c] as const),
);
const narrowings = Object.entries(CASES).flatMap(([name, cases]) =>
  cases.filter((c): c is Narrowing => "check" in c).map((c) => [name, c.about, c] as const),
);
const pinnedByParam = tools.filter((tool) => pinnedParam(tool) !== undefined);

let h: Harness;
let f: Fixture;
beforeAll(async () => {
  h = await startHarness({ env: PINNED, emulator: { seed } });
  // Straight to the emulator, outside the pin.
  const first = async (route: string) =>
    ((await h.control("GET", route)) as { data: { id: string }[] }).data[0]?.id as string;
  const invited = (await h.control("POST", "/user_management/invitations", {
    email: "someone@nowhere.example",
  })) as { id: string };
  f = {
    globexDirectoryUser: await first(`/directory_users?directory=${globexAzure}&limit=1`),
    globexDirectoryGroup: await first(`/directory_groups?directory=${globexAzure}&limit=1`),
    nowhereInvitation: invited.id,
    globexGroup: await first(`/organizations/${globex}/groups?limit=1`),
  };
});
afterAll(() => h.close());

/** Calls with a clean request log, and returns the result with what reached WorkOS. */
async function callLogged(name: string, args: Record<string, unknown>, on: Harness = h) {
  await on.control("DELETE", "/_emulator/requests");
  const result = await on.call(name, args);
  return { result, requests: await on.requests() };
}

function expectRefused(result: CallToolResult): void {
  expect(result.isError, textOf(result)).toBe(true);
  expect(textOf(result)).toContain(`pinned to organization ${acme}`);
}

describe("a server pinned to Acme, every toolset on", () => {
  it("has a case for every tool that names an object or that the pin narrows, and no case for a tool gone", () => {
    const missing = tools.filter((tool) => needsCase(tool) && CASES[tool.name] === undefined);
    expect(missing.map((tool) => tool.name)).toEqual([]);
    const gone = Object.keys(CASES).filter((name) => !tools.some((tool) => tool.name === name));
    expect(gone).toEqual([]);
    // A tool that looks up an owner must be seen refusing, not only narrowing.
    const neverRefused = tools.filter(
      (tool) =>
        typeof tool.organization === "object" &&
        tool.organization.owner !== undefined &&
        !refusals.some(([name]) => name === tool.name),
    );
    expect(neverRefused.map((tool) => tool.name)).toEqual([]);
  });

  it("offers every tool but those that create or reach beyond an organization, and the fixture objects exist", async () => {
    const listed = (await h.mcp.listTools()).tools.map((tool) => tool.name);
    const expected = tools
      .filter((tool) => tool.organization !== "creates" && tool.organization !== "environment")
      .map((tool) => tool.name);
    expect(listed).toEqual(expected);
    expect(Object.values(f).every((id) => typeof id === "string" && id !== "")).toBe(true);
  });

  it.each(pinnedByParam.map((tool) => [tool.name, pinnedParam(tool) as string] as const))(
    "%s naming Globex in %s is refused before anything is sent",
    async (name, param) => {
      const { result, requests } = await callLogged(name, { [param]: globex });
      expectRefused(result);
      expect(requests).toEqual([]);
    },
  );

  it.each(refusals)("%s on %s is refused, having read only who owns it", async (name, _about, c) => {
    const { result, requests } = await callLogged(name, c.args(f));
    expectRefused(result);
    if (c.says !== undefined) expect(textOf(result)).toContain(c.says);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(c.lookups(f).map((p) => `GET ${p}`));
  });

  it.each(narrowings)("%s: %s", async (_name, _about, c) => {
    await h.control("DELETE", "/_emulator/requests");
    await c.check(h, f);
  });

  it("the same objects are there for a server that is not pinned (the refusals are the pin's)", async () => {
    const open = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "all" }, emulator: { seed } });
    try {
      expect((await open.call("get_user", { user_id: U.meiChen })).isError).toBeFalsy();
      const sessions = dataOf<{ id: string }[]>(
        await open.call("list_user_sessions", { user_id: U.janeDoe }),
      );
      expect(sessions.map((s) => s.id)).toEqual(
        expect.arrayContaining([EXTRA.janeGlobex, EXTRA.janeNowhere]),
      );
      const invitation = await open.call("get_invitation", { invitation_id: I.fooCorpAmara });
      expect(invitation.isError).toBeFalsy();
    } finally {
      await open.close();
    }
  });
});

describe("a Foo Corp user cannot be brought into Acme", () => {
  const zoe = U.zoeAhlberg;
  // Its own server: these tests change memberships, which the table above (in any order) must not see.
  let own: Harness;
  beforeAll(async () => {
    own = await startHarness({ env: PINNED, emulator: { seed } });
  });
  afterAll(() => own.close());
  beforeEach(() => own.control("POST", "/_emulator/reset"));

  /** Every user tool on Zoe is refused, and nothing is changed. */
  async function zoeUnreachable(): Promise<void> {
    for (const [name, args] of [
      ["get_user", { user_id: zoe }],
      ["list_user_sessions", { user_id: zoe }],
      ["update_user", { user_id: zoe, email: "zoe@attacker.example" }],
      ["revoke_session", { user_id: zoe, session_id: S.zoeLaptop }],
      ["delete_user", { user_id: zoe }],
    ] as const) {
      const { result, requests } = await callLogged(name, args, own);
      expectRefused(result);
      expect(
        requests.filter((r) => r.method !== "GET"),
        name,
      ).toEqual([]);
    }
  }

  it("create_organization_membership refuses her, and she stays out of reach", async () => {
    const { result, requests } = await callLogged(
      "create_organization_membership",
      {
        user_id: zoe,
        role_slug: "admin",
      },
      own,
    );
    expectRefused(result);
    expect(textOf(result)).toContain("send_invitation");
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
    await zoeUnreachable();
  });

  it("an inactive Acme membership made outside the pin does not make her Acme's", async () => {
    const made = (await own.control("POST", MEMBERSHIPS, { user_id: zoe, organization_id: acme })) as {
      id: string;
    };
    await own.control("PUT", `${MEMBERSHIPS}/${made.id}/deactivate`, {});
    await zoeUnreachable();
    // Adding her again would reactivate that membership.
    expectRefused((await callLogged("create_organization_membership", { user_id: zoe }, own)).result);
  });

  it("nor does a pending one (invited, not joined)", async () => {
    for (const [name, args] of [
      ["get_user", { user_id: U.joseNunez }],
      ["list_user_sessions", { user_id: U.joseNunez }],
      ["update_user", { user_id: U.joseNunez, first_name: "J" }],
    ] as const) {
      expectRefused((await callLogged(name, args, own)).result);
    }
  });

  it("an active one made outside the pin shows her as Acme's, but not her Foo Corp sessions or her account", async () => {
    await own.control("POST", MEMBERSHIPS, { user_id: zoe, organization_id: acme });
    expect((await own.call("get_user", { user_id: zoe })).isError).toBeFalsy();
    const sessions = await own.call("list_user_sessions", { user_id: zoe });
    expect(sessions.isError, textOf(sessions)).toBeFalsy();
    expect(dataOf<unknown[]>(sessions)).toEqual([]);
    // Her email and her account are hers in Foo Corp too.
    for (const [name, args] of [
      ["revoke_session", { user_id: zoe, session_id: S.zoeLaptop }],
      ["update_user", { user_id: zoe, email: "zoe@attacker.example" }],
      ["delete_user", { user_id: zoe }],
    ] as const) {
      const { result, requests } = await callLogged(name, args, own);
      expectRefused(result);
      expect(
        requests.filter((r) => r.method !== "GET"),
        name,
      ).toEqual([]);
    }
  });

  it("someone with a pending invitation to Acme can be added, and is then Acme's own", async () => {
    const olivia = "olivia.brown@gmail.com";
    expect((await own.call("send_invitation", { email: olivia })).isError).toBeFalsy();
    const added = await own.call("create_organization_membership", { user_id: U.oliviaBrown });
    expect(added.isError, textOf(added)).toBeFalsy();
    const renamed = await own.call("update_user", { user_id: U.oliviaBrown, first_name: "Liv" });
    expect(renamed.isError, textOf(renamed)).toBeFalsy();
  });
});

describe("a read-only server pinned to Acme", () => {
  it("lists an Acme member's Acme sessions only", async () => {
    const readOnly = await startHarness({
      env: { ...PINNED, WORKOS_MCP_READ_ONLY: "true" },
      emulator: { seed },
    });
    try {
      const listed = await readOnly.call("list_user_sessions", { user_id: U.janeDoe, limit: 1 });
      const ids = dataOf<{ id: string }[]>(listed).map((s) => s.id);
      expect(ids).toHaveLength(1);
      expect([S.janeLaptop, S.janePhone]).toContain(ids[0]);
      const all = dataOf<{ organization_id: string }[]>(
        await readOnly.call("list_user_sessions", { user_id: U.janeDoe, limit: 100, detail: "full" }),
      );
      expect(all.map((s) => s.organization_id)).toEqual([acme, acme]);
    } finally {
      await readOnly.close();
    }
  });
});
