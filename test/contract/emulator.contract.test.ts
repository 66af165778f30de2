import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { assertMatchesSpec, type HttpMethod } from "../support/openapi.js";
import { type ContractCase, EMISC_CASES, type Prepared } from "./emisc-cases.js";
import { NO_CLIENT_ERROR, OPERATIONS, WITHOUT_API_KEY } from "./operations.js";

/** Ids discovered from the demo seed's list responses (never hard-coded). */
interface Ids {
  org: string;
  /** An organization with a custom role, and that role's slug. */
  roleOrg: string;
  customRole: string;
  /** A pending domain (of `org`'s kind: in the organization's domains) and a verified one. */
  pendingDomain: string;
  pendingDomainName: string;
  verifiedDomain: string;
  orgName: string;
  orgDomain: string;
  orgCursor: string;
  conn: string;
  connType: string;
  dir: string;
  dirName: string;
  user: string;
  userEmail: string;
  group: string;
  externalId: string;
  /** AuthKit: a user with an active membership and an active session, and its membership's organization. */
  authUser: string;
  authUserEmail: string;
  authOrg: string;
  membership: string;
  /** A pending membership (an open invitation to an existing user). */
  pendingMembership: string;
  pendingUser: string;
  pendingOrg: string;
  invitation: string;
  invitationEmail: string;
  session: string;
}

interface Row {
  method: HttpMethod;
  /** The spec's path template; the response is validated against its schema. */
  template: string;
  /** Why this row exists; part of the test title. */
  note: string;
  path: (ids: Ids) => string;
  query?: (ids: Ids) => Record<string, string>;
  body?: (ids: Ids) => unknown;
  rawBody?: string;
  headers?: Record<string, string> | (() => Record<string, string>);
  auth?: "wrong" | "none";
  /** Runs after the reset and before the request; may override ids (e.g. a freshly created org). */
  setup?: (ids: Ids) => Promise<Partial<Ids>>;
  status: number | readonly number[];
  /** The list must hold items, so item schemas are really exercised. */
  nonEmpty?: boolean;
  /** Event types that must all appear in the returned page, so each event schema is exercised. */
  eventTypes?: readonly string[];
}

interface Sent {
  status: number;
  contentType: string | null;
  bodyText: string;
  location?: string | null;
}

const UNKNOWN = {
  org: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  conn: "conn_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  dir: "directory_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  user: "directory_user_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  group: "directory_group_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  authUser: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  membership: "om_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  invitation: "invitation_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  session: "session_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  domain: "org_domain_01JZZZZZZZZZZZZZZZZZZZZZZZ",
};

interface Target {
  url: string;
  apiKey: string;
}

let main: Target = { url: "http://127.0.0.1:1", apiKey: "" };
let close: (() => Promise<void>) | undefined;
let discovered: Ids | undefined;

async function send(
  method: HttpMethod,
  path: string,
  options: {
    query?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    auth?: "wrong" | "none";
    target?: Target;
  } = {},
): Promise<Sent> {
  const { url: baseUrl, apiKey } = options.target ?? main;
  const url = new URL(path, baseUrl);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  // A row may present its own bearer token (GET /sso/profile takes the profile's access token).
  if (options.auth !== "none" && headers.authorization === undefined) {
    headers.authorization = `Bearer ${options.auth === "wrong" ? "sk_test_wrong_key" : apiKey}`;
  }
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, {
    method,
    headers,
    redirect: "manual",
    ...(payload === undefined ? {} : { body: payload }),
  });
  if (res.status >= 300 && res.status < 400) {
    return {
      status: res.status,
      contentType: res.headers.get("content-type"),
      bodyText: await res.text(),
      location: res.headers.get("location"),
    };
  }
  return { status: res.status, contentType: res.headers.get("content-type"), bodyText: await res.text() };
}

async function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const res = await send("GET", path, { query });
  if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}: ${res.bodyText}`);
  return JSON.parse(res.bodyText) as T;
}

/** A setup step: sends a request that must succeed (or redirect), so rows never pass on a half-built state. */
async function must(
  method: HttpMethod,
  path: string,
  options: Parameters<typeof send>[2] = {},
): Promise<Sent> {
  const res = await send(method, path, options);
  if (res.status >= 400) throw new Error(`setup ${method} ${path} -> ${res.status}: ${res.bodyText}`);
  return res;
}

async function create(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await must("POST", "/organizations", { body });
  return JSON.parse(res.bodyText) as { id: string };
}

interface ListOf<T> {
  data: T[];
}

function first<T>(items: T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the demo seed has no ${what}`);
  return item;
}

/** The first organization with a role of its own (an OrganizationRole), and that role. */
async function customRole(orgs: { id: string }[]): Promise<{ org: string; slug: string }> {
  for (const org of orgs) {
    const roles = await getJson<ListOf<{ slug: string; type: string }>>(
      `/authorization/organizations/${org.id}/roles`,
    );
    const custom = roles.data.find((role) => role.type === "OrganizationRole");
    if (custom) return { org: org.id, slug: custom.slug };
  }
  throw new Error("the demo seed has no organization role");
}

async function discoverIds(): Promise<Ids> {
  type Org = { id: string; name: string; domains: { id: string; domain: string; state: string }[] };
  const orgs = (await getJson<ListOf<Org>>("/organizations", { limit: "100" })).data;
  const conns = (
    await getJson<ListOf<{ id: string; organization_id?: string; connection_type: string }>>("/connections", {
      limit: "100",
    })
  ).data;
  const dirs = (
    await getJson<ListOf<{ id: string; name: string; organization_id: string }>>("/directories", {
      limit: "100",
    })
  ).data;
  // A user that belongs to a group makes both the ?group= and ?user= filters non-vacuous.
  for (const dir of dirs) {
    const users = (
      await getJson<ListOf<{ id: string; email: string | null }>>("/directory_users", {
        directory: dir.id,
        limit: "100",
      })
    ).data;
    for (const user of users) {
      const groups = (await getJson<ListOf<{ id: string }>>("/directory_groups", { user: user.id })).data;
      const group = groups[0];
      if (group === undefined) continue;
      const org =
        orgs.find((o) => o.id === dir.organization_id && o.domains.length > 0) ?? first(orgs, "org");
      const conn = conns.find((c) => c.organization_id === org.id) ?? first(conns, "connection");
      const domains = orgs.flatMap((o) => o.domains);
      const pending = domains.find((d) => d.state === "pending");
      const verified = domains.find((d) => d.state === "verified");
      const role = await customRole(orgs);
      return {
        ...(await discoverAuthKit()),
        roleOrg: role.org,
        customRole: role.slug,
        pendingDomain: pending?.id ?? "",
        pendingDomainName: pending?.domain ?? "",
        verifiedDomain: verified?.id ?? "",
        org: org.id,
        orgName: org.name,
        orgDomain: first(org.domains, "organization domain").domain,
        orgCursor: first(orgs, "organization").id,
        conn: conn.id,
        connType: conn.connection_type,
        dir: dir.id,
        dirName: dir.name,
        user: user.id,
        userEmail: user.email ?? "",
        group: group.id,
        externalId: "",
      };
    }
  }
  throw new Error("the demo seed has no directory user that belongs to a group");
}

type AuthKitIds = Pick<
  Ids,
  | "authUser"
  | "authUserEmail"
  | "authOrg"
  | "membership"
  | "pendingMembership"
  | "pendingUser"
  | "pendingOrg"
  | "invitation"
  | "invitationEmail"
  | "session"
>;

async function discoverAuthKit(): Promise<AuthKitIds> {
  type Membership = { id: string; user_id: string; organization_id: string; status: string };
  const users = (
    await getJson<ListOf<{ id: string; email: string }>>("/user_management/users", { limit: "100" })
  ).data;
  let pending: Membership | undefined;
  let found:
    | Omit<AuthKitIds, "pendingMembership" | "pendingUser" | "pendingOrg" | "invitation" | "invitationEmail">
    | undefined;
  for (const user of users) {
    const memberships = (
      await getJson<ListOf<Membership>>("/user_management/organization_memberships", {
        user_id: user.id,
        statuses: "active,inactive,pending",
      })
    ).data;
    pending ??= memberships.find((m) => m.status === "pending");
    const active = memberships.find((m) => m.status === "active");
    const sessions = (await getJson<ListOf<{ id: string }>>(`/user_management/users/${user.id}/sessions`))
      .data;
    if (!found && active && sessions[0]) {
      found = {
        authUser: user.id,
        authUserEmail: user.email,
        authOrg: active.organization_id,
        membership: active.id,
        session: sessions[0].id,
      };
    }
  }
  type Invitation = { id: string; email: string; state: string };
  const invitations = (await getJson<ListOf<Invitation>>("/user_management/invitations", { limit: "100" }))
    .data;
  const invitation = invitations.find((i) => i.state === "pending");
  if (!found || !pending || !invitation) {
    throw new Error("the demo seed lacks a signed-in member, a pending membership or a pending invitation");
  }
  return {
    ...found,
    pendingMembership: pending.id,
    pendingUser: pending.user_id,
    pendingOrg: pending.organization_id,
    invitation: invitation.id,
    invitationEmail: invitation.email,
  };
}

async function createUser(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await must("POST", "/user_management/users", { body });
  return JSON.parse(res.bodyText) as { id: string };
}

const LIST_ENDPOINTS: { template: string; query: (ids: Ids) => Record<string, string> }[] = [
  { template: "/organizations", query: () => ({}) },
  { template: "/connections", query: () => ({}) },
  { template: "/directories", query: () => ({}) },
  { template: "/directory_users", query: (ids) => ({ directory: ids.dir }) },
  { template: "/directory_groups", query: (ids) => ({ directory: ids.dir }) },
  { template: "/events", query: () => ({ events: "organization.created" }) },
  { template: "/user_management/users", query: () => ({}) },
  {
    template: "/user_management/organization_memberships",
    query: (ids) => ({ organization_id: ids.authOrg }),
  },
  { template: "/user_management/invitations", query: () => ({}) },
];

const PATH_IDS: Record<string, (ids: Ids) => string> = {
  "/user_management/users/": (ids) => ids.authUser,
  "/user_management/organization_memberships/": (ids) => ids.membership,
  "/user_management/invitations/": (ids) => ids.invitation,
  "/organization_domains/": (ids) => ids.verifiedDomain,
  "/connections/": (ids) => ids.conn,
  "/organizations/": (ids) => ids.org,
  "/directories/": (ids) => ids.dir,
  "/directory_users/": (ids) => ids.user,
  "/directory_groups/": (ids) => ids.group,
};

/** Fills a path template with the discovered id of its resource. */
function fill(template: string, ids: Ids): string {
  const prefix = Object.keys(PATH_IDS).find((p) => template.startsWith(p));
  const id = prefix === undefined ? "" : (PATH_IDS[prefix]?.(ids) ?? "");
  return template
    .replace("{id}", id || "contract-any-id")
    .replace("{external_id}", "contract-any-external-id")
    .replace("{organizationId}", ids.roleOrg)
    .replace("{slug}", ids.customRole)
    .replace(/\{[^}]+\}/g, "contract-any-value");
}

/** A case kept as data in emisc-cases.ts, as a row: what its `prepare` made feeds its path and body. */
function caseRow(c: ContractCase): Row {
  let prepared: Prepared = {};
  const json = async (method: HttpMethod, path: string, body?: unknown) => {
    const res = await must(method, path, body === undefined ? {} : { body });
    if (res.location) return { location: res.location, apiKey: main.apiKey };
    const parsed = (res.bodyText === "" ? {} : JSON.parse(res.bodyText)) as Record<string, unknown>;
    return { ...parsed, apiKey: main.apiKey };
  };
  const { query, body, headers } = c;
  return {
    method: c.method,
    template: c.template,
    note: c.note,
    status: c.status,
    ...(c.nonEmpty ? { nonEmpty: true } : {}),
    setup: async () => {
      prepared = (await c.prepare?.(json)) ?? {};
      return {};
    },
    path: () => c.path(prepared),
    ...(query ? { query: () => query } : {}),
    ...(body ? { body: () => body(prepared) } : {}),
    ...(headers ? { headers: () => headers(prepared) } : {}),
  };
}

const orgWithExternalId = async (): Promise<Partial<Ids>> => {
  await create({ name: "Contract External", external_id: "contract-ext-1" });
  return { externalId: "contract-ext-1" };
};

const rows: Row[] = [
  // Connections
  {
    method: "GET",
    template: "/connections",
    note: "list",
    path: () => "/connections",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/connections",
    note: "filtered by organization_id and connection_type",
    path: () => "/connections",
    query: (ids) => ({ organization_id: ids.org, connection_type: ids.connType }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/connections",
    note: "limit=1 order=asc",
    path: () => "/connections",
    query: () => ({ limit: "1", order: "asc" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/connections/{id}",
    note: "get",
    path: (ids) => `/connections/${ids.conn}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/connections/{id}",
    note: "unknown id",
    path: () => `/connections/${UNKNOWN.conn}`,
    status: 404,
  },
  {
    method: "DELETE",
    template: "/connections/{id}",
    note: "delete",
    path: (ids) => `/connections/${ids.conn}`,
    status: [200, 204],
  },
  {
    method: "DELETE",
    template: "/connections/{id}",
    note: "unknown id",
    path: () => `/connections/${UNKNOWN.conn}`,
    status: 404,
  },

  // Organizations
  {
    method: "GET",
    template: "/organizations",
    note: "list",
    path: () => "/organizations",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/organizations",
    note: "limit=1 after cursor",
    path: () => "/organizations",
    query: (ids) => ({ limit: "1", after: ids.orgCursor }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/organizations",
    note: "order=asc before cursor",
    path: () => "/organizations",
    query: (ids) => ({ order: "asc", before: ids.orgCursor }),
    status: 200,
  },
  {
    method: "GET",
    template: "/organizations",
    note: "filtered by domains",
    path: () => "/organizations",
    query: (ids) => ({ domains: ids.orgDomain }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/organizations",
    note: "search by name",
    path: () => "/organizations",
    query: (ids) => ({ search: ids.orgName }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "create with domain_data, metadata, external_id",
    path: () => "/organizations",
    body: () => ({
      name: "Contract Co",
      domain_data: [{ domain: "contract-co.test", state: "verified" }],
      metadata: { tier: "gold" },
      external_id: "contract-co",
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "duplicate external_id",
    path: () => "/organizations",
    setup: orgWithExternalId,
    body: (ids) => ({ name: "Duplicate", external_id: ids.externalId }),
    status: 400,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "invalid metadata (value over 600 chars)",
    path: () => "/organizations",
    body: () => ({ name: "Bad Metadata", metadata: { note: "x".repeat(601) } }),
    status: 400,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "missing name",
    path: () => "/organizations",
    body: () => ({ metadata: {} }),
    status: 422,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "domain already used by another organization",
    path: () => "/organizations",
    body: (ids) => ({ name: "Domain Thief", domain_data: [{ domain: ids.orgDomain, state: "verified" }] }),
    status: 409,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "invalid JSON body",
    path: () => "/organizations",
    rawBody: '{"name": ',
    status: 422,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "Idempotency-Key replay",
    path: () => "/organizations",
    setup: async () => {
      await must("POST", "/organizations", {
        body: { name: "Once" },
        headers: { "idempotency-key": "contract-k1" },
      });
      return {};
    },
    headers: { "idempotency-key": "contract-k1" },
    body: () => ({ name: "Once" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "Idempotency-Key reused with another body",
    path: () => "/organizations",
    setup: async () => {
      await must("POST", "/organizations", {
        body: { name: "Once" },
        headers: { "idempotency-key": "contract-k2" },
      });
      return {};
    },
    headers: { "idempotency-key": "contract-k2" },
    body: () => ({ name: "Twice" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/organizations",
    note: "body over 1 MiB",
    path: () => "/organizations",
    body: () => ({ name: "x".repeat(1024 * 1024 + 1) }),
    status: 413,
  },
  {
    method: "GET",
    template: "/organizations/{id}",
    note: "get",
    path: (ids) => `/organizations/${ids.org}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/organizations/{id}",
    note: "unknown id",
    path: () => `/organizations/${UNKNOWN.org}`,
    status: 404,
  },
  {
    method: "GET",
    template: "/organizations/external_id/{external_id}",
    note: "get by external_id",
    path: (ids) => `/organizations/external_id/${ids.externalId}`,
    setup: orgWithExternalId,
    status: 200,
  },
  {
    method: "GET",
    template: "/organizations/external_id/{external_id}",
    note: "unknown external_id",
    path: () => "/organizations/external_id/contract-no-such-external-id",
    status: 404,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "update name, metadata, domain_data",
    path: (ids) => `/organizations/${ids.org}`,
    body: (ids) => ({
      name: "Renamed Co",
      metadata: { tier: "silver" },
      domain_data: [{ domain: ids.orgDomain, state: "verified" }],
    }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "unknown id",
    path: () => `/organizations/${UNKNOWN.org}`,
    body: () => ({ name: "Nobody" }),
    status: 404,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "invalid metadata (51 keys)",
    path: (ids) => `/organizations/${ids.org}`,
    body: () => ({ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "external_id used by another organization",
    path: (ids) => `/organizations/${ids.org}`,
    setup: orgWithExternalId,
    body: (ids) => ({ external_id: ids.externalId }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "domain already used by another organization",
    path: (ids) => `/organizations/${ids.org}`,
    setup: async () => {
      await create({
        name: "Domain Owner",
        domain_data: [{ domain: "contract-owned.test", state: "verified" }],
      });
      return {};
    },
    body: () => ({ domain_data: [{ domain: "contract-owned.test", state: "verified" }] }),
    status: 409,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "stripe_customer_id used by another organization",
    path: (ids) => `/organizations/${ids.org}`,
    setup: async () => {
      const { id } = await create({ name: "Stripe Owner" });
      await must("PUT", `/organizations/${id}`, { body: { stripe_customer_id: "cus_contract" } });
      return {};
    },
    body: () => ({ stripe_customer_id: "cus_contract" }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/organizations/{id}",
    note: "invalid JSON body",
    path: (ids) => `/organizations/${ids.org}`,
    rawBody: "{not json",
    status: 422,
  },
  {
    method: "PATCH",
    template: "/organizations/{id}",
    note: "method not allowed",
    path: (ids) => `/organizations/${ids.org}`,
    body: () => ({ name: "Patched" }),
    status: 405,
  },
  {
    method: "DELETE",
    template: "/organizations/{id}",
    note: "delete",
    path: (ids) => `/organizations/${ids.org}`,
    status: [200, 202],
  },
  {
    method: "DELETE",
    template: "/organizations/{id}",
    note: "unknown id",
    path: () => `/organizations/${UNKNOWN.org}`,
    status: 404,
  },

  // Admin Portal
  {
    method: "POST",
    template: "/portal/generate_link",
    note: "sso link",
    path: () => "/portal/generate_link",
    body: (ids) => ({ organization: ids.org, intent: "sso", return_url: "https://example.test/back" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/portal/generate_link",
    note: "unknown organization",
    path: () => "/portal/generate_link",
    body: () => ({ organization: UNKNOWN.org, intent: "sso" }),
    status: 404,
  },
  {
    method: "POST",
    template: "/portal/generate_link",
    note: "unknown intent",
    path: () => "/portal/generate_link",
    body: (ids) => ({ organization: ids.org, intent: "not_an_intent" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/portal/generate_link",
    note: "invalid JSON body",
    path: () => "/portal/generate_link",
    rawBody: '{"organization": ',
    status: 422,
  },

  // Directories
  {
    method: "GET",
    template: "/directories",
    note: "list",
    path: () => "/directories",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directories",
    note: "filtered by organization_id and search, limit=1",
    path: () => "/directories",
    query: (ids) => ({ organization_id: ids.org, search: ids.dirName, limit: "1" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directories/{id}",
    note: "get",
    path: (ids) => `/directories/${ids.dir}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/directories/{id}",
    note: "unknown id",
    path: () => `/directories/${UNKNOWN.dir}`,
    status: 404,
  },
  {
    method: "DELETE",
    template: "/directories/{id}",
    note: "delete",
    path: (ids) => `/directories/${ids.dir}`,
    status: [200, 202],
  },
  {
    method: "DELETE",
    template: "/directories/{id}",
    note: "unknown id",
    path: () => `/directories/${UNKNOWN.dir}`,
    status: 404,
  },

  // Directory users
  {
    method: "GET",
    template: "/directory_users",
    note: "filtered by directory",
    path: () => "/directory_users",
    query: (ids) => ({ directory: ids.dir }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directory_users",
    note: "filtered by group, limit=1 order=asc",
    path: () => "/directory_users",
    query: (ids) => ({ group: ids.group, limit: "1", order: "asc" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directory_users",
    note: "filtered by directory and email",
    path: () => "/directory_users",
    query: (ids) => ({ directory: ids.dir, email: ids.userEmail }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directory_users",
    note: "no directory or group filter",
    path: () => "/directory_users",
    status: 422,
  },
  {
    method: "GET",
    template: "/directory_users",
    note: "idp_id without directory",
    path: () => "/directory_users",
    query: () => ({ idp_id: "contract-idp" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/directory_users",
    note: "unknown directory",
    path: () => "/directory_users",
    query: () => ({ directory: UNKNOWN.dir }),
    status: 404,
  },
  {
    method: "GET",
    template: "/directory_users/{id}",
    note: "get",
    path: (ids) => `/directory_users/${ids.user}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/directory_users/{id}",
    note: "unknown id",
    path: () => `/directory_users/${UNKNOWN.user}`,
    status: 404,
  },

  // Directory groups
  {
    method: "GET",
    template: "/directory_groups",
    note: "filtered by directory",
    path: () => "/directory_groups",
    query: (ids) => ({ directory: ids.dir }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directory_groups",
    note: "filtered by user, limit=1",
    path: () => "/directory_groups",
    query: (ids) => ({ user: ids.user, limit: "1" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/directory_groups",
    note: "no directory or user filter",
    path: () => "/directory_groups",
    status: 422,
  },
  {
    method: "GET",
    template: "/directory_groups/{id}",
    note: "get",
    path: (ids) => `/directory_groups/${ids.group}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/directory_groups/{id}",
    note: "unknown id",
    path: () => `/directory_groups/${UNKNOWN.group}`,
    status: 404,
  },

  // Events
  {
    method: "GET",
    template: "/events",
    note: "organization events after create, update, delete",
    path: () => "/events",
    setup: async () => {
      const { id } = await create({ name: "Evented Co", metadata: { a: "b" } });
      await must("PUT", `/organizations/${id}`, { body: { name: "Evented Co 2" } });
      await must("DELETE", `/organizations/${id}`);
      return {};
    },
    query: () => ({
      events: "organization.created,organization.updated,organization.deleted",
      limit: "10",
      order: "asc",
    }),
    status: 200,
    eventTypes: ["organization.created", "organization.updated", "organization.deleted"],
  },
  {
    method: "GET",
    template: "/events",
    note: "connection and directory events after deletes",
    path: () => "/events",
    setup: async (ids) => {
      await must("DELETE", `/connections/${ids.conn}`);
      await must("DELETE", `/directories/${ids.dir}`);
      return {};
    },
    query: () => ({ events: "connection.deleted,dsync.deleted" }),
    status: 200,
    eventTypes: ["connection.deleted", "dsync.deleted"],
  },
  {
    method: "GET",
    template: "/events",
    note: "filtered by organization_id after an update",
    path: () => "/events",
    setup: async (ids) => {
      await must("PUT", `/organizations/${ids.org}`, { body: { name: "Evented Again" } });
      return {};
    },
    query: (ids) => ({ events: "organization.updated", organization_id: ids.org }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/events",
    note: "no events filter (optional in the spec)",
    path: () => "/events",
    status: 200,
  },
  {
    method: "GET",
    template: "/events",
    note: "unknown event type",
    path: () => "/events",
    query: () => ({ events: "not.a_real_event" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/events",
    note: "range_start is not a timestamp",
    path: () => "/events",
    query: () => ({ events: "organization.created", range_start: "yesterday" }),
    status: [400, 422],
  },

  // AuthKit users
  {
    method: "GET",
    template: "/user_management/users",
    note: "list",
    path: () => "/user_management/users",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users",
    note: "filtered by organization_id",
    path: () => "/user_management/users",
    query: (ids) => ({ organization_id: ids.authOrg }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users",
    note: "filtered by email",
    path: () => "/user_management/users",
    query: (ids) => ({ email: ids.authUserEmail }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users",
    note: "unknown organization_id",
    path: () => "/user_management/users",
    query: () => ({ organization_id: UNKNOWN.org }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/users",
    note: "create with names, external_id and metadata",
    path: () => "/user_management/users",
    body: () => ({
      email: "contract.user@example.com",
      first_name: "Contract",
      last_name: "User",
      email_verified: true,
      external_id: "contract-user-1",
      metadata: { team: "qa" },
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/users",
    note: "email already used",
    path: () => "/user_management/users",
    body: (ids) => ({ email: ids.authUserEmail }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users",
    note: "invalid metadata (value over 600 chars)",
    path: () => "/user_management/users",
    body: () => ({ email: "meta@example.com", metadata: { note: "x".repeat(601) } }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users",
    note: "password and password_hash together",
    path: () => "/user_management/users",
    body: () => ({ email: "pw@example.com", password: "correct horse", password_hash: "$2b$10$abc" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users",
    note: "missing email",
    path: () => "/user_management/users",
    body: () => ({ first_name: "Nobody" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}",
    note: "get",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}",
    note: "unknown id",
    path: () => `/user_management/users/${UNKNOWN.authUser}`,
    status: 404,
  },
  {
    method: "GET",
    template: "/user_management/users/external_id/{external_id}",
    note: "get by external_id",
    path: () => "/user_management/users/external_id/contract-ext-user",
    setup: async () => {
      await createUser({ email: "ext@example.com", external_id: "contract-ext-user" });
      return {};
    },
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/users/external_id/{external_id}",
    note: "unknown external_id",
    path: () => "/user_management/users/external_id/contract-no-such-user",
    status: 404,
  },
  {
    method: "PUT",
    template: "/user_management/users/{id}",
    note: "update names, email_verified, metadata",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    body: () => ({
      first_name: "Renamed",
      email_verified: true,
      metadata: { tier: "gold" },
      locale: "en-US",
    }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/users/{id}",
    note: "email used by another user",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    setup: async () => {
      await createUser({ email: "taken@example.com" });
      return {};
    },
    body: () => ({ email: "taken@example.com" }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/user_management/users/{id}",
    note: "external_id used by another user",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    setup: async () => {
      await createUser({ email: "holder@example.com", external_id: "contract-held" });
      return {};
    },
    body: () => ({ external_id: "contract-held" }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/user_management/users/{id}",
    note: "email_verified not a boolean",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    body: () => ({ email_verified: "yes" }),
    status: 422,
  },
  {
    method: "PUT",
    template: "/user_management/users/{id}",
    note: "unknown id",
    path: () => `/user_management/users/${UNKNOWN.authUser}`,
    body: () => ({ first_name: "Nobody" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/user_management/users/{id}",
    note: "delete",
    path: (ids) => `/user_management/users/${ids.authUser}`,
    status: 200,
  },
  {
    method: "DELETE",
    template: "/user_management/users/{id}",
    note: "unknown id",
    path: () => `/user_management/users/${UNKNOWN.authUser}`,
    status: 404,
  },

  // Organization memberships
  {
    method: "GET",
    template: "/user_management/organization_memberships",
    note: "filtered by organization_id",
    path: () => "/user_management/organization_memberships",
    query: (ids) => ({ organization_id: ids.authOrg }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships",
    note: "filtered by user_id and every status",
    path: () => "/user_management/organization_memberships",
    query: (ids) => ({ user_id: ids.pendingUser, statuses: "active,inactive,pending" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships",
    note: "neither user_id nor organization_id",
    path: () => "/user_management/organization_memberships",
    status: 400,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships",
    note: "unknown status",
    path: () => "/user_management/organization_memberships",
    query: (ids) => ({ organization_id: ids.authOrg, statuses: "suspended" }),
    status: 400,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships",
    note: "unknown organization",
    path: () => "/user_management/organization_memberships",
    query: () => ({ organization_id: UNKNOWN.org }),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "create with a role",
    path: () => "/user_management/organization_memberships",
    setup: async () => ({ authUser: (await createUser({ email: "joiner@example.com" })).id }),
    body: (ids) => ({ user_id: ids.authUser, organization_id: ids.authOrg, role_slug: "admin" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "reactivates an inactive membership",
    path: () => "/user_management/organization_memberships",
    setup: async (ids) => {
      await must("PUT", `/user_management/organization_memberships/${ids.membership}/deactivate`, {
        body: {},
      });
      return {};
    },
    body: (ids) => ({ user_id: ids.authUser, organization_id: ids.authOrg }),
    status: [200, 201],
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "already an active member",
    path: () => "/user_management/organization_memberships",
    body: (ids) => ({ user_id: ids.authUser, organization_id: ids.authOrg }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "pending membership",
    path: () => "/user_management/organization_memberships",
    body: (ids) => ({ user_id: ids.pendingUser, organization_id: ids.pendingOrg }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "invalid role slug",
    path: () => "/user_management/organization_memberships",
    setup: async () => ({ authUser: (await createUser({ email: "badrole@example.com" })).id }),
    body: (ids) => ({ user_id: ids.authUser, organization_id: ids.authOrg, role_slug: "Not A Role!" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/organization_memberships",
    note: "unknown user",
    path: () => "/user_management/organization_memberships",
    body: (ids) => ({ user_id: UNKNOWN.authUser, organization_id: ids.authOrg }),
    status: 404,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships/{id}",
    note: "get",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/organization_memberships/{id}",
    note: "unknown id",
    path: () => `/user_management/organization_memberships/${UNKNOWN.membership}`,
    status: 404,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}",
    note: "change the role",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}`,
    body: () => ({ role_slug: "admin" }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}",
    note: "two roles without Multiple Roles",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}`,
    body: () => ({ role_slugs: ["admin", "member"] }),
    status: 422,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}",
    note: "unknown id",
    path: () => `/user_management/organization_memberships/${UNKNOWN.membership}`,
    body: () => ({ role_slug: "admin" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/user_management/organization_memberships/{id}",
    note: "delete",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}`,
    status: 200,
  },
  {
    method: "DELETE",
    template: "/user_management/organization_memberships/{id}",
    note: "unknown id",
    path: () => `/user_management/organization_memberships/${UNKNOWN.membership}`,
    status: 404,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/deactivate",
    note: "deactivate",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}/deactivate`,
    body: () => ({}),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/deactivate",
    note: "pending membership",
    path: (ids) => `/user_management/organization_memberships/${ids.pendingMembership}/deactivate`,
    body: () => ({}),
    status: 400,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/deactivate",
    note: "unknown id",
    path: () => `/user_management/organization_memberships/${UNKNOWN.membership}/deactivate`,
    body: () => ({}),
    status: 404,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/reactivate",
    note: "reactivate",
    path: (ids) => `/user_management/organization_memberships/${ids.membership}/reactivate`,
    setup: async (ids) => {
      await must("PUT", `/user_management/organization_memberships/${ids.membership}/deactivate`, {
        body: {},
      });
      return {};
    },
    body: () => ({}),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/reactivate",
    note: "pending membership",
    path: (ids) => `/user_management/organization_memberships/${ids.pendingMembership}/reactivate`,
    body: () => ({}),
    status: 400,
  },
  {
    method: "PUT",
    template: "/user_management/organization_memberships/{id}/reactivate",
    note: "unknown id",
    path: () => `/user_management/organization_memberships/${UNKNOWN.membership}/reactivate`,
    body: () => ({}),
    status: 404,
  },

  // Invitations
  {
    method: "GET",
    template: "/user_management/invitations",
    note: "list",
    path: () => "/user_management/invitations",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/invitations",
    note: "filtered by email",
    path: () => "/user_management/invitations",
    query: (ids) => ({ email: ids.invitationEmail }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/invitations",
    note: "filtered by organization_id",
    path: () => "/user_management/invitations",
    query: (ids) => ({ organization_id: ids.authOrg }),
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/invitations",
    note: "email is not an email address",
    path: () => "/user_management/invitations",
    query: () => ({ email: "not-an-email" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "send to an organization with a role and expiry",
    path: () => "/user_management/invitations",
    body: (ids) => ({
      email: "invitee@example.com",
      organization_id: ids.authOrg,
      role_slug: "admin",
      expires_in_days: 3,
      inviter_user_id: ids.authUser,
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "already invited",
    path: () => "/user_management/invitations",
    setup: async (ids) => {
      await must("POST", "/user_management/invitations", {
        body: { email: "twice@example.com", organization_id: ids.authOrg },
      });
      return {};
    },
    body: (ids) => ({ email: "twice@example.com", organization_id: ids.authOrg }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "already a member",
    path: () => "/user_management/invitations",
    body: (ids) => ({ email: ids.authUserEmail, organization_id: ids.authOrg }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "expires_in_days over 30",
    path: () => "/user_management/invitations",
    body: () => ({ email: "late@example.com", expires_in_days: 31 }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "unknown organization",
    path: () => "/user_management/invitations",
    body: () => ({ email: "lost@example.com", organization_id: UNKNOWN.org }),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/invitations",
    note: "missing email",
    path: () => "/user_management/invitations",
    body: () => ({}),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/invitations/{id}",
    note: "get",
    path: (ids) => `/user_management/invitations/${ids.invitation}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/invitations/{id}",
    note: "unknown id",
    path: () => `/user_management/invitations/${UNKNOWN.invitation}`,
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/resend",
    note: "resend",
    path: (ids) => `/user_management/invitations/${ids.invitation}/resend`,
    body: () => ({}),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/resend",
    note: "revoked invitation",
    path: (ids) => `/user_management/invitations/${ids.invitation}/resend`,
    setup: async (ids) => {
      await must("POST", `/user_management/invitations/${ids.invitation}/revoke`);
      return {};
    },
    body: () => ({}),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/resend",
    note: "unknown id",
    path: () => `/user_management/invitations/${UNKNOWN.invitation}/resend`,
    body: () => ({}),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/revoke",
    note: "revoke",
    path: (ids) => `/user_management/invitations/${ids.invitation}/revoke`,
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/revoke",
    note: "already revoked",
    path: (ids) => `/user_management/invitations/${ids.invitation}/revoke`,
    setup: async (ids) => {
      await must("POST", `/user_management/invitations/${ids.invitation}/revoke`);
      return {};
    },
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/revoke",
    note: "unknown id",
    path: () => `/user_management/invitations/${UNKNOWN.invitation}/revoke`,
    status: 404,
  },

  // Sessions
  {
    method: "GET",
    template: "/user_management/users/{id}/sessions",
    note: "list a user's active sessions",
    path: (ids) => `/user_management/users/${ids.authUser}/sessions`,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}/sessions",
    note: "limit=1 order=asc",
    path: (ids) => `/user_management/users/${ids.authUser}/sessions`,
    query: () => ({ limit: "1", order: "asc" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}/sessions",
    note: "limit=0",
    path: (ids) => `/user_management/users/${ids.authUser}/sessions`,
    query: () => ({ limit: "0" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}/sessions",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN.authUser}/sessions`,
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/sessions/revoke",
    note: "revoke",
    path: () => "/user_management/sessions/revoke",
    body: (ids) => ({ session_id: ids.session }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/sessions/revoke",
    note: "unknown session",
    path: () => "/user_management/sessions/revoke",
    body: () => ({ session_id: UNKNOWN.session }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/sessions/revoke",
    note: "missing session_id",
    path: () => "/user_management/sessions/revoke",
    body: () => ({}),
    status: 400,
  },
  {
    method: "GET",
    template: "/events",
    note: "AuthKit events after user, membership, invitation and session changes",
    path: () => "/events",
    setup: async (ids) => {
      const { id } = await createUser({ email: "evented@example.com" });
      await must("PUT", `/user_management/users/${id}`, { body: { first_name: "Evented" } });
      const membership = await must("POST", "/user_management/organization_memberships", {
        body: { user_id: id, organization_id: ids.authOrg },
      });
      const om = (JSON.parse(membership.bodyText) as { id: string }).id;
      await must("PUT", `/user_management/organization_memberships/${om}/deactivate`, { body: {} });
      await must("DELETE", `/user_management/organization_memberships/${om}`);
      await must("POST", `/user_management/invitations/${ids.invitation}/resend`, { body: {} });
      await must("POST", `/user_management/invitations/${ids.invitation}/revoke`);
      await must("POST", "/user_management/invitations", { body: { email: "evented.invitee@example.com" } });
      await must("POST", "/user_management/sessions/revoke", { body: { session_id: ids.session } });
      await must("DELETE", `/user_management/users/${id}`);
      return {};
    },
    query: () => ({
      events: [
        "user.created",
        "user.updated",
        "user.deleted",
        "organization_membership.created",
        "organization_membership.updated",
        "organization_membership.deleted",
        "invitation.created",
        "invitation.resent",
        "invitation.revoked",
        "session.revoked",
      ].join(","),
      limit: "20",
      order: "asc",
    }),
    status: 200,
    eventTypes: [
      "user.created",
      "user.updated",
      "user.deleted",
      "organization_membership.created",
      "organization_membership.updated",
      "organization_membership.deleted",
      "invitation.created",
      "invitation.resent",
      "invitation.revoked",
      "session.revoked",
    ],
  },

  {
    method: "GET",
    template: "/events",
    note: "the demo seed's history, filtered by organization_id and range_start",
    path: () => "/events",
    query: (ids) => ({
      organization_id: ids.roleOrg,
      range_start: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      range_end: new Date(Date.now() + 60_000).toISOString(),
    }),
    status: 200,
    eventTypes: ["dsync.user.created", "dsync.user.updated", "connection.activated", "organization.updated"],
  },
  {
    method: "GET",
    template: "/events",
    note: "organization domain events after add, verify and delete",
    path: () => "/events",
    setup: async (ids) => {
      const added = await must("POST", "/organization_domains", {
        body: { organization_id: ids.org, domain: "contract-events.test" },
      });
      const { id, verification_token } = JSON.parse(added.bodyText) as {
        id: string;
        verification_token: string;
      };
      await must("POST", "/_emulator/dns_records", {
        body: { domain: "contract-events.test", value: verification_token },
      });
      await must("POST", `/organization_domains/${id}/verify`);
      await must("DELETE", `/organization_domains/${id}`);
      return {};
    },
    query: () => ({
      events: "organization_domain.created,organization_domain.verified,organization_domain.deleted",
    }),
    status: 200,
    eventTypes: [
      "organization_domain.created",
      "organization_domain.verified",
      "organization_domain.deleted",
    ],
  },

  // Roles
  {
    method: "GET",
    template: "/authorization/roles",
    note: "environment roles",
    path: () => "/authorization/roles",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/roles/{slug}",
    note: "get an environment role",
    path: () => "/authorization/roles/admin",
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/roles/{slug}",
    note: "an organization's custom role is not an environment role",
    path: (ids) => `/authorization/roles/${ids.customRole}`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "environment roles and the organization's custom roles",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles`,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "unknown organization",
    path: () => `/authorization/organizations/${UNKNOWN.org}/roles`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "the SDK's organizations.listOrganizationRoles path, /organizations/{id}/roles",
    path: (ids) => `/organizations/${ids.roleOrg}/roles`,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "unknown organization, on the SDK's /organizations/{id}/roles path",
    path: () => `/organizations/${UNKNOWN.org}/roles`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "a custom role",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "an environment role through the organization",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/member`,
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "unknown slug",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/contract-no-such-role`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "unknown organization",
    path: () => `/authorization/organizations/${UNKNOWN.org}/roles/admin`,
    status: 404,
  },

  // Organization domains
  {
    method: "POST",
    template: "/organization_domains",
    note: "add a domain",
    path: () => "/organization_domains",
    body: (ids) => ({ organization_id: ids.org, domain: "contract-domain.test" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/organization_domains",
    note: "a domain the organization already has",
    path: () => "/organization_domains",
    body: (ids) => ({ organization_id: ids.org, domain: ids.orgDomain }),
    status: 409,
  },
  {
    method: "POST",
    template: "/organization_domains",
    note: "a domain another organization has",
    path: () => "/organization_domains",
    setup: async () => {
      await create({
        name: "Domain Holder",
        domain_data: [{ domain: "contract-held.test", state: "verified" }],
      });
      return {};
    },
    body: (ids) => ({ organization_id: ids.org, domain: "contract-held.test" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/organization_domains",
    note: "unknown organization (undeclared)",
    path: () => "/organization_domains",
    body: () => ({ organization_id: UNKNOWN.org, domain: "contract-nobody.test" }),
    status: 404,
  },
  {
    method: "POST",
    template: "/organization_domains",
    note: "missing domain (undeclared)",
    path: () => "/organization_domains",
    body: (ids) => ({ organization_id: ids.org }),
    status: 422,
  },
  {
    method: "GET",
    template: "/organization_domains/{id}",
    note: "get",
    path: (ids) => `/organization_domains/${ids.pendingDomain}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/organization_domains/{id}",
    note: "unknown id",
    path: () => `/organization_domains/${UNKNOWN.domain}`,
    status: 404,
  },
  {
    method: "POST",
    template: "/organization_domains/{id}/verify",
    note: "no TXT record yet: still pending",
    path: (ids) => `/organization_domains/${ids.pendingDomain}/verify`,
    status: 201,
  },
  {
    method: "POST",
    template: "/organization_domains/{id}/verify",
    note: "TXT record published: verified",
    path: (ids) => `/organization_domains/${ids.pendingDomain}/verify`,
    setup: async (ids) => {
      const domain = JSON.parse(
        (await must("GET", `/organization_domains/${ids.pendingDomain}`)).bodyText,
      ) as {
        verification_token: string;
      };
      await must("POST", "/_emulator/dns_records", {
        body: { domain: ids.pendingDomainName, value: domain.verification_token },
      });
      return {};
    },
    status: 201,
  },
  {
    method: "POST",
    template: "/organization_domains/{id}/verify",
    note: "already verified",
    path: (ids) => `/organization_domains/${ids.verifiedDomain}/verify`,
    status: 400,
  },
  {
    method: "POST",
    template: "/organization_domains/{id}/verify",
    note: "unknown id (undeclared)",
    path: () => `/organization_domains/${UNKNOWN.domain}/verify`,
    status: 404,
  },
  {
    method: "DELETE",
    template: "/organization_domains/{id}",
    note: "delete",
    path: (ids) => `/organization_domains/${ids.verifiedDomain}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/organization_domains/{id}",
    note: "unknown id",
    path: () => `/organization_domains/${UNKNOWN.domain}`,
    status: 404,
  },

  ...EMISC_CASES.map(caseRow),

  // Pagination parameter validation on every list endpoint
  ...LIST_ENDPOINTS.flatMap(({ template, query }): Row[] => [
    {
      method: "GET",
      template,
      note: "limit=0",
      path: () => template,
      query: (ids) => ({ ...query(ids), limit: "0" }),
      status: 422,
    },
    {
      method: "GET",
      template,
      note: "limit=101",
      path: () => template,
      query: (ids) => ({ ...query(ids), limit: "101" }),
      status: 422,
    },
    {
      method: "GET",
      template,
      note: "order=sideways",
      path: () => template,
      query: (ids) => ({ ...query(ids), order: "sideways" }),
      status: 422,
    },
  ]),

  // Authentication on every operation
  ...OPERATIONS.filter(({ method, template }) => !WITHOUT_API_KEY.has(`${method} ${template}`)).map(
    ({ method, template }, i): Row => ({
      method,
      template,
      note: i % 2 === 0 ? "wrong API key" : "no Authorization header",
      path: (ids) => fill(template, ids),
      auth: i % 2 === 0 ? "wrong" : "none",
      ...(method === "POST" || method === "PUT" ? { body: () => ({ name: "Unauthorized Co" }) } : {}),
      status: 401,
    }),
  ),
];

const table = rows.map((row) => ({
  ...row,
  title: `${row.method} ${row.template} -> ${Array.isArray(row.status) ? row.status.join("|") : row.status} (${row.note})`,
}));

describe("emulator responses match the WorkOS OpenAPI spec", () => {
  beforeAll(async () => {
    const emulator = await startEmulator();
    main = { url: emulator.url, apiKey: emulator.apiKey };
    close = () => emulator.close();
    discovered = await discoverIds();
  });

  afterAll(async () => {
    await close?.();
  });

  it("the table has a success row and an error row for every operation", () => {
    const missing = OPERATIONS.flatMap(({ method, template }) => {
      const statuses = rows
        .filter((r) => r.method === method && r.template === template && r.auth === undefined)
        .flatMap((r) => (typeof r.status === "number" ? [r.status] : r.status));
      return [
        ...(statuses.some((s) => s < 400) ? [] : [`${method} ${template} success`]),
        ...(statuses.some((s) => s >= 400) || NO_CLIENT_ERROR.has(`${method} ${template}`)
          ? []
          : [`${method} ${template} error`]),
      ];
    });
    expect(missing).toEqual([]);
  });

  it.for(table)("$title", async (row) => {
    if (!discovered) throw new Error("ids were not discovered");
    const reset = await send("POST", "/_emulator/reset");
    expect(reset.status, `POST /_emulator/reset: ${reset.bodyText}`).toBeLessThan(300);
    const ids: Ids = { ...discovered, ...(await row.setup?.(discovered)) };

    const res = await send(row.method, row.path(ids), {
      ...(row.query ? { query: row.query(ids) } : {}),
      ...(row.body ? { body: row.body(ids) } : {}),
      ...(row.rawBody === undefined ? {} : { rawBody: row.rawBody }),
      ...(row.headers ? { headers: typeof row.headers === "function" ? row.headers() : row.headers } : {}),
      ...(row.auth ? { auth: row.auth } : {}),
    });

    const expected: readonly number[] = typeof row.status === "number" ? [row.status] : row.status;
    expect.soft(expected, `unexpected status; body: ${res.bodyText.slice(0, 300)}`).toContain(res.status);
    assertMatchesSpec({ method: row.method, pathTemplate: row.template, ...res });
    if (row.nonEmpty) {
      const list = JSON.parse(res.bodyText) as { data: unknown[] };
      expect(list.data.length, "list is empty, so item schemas were not exercised").toBeGreaterThan(0);
    }
    if (row.eventTypes) {
      const list = JSON.parse(res.bodyText) as { data: { event: string }[] };
      const seen = new Set(list.data.map((e) => e.event));
      expect(
        row.eventTypes.filter((t) => !seen.has(t)),
        "event types missing from the page",
      ).toEqual([]);
    }
  });
});

const PLACEHOLDER_IDS: Ids = {
  org: UNKNOWN.org,
  roleOrg: UNKNOWN.org,
  customRole: "contract-role",
  pendingDomain: UNKNOWN.domain,
  pendingDomainName: "",
  verifiedDomain: UNKNOWN.domain,
  orgName: "",
  orgDomain: "",
  orgCursor: "",
  conn: UNKNOWN.conn,
  connType: "",
  dir: UNKNOWN.dir,
  dirName: "",
  user: UNKNOWN.user,
  userEmail: "",
  group: UNKNOWN.group,
  externalId: "",
  authUser: UNKNOWN.authUser,
  authUserEmail: "",
  authOrg: UNKNOWN.org,
  membership: UNKNOWN.membership,
  pendingMembership: UNKNOWN.membership,
  pendingUser: UNKNOWN.authUser,
  pendingOrg: UNKNOWN.org,
  invitation: UNKNOWN.invitation,
  invitationEmail: "",
  session: UNKNOWN.session,
};

describe("rate-limited emulator responses match the WorkOS OpenAPI spec", () => {
  let limited: Target = main;
  let closeLimited: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const emulator = await startEmulator({ rateLimit: { requests: 1, windowMs: 60_000 } });
    limited = { url: emulator.url, apiKey: emulator.apiKey };
    closeLimited = () => emulator.close();
  });

  afterAll(async () => {
    await closeLimited?.();
  });

  it.for(OPERATIONS)(
    "$method $template -> 429 (second request in the window)",
    async ({ method, template }) => {
      const reset = await send("POST", "/_emulator/reset", { target: limited });
      expect(reset.status, `POST /_emulator/reset: ${reset.bodyText}`).toBeLessThan(300);
      await must("GET", "/organizations", { target: limited });
      const hasBody = method === "POST" || method === "PUT";
      const res = await send(method, fill(template, PLACEHOLDER_IDS), {
        target: limited,
        ...(hasBody ? { body: { name: "Limited Co", organization: UNKNOWN.org } } : {}),
      });
      expect.soft(res.status, `unexpected status; body: ${res.bodyText.slice(0, 300)}`).toBe(429);
      assertMatchesSpec({ method, pathTemplate: template, ...res });
    },
  );
});
