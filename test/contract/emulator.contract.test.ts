import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, startEmulator } from "../../src/emulator/index.js";
import { assertMatchesSpec, type HttpMethod, requiresApiKey } from "../support/openapi.js";
import {
  discoverEdataIds,
  EDATA_PATH_IDS,
  EDATA_PLACEHOLDERS,
  type EdataIds,
  edataRows,
} from "./cases-edata.js";
import { type ContractCase, EMISC_CASES, type Prepared } from "./emisc-cases.js";
import { NO_CLIENT_ERROR, OPERATIONS, QUOTA_ONLY_429, WITHOUT_API_KEY } from "./operations.js";

/** Ids discovered from the demo seed's list responses (never hard-coded). */
interface Ids extends EdataIds {
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
  /** A token, code or id a row's setup made (a refresh token, a Magic Auth id, a redirect URI id). */
  made: string;
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
  resource: "authz_resource_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  assignment: "role_assignment_01JZZZZZZZZZZZZZZZZZZZZZZZ",
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
  // A redirect is the response under test (AuthKit's authorize and logout), not something to follow.
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
        ...(await discoverEdataIds(getJson)),
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
        made: "",
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

const CONTRACT_PASSWORD = "contract-password-1";

/** A new user with a password and one active membership of `organizationId`. */
async function memberWithPassword(organizationId: string, name: string): Promise<{ id: string }> {
  const user = await createUser({
    email: `${name}@example.com`,
    password: CONTRACT_PASSWORD,
    email_verified: true,
  });
  await must("POST", "/user_management/organization_memberships", {
    body: { user_id: user.id, organization_id: organizationId },
  });
  return user;
}

function passwordGrant(email: string): Record<string, string> {
  return {
    client_id: DEFAULT_CLIENT_ID,
    client_secret: main.apiKey,
    grant_type: "password",
    email,
    password: CONTRACT_PASSWORD,
  };
}

/** Signs a new member of ids.authOrg in with a password. */
async function signedIn(ids: Ids, name: string): Promise<{ refresh_token: string }> {
  await memberWithPassword(ids.authOrg, name);
  const res = await must("POST", "/user_management/authenticate", {
    body: passwordGrant(`${name}@example.com`),
  });
  return JSON.parse(res.bodyText) as { refresh_token: string };
}

/** A seeded redirect URI: the default one, or another. */
async function redirectUri(isDefault: boolean): Promise<{ id: string }> {
  const list = await getJson<ListOf<{ id: string; default: boolean }>>("/user_management/redirect_uris");
  return first(
    list.data.filter((r) => r.default === isDefault),
    isDefault ? "default redirect URI" : "non-default redirect URI",
  );
}

/** A new unverified user sent a verification code: the code, read back by the id its event names. */
async function verificationSent(name: string): Promise<{ id: string; user_id: string; code: string }> {
  const { id: userId } = await createUser({ email: `${name}@example.com` });
  await must("POST", `/user_management/users/${userId}/email_verification/send`);
  const events = await getJson<ListOf<{ data: { id: string; user_id: string } }>>("/events", {
    events: "email_verification.created",
    limit: "100",
  });
  const created = events.data.find((e) => e.data.user_id === userId);
  if (!created) throw new Error("setup: no email_verification.created event");
  return getJson(`/user_management/email_verification/${created.data.id}`);
}

async function resetCreated(email: string): Promise<{ id: string; password_reset_token: string }> {
  const res = await must("POST", "/user_management/password_reset", { body: { email } });
  return JSON.parse(res.bodyText) as { id: string; password_reset_token: string };
}

/** A new user invited into an organization. */
async function inviteUser(
  organizationId: string,
  name: string,
): Promise<{ id: string; token: string; userId: string }> {
  const user = await createUser({
    email: `${name}@example.com`,
    password: CONTRACT_PASSWORD,
    email_verified: true,
  });
  const res = await must("POST", "/user_management/invitations", {
    body: { email: `${name}@example.com`, organization_id: organizationId },
  });
  return { ...(JSON.parse(res.bodyText) as { id: string; token: string }), userId: user.id };
}

/** A device code from the device flow, approved on the emulator's device page by `userId` unless null. */
async function deviceCode(userId: string | null): Promise<string> {
  const res = await must("POST", "/user_management/authorize/device", {
    body: { client_id: DEFAULT_CLIENT_ID },
  });
  const { device_code, user_code } = JSON.parse(res.bodyText) as { device_code: string; user_code: string };
  if (userId !== null) {
    const approved = await fetch(`${main.url}/device?${new URLSearchParams({ user_code, user_id: userId })}`);
    if (approved.status !== 200) throw new Error(`setup: the device page answered ${approved.status}`);
  }
  return device_code;
}

/** Connects the user to the demo seed's GitHub provider, unless connected already. */
async function connectGithub(userId: string): Promise<void> {
  const path = `/user_management/users/${userId}/connected_accounts/github`;
  if ((await send("GET", path)).status === 200) return;
  await must("POST", path, { body: { access_token: "gho_contract", scopes: ["repo"] } });
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
  { template: "/user_management/redirect_uris", query: () => ({}) },
  { template: "/user_management/users/{userlandUserId}/auth_factors", query: () => ({}) },
  { template: "/user_management/cors_origins", query: () => ({}) },
];

const PATH_IDS: Record<string, (ids: Ids) => string> = {
  ...EDATA_PATH_IDS,
  "/user_management/users/": (ids) => ids.authUser,
  "/user_management/organization_memberships/": (ids) => ids.membership,
  "/user_management/invitations/": (ids) => ids.invitation,
  "/user_management/magic_auth/": (ids) => ids.made || "magic_auth_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  "/user_management/email_verification/": (ids) =>
    ids.made || "email_verification_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  "/user_management/password_reset/": (ids) => ids.made || "password_reset_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  "/user_management/redirect_uris/": (ids) => ids.made || "redir_01JZZZZZZZZZZZZZZZZZZZZZZZ",
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
    .replace("{clientId}", DEFAULT_CLIENT_ID)
    .replace("{userlandUserId}", ids.authUser)
    .replace("{user_id}", ids.authUser)
    .replace("{token}", "contract-any-token")
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

/** A permission the authorization rows create for themselves (the seed's slugs are not theirs to assume). */
const CONTRACT_PERMISSION = "contract:write";

/** The events the authorization writes emit (role.deleted has no operation among them). */
const AUTHORIZATION_EVENTS = [
  "permission.created",
  "permission.updated",
  "permission.deleted",
  "role.created",
  "role.updated",
  "organization_role.created",
  "organization_role.updated",
  "organization_role.deleted",
];

async function contractPermission(): Promise<Partial<Ids>> {
  await must("POST", "/authorization/permissions", {
    body: { slug: CONTRACT_PERMISSION, name: "Contract write" },
  });
  return {};
}

interface FgaResource {
  id: string;
  external_id: string;
  resource_type_slug: string;
  organization_id: string;
  parent_resource_id: string | null;
}

/** What the FGA rows act on, found in the demo seed: a resource under a parent, assigned to a membership. */
let fga: {
  org: string;
  parent: FgaResource;
  child: FgaResource;
  membership: string;
  assignment: string;
  role: string;
  /** A permission the membership has on the child. */
  permission: string;
} = {
  org: "",
  parent: { id: "", external_id: "", resource_type_slug: "", organization_id: "", parent_resource_id: null },
  child: { id: "", external_id: "", resource_type_slug: "", organization_id: "", parent_resource_id: null },
  membership: "",
  assignment: "",
  role: "",
  permission: "",
};

async function discoverFga(): Promise<Partial<Ids>> {
  const resources = (await getJson<ListOf<FgaResource>>("/authorization/resources", { limit: "100" })).data;
  for (const child of resources) {
    const parent = resources.find((r) => r.id === child.parent_resource_id);
    if (!parent) continue;
    type Assignment = { id: string; organization_membership_id: string; role: { slug: string } };
    const assignment = (
      await getJson<ListOf<Assignment>>(`/authorization/resources/${child.id}/role_assignments`)
    ).data[0];
    if (!assignment) continue;
    const membership = assignment.organization_membership_id;
    const permissions = (
      await getJson<ListOf<{ slug: string }>>(
        `/authorization/organization_memberships/${membership}/resources/${child.id}/permissions`,
      )
    ).data;
    const permission = first(permissions, "permission on an assigned resource").slug;
    fga = {
      org: child.organization_id,
      parent,
      child,
      membership,
      assignment: assignment.id,
      role: assignment.role.slug,
      permission,
    };
    return {};
  }
  throw new Error("the demo seed has no assigned resource under a parent");
}

const byExternal = (r: Pick<FgaResource, "organization_id" | "resource_type_slug" | "external_id">) =>
  `/authorization/organizations/${r.organization_id}/resources/${r.resource_type_slug}/${r.external_id}`;

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

  // Authorization: permissions and role writes (issue 18)
  {
    method: "GET",
    template: "/events",
    note: "permission, role and organization role events",
    path: () => "/events",
    setup: async (ids) => {
      await contractPermission();
      await must("PATCH", `/authorization/permissions/${CONTRACT_PERMISSION}`, { body: { name: "Renamed" } });
      await must("POST", "/authorization/roles", { body: { slug: "contract-viewer", name: "Viewer" } });
      await must("POST", "/authorization/roles/contract-viewer/permissions", {
        body: { slug: CONTRACT_PERMISSION },
      });
      const orgRole = `/authorization/organizations/${ids.roleOrg}/roles`;
      await must("POST", orgRole, { body: { slug: "org-contract-auditor", name: "Auditor" } });
      await must("PATCH", `${orgRole}/org-contract-auditor`, { body: { name: "Auditor 2" } });
      await must("DELETE", `${orgRole}/org-contract-auditor`);
      await must("DELETE", `/authorization/permissions/${CONTRACT_PERMISSION}`);
      return {};
    },
    query: () => ({ events: AUTHORIZATION_EVENTS.join(","), limit: "20", order: "asc" }),
    status: 200,
    eventTypes: AUTHORIZATION_EVENTS,
  },
  {
    method: "GET",
    template: "/authorization/permissions",
    note: "the environment's permissions",
    path: () => "/authorization/permissions",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/permissions",
    note: "limit=0 (undeclared)",
    path: () => "/authorization/permissions",
    query: () => ({ limit: "0" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/authorization/permissions",
    note: "create",
    path: () => "/authorization/permissions",
    body: () => ({ slug: "contract:read", name: "Contract read", description: null }),
    status: 201,
  },
  {
    method: "POST",
    template: "/authorization/permissions",
    note: "a slug already taken",
    path: () => "/authorization/permissions",
    setup: contractPermission,
    body: () => ({ slug: CONTRACT_PERMISSION, name: "Again" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/authorization/permissions",
    note: "missing name",
    path: () => "/authorization/permissions",
    body: () => ({ slug: "contract:nameless" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/authorization/permissions/{slug}",
    note: "get",
    path: () => `/authorization/permissions/${CONTRACT_PERMISSION}`,
    setup: contractPermission,
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/permissions/{slug}",
    note: "unknown slug",
    path: () => "/authorization/permissions/contract:none",
    status: 404,
  },
  {
    method: "PATCH",
    template: "/authorization/permissions/{slug}",
    note: "rename",
    path: () => `/authorization/permissions/${CONTRACT_PERMISSION}`,
    setup: contractPermission,
    body: () => ({ name: "Renamed", description: "Now described" }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/authorization/permissions/{slug}",
    note: "a name over 48 characters",
    path: () => `/authorization/permissions/${CONTRACT_PERMISSION}`,
    setup: contractPermission,
    body: () => ({ name: "n".repeat(49) }),
    status: 422,
  },
  {
    method: "PATCH",
    template: "/authorization/permissions/{slug}",
    note: "unknown slug",
    path: () => "/authorization/permissions/contract:none",
    body: () => ({ name: "x" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/authorization/permissions/{slug}",
    note: "delete",
    path: () => `/authorization/permissions/${CONTRACT_PERMISSION}`,
    setup: contractPermission,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/authorization/permissions/{slug}",
    note: "unknown slug",
    path: () => "/authorization/permissions/contract:none",
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/roles",
    note: "create an environment role",
    path: () => "/authorization/roles",
    body: () => ({ slug: "contract-viewer", name: "Viewer", description: "Reads" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/authorization/roles",
    note: "a slug already taken",
    path: () => "/authorization/roles",
    body: () => ({ slug: "admin", name: "Admin again" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/authorization/roles",
    note: "missing slug",
    path: () => "/authorization/roles",
    body: () => ({ name: "Slugless" }),
    status: 422,
  },
  {
    method: "PATCH",
    template: "/authorization/roles/{slug}",
    note: "rename",
    path: () => "/authorization/roles/member",
    body: () => ({ name: "Colleague", description: null }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/authorization/roles/{slug}",
    note: "unknown slug",
    path: () => "/authorization/roles/contract-no-such-role",
    body: () => ({ name: "x" }),
    status: 404,
  },
  {
    method: "PUT",
    template: "/authorization/roles/{slug}/permissions",
    note: "replace the permissions",
    path: () => "/authorization/roles/member/permissions",
    setup: contractPermission,
    body: () => ({ permissions: [CONTRACT_PERMISSION] }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/authorization/roles/{slug}/permissions",
    note: "an unknown permission",
    path: () => "/authorization/roles/member/permissions",
    body: () => ({ permissions: ["contract:none"] }),
    status: 404,
  },
  {
    method: "PUT",
    template: "/authorization/roles/{slug}/permissions",
    note: "permissions not an array",
    path: () => "/authorization/roles/member/permissions",
    body: () => ({ permissions: "contract:none" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/authorization/roles/{slug}/permissions",
    note: "add a permission",
    path: () => "/authorization/roles/member/permissions",
    setup: contractPermission,
    body: () => ({ slug: CONTRACT_PERMISSION }),
    status: 200,
  },
  {
    method: "POST",
    template: "/authorization/roles/{slug}/permissions",
    note: "unknown role",
    path: () => "/authorization/roles/contract-no-such-role/permissions",
    setup: contractPermission,
    body: () => ({ slug: CONTRACT_PERMISSION }),
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "create a custom role",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles`,
    body: () => ({ slug: "org-contract-auditor", name: "Auditor" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "a slug the organization already has",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles`,
    body: (ids) => ({ slug: ids.customRole, name: "Again" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/authorization/organizations/{organizationId}/roles",
    note: "a slug without org-",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles`,
    body: () => ({ slug: "contract-auditor", name: "Auditor" }),
    status: 422,
  },
  {
    method: "PATCH",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "update a custom role",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}`,
    body: () => ({ description: "Finance" }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "an environment role is not the organization's to change",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/admin`,
    body: () => ({ name: "x" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "delete a custom role nobody holds",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "a custom role a membership holds",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}`,
    setup: async (ids) => {
      const user = await createUser({ email: "contract-holder@example.com" });
      await must("POST", "/user_management/organization_memberships", {
        body: { user_id: user.id, organization_id: ids.roleOrg, role_slug: ids.customRole },
      });
      return {};
    },
    status: 409,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}",
    note: "unknown organization",
    path: (ids) => `/authorization/organizations/${UNKNOWN.org}/roles/${ids.customRole}`,
    status: 404,
  },
  {
    method: "PUT",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions",
    note: "replace a custom role's permissions",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions`,
    setup: contractPermission,
    body: () => ({ permissions: [CONTRACT_PERMISSION] }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions",
    note: "an unknown permission",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions`,
    body: () => ({ permissions: ["contract:none"] }),
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions",
    note: "add a permission to a custom role",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions`,
    setup: contractPermission,
    body: () => ({ slug: CONTRACT_PERMISSION }),
    status: 200,
  },
  {
    method: "POST",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions",
    note: "missing slug",
    path: (ids) => `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions`,
    body: () => ({}),
    status: 422,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}",
    note: "remove a permission the custom role grants",
    path: (ids) =>
      `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions/${CONTRACT_PERMISSION}`,
    setup: async (ids) => {
      await contractPermission();
      await must("POST", `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions`, {
        body: { slug: CONTRACT_PERMISSION },
      });
      return {};
    },
    status: 200,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}",
    note: "a permission the role does not grant",
    path: (ids) =>
      `/authorization/organizations/${ids.roleOrg}/roles/${ids.customRole}/permissions/contract:none`,
    status: 404,
  },

  // Authorization: resources, role assignments and access checks (issue 18)
  {
    method: "GET",
    template: "/authorization/resources",
    note: "an organization's resources",
    path: () => "/authorization/resources",
    setup: discoverFga,
    query: () => ({ organization_id: fga.org }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/resources",
    note: "an external id without organization and type",
    path: () => "/authorization/resources",
    query: () => ({ resource_external_id: "contract-any" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/authorization/resources",
    note: "create under a parent named by external id",
    path: () => "/authorization/resources",
    setup: discoverFga,
    body: () => ({
      organization_id: fga.org,
      resource_type_slug: fga.child.resource_type_slug,
      external_id: "contract-new",
      name: "Contract resource",
      description: null,
      parent_resource_external_id: fga.parent.external_id,
      parent_resource_type_slug: fga.parent.resource_type_slug,
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/authorization/resources",
    note: "an external id the organization has for that type",
    path: () => "/authorization/resources",
    setup: discoverFga,
    body: () => ({
      organization_id: fga.org,
      resource_type_slug: fga.child.resource_type_slug,
      external_id: fga.child.external_id,
      name: "Again",
    }),
    status: 409,
  },
  {
    method: "POST",
    template: "/authorization/resources",
    note: "unknown organization",
    path: () => "/authorization/resources",
    body: () => ({
      organization_id: UNKNOWN.org,
      resource_type_slug: "project",
      external_id: "x",
      name: "X",
    }),
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/resources",
    note: "missing name",
    path: () => "/authorization/resources",
    body: (ids) => ({ organization_id: ids.org, resource_type_slug: "project", external_id: "x" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}",
    note: "get",
    path: () => `/authorization/resources/${fga.child.id}`,
    setup: discoverFga,
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}",
    note: "unknown id",
    path: () => `/authorization/resources/${UNKNOWN.resource}`,
    status: 404,
  },
  {
    method: "PATCH",
    template: "/authorization/resources/{resource_id}",
    note: "rename and move to the top level",
    path: () => `/authorization/resources/${fga.child.id}`,
    setup: discoverFga,
    body: () => ({ name: "Renamed", parent_resource_id: null }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/authorization/resources/{resource_id}",
    note: "a parent under the resource itself",
    path: () => `/authorization/resources/${fga.parent.id}`,
    setup: discoverFga,
    body: () => ({ parent_resource_id: fga.child.id }),
    status: 422,
  },
  {
    method: "PATCH",
    template: "/authorization/resources/{resource_id}",
    note: "unknown id",
    path: () => `/authorization/resources/${UNKNOWN.resource}`,
    body: () => ({ name: "x" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/authorization/resources/{resource_id}",
    note: "a parent with cascade_delete",
    path: () => `/authorization/resources/${fga.parent.id}`,
    setup: discoverFga,
    query: () => ({ cascade_delete: "true" }),
    status: 204,
  },
  {
    method: "DELETE",
    template: "/authorization/resources/{resource_id}",
    note: "a parent without cascade_delete",
    path: () => `/authorization/resources/${fga.parent.id}`,
    setup: discoverFga,
    status: 409,
  },
  {
    method: "DELETE",
    template: "/authorization/resources/{resource_id}",
    note: "unknown id",
    path: () => `/authorization/resources/${UNKNOWN.resource}`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}/organization_memberships",
    note: "who has the permission",
    path: () => `/authorization/resources/${fga.child.id}/organization_memberships`,
    setup: discoverFga,
    query: () => ({ permission_slug: fga.permission }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}/organization_memberships",
    note: "missing permission_slug",
    path: () => `/authorization/resources/${fga.child.id}/organization_memberships`,
    setup: discoverFga,
    status: 422,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}/role_assignments",
    note: "the assignments on a resource",
    path: () => `/authorization/resources/${fga.child.id}/role_assignments`,
    setup: discoverFga,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/resources/{resource_id}/role_assignments",
    note: "unknown id",
    path: () => `/authorization/resources/${UNKNOWN.resource}/role_assignments`,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "get by external id",
    path: () => byExternal(fga.child),
    setup: discoverFga,
    status: 200,
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "unknown external id",
    path: () => byExternal({ ...fga.child, external_id: "contract-none" }),
    setup: discoverFga,
    status: 404,
  },
  {
    method: "PATCH",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "update by external id",
    path: () => byExternal(fga.child),
    setup: discoverFga,
    body: () => ({ description: "Described" }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "an unknown parent",
    path: () => byExternal(fga.child),
    setup: discoverFga,
    body: () => ({ parent_resource_id: UNKNOWN.resource }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "delete a leaf by external id",
    path: () => byExternal(fga.child),
    setup: discoverFga,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
    note: "a parent without cascade_delete",
    path: () => byExternal(fga.parent),
    setup: discoverFga,
    status: 409,
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/organization_memberships",
    note: "who has the permission",
    path: () => `${byExternal(fga.child)}/organization_memberships`,
    setup: discoverFga,
    query: () => ({ permission_slug: fga.permission, assignment: "direct" }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/organization_memberships",
    note: "unknown external id",
    path: () => `${byExternal({ ...fga.child, external_id: "contract-none" })}/organization_memberships`,
    setup: discoverFga,
    query: () => ({ permission_slug: fga.permission }),
    status: 404,
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/role_assignments",
    note: "the assignments on a resource",
    path: () => `${byExternal(fga.child)}/role_assignments`,
    setup: discoverFga,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/role_assignments",
    note: "unknown organization",
    path: () => `${byExternal({ ...fga.child, organization_id: UNKNOWN.org })}/role_assignments`,
    setup: discoverFga,
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "a membership's assignments",
    path: () => `/authorization/organization_memberships/${fga.membership}/role_assignments`,
    setup: discoverFga,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "unknown membership",
    path: () => `/authorization/organization_memberships/${UNKNOWN.membership}/role_assignments`,
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "assign by external id",
    path: () => `/authorization/organization_memberships/${fga.membership}/role_assignments`,
    setup: async () => {
      await discoverFga();
      await must(
        "DELETE",
        `/authorization/organization_memberships/${fga.membership}/role_assignments/${fga.assignment}`,
      );
      return {};
    },
    body: () => ({
      role_slug: fga.role,
      resource_external_id: fga.child.external_id,
      resource_type_slug: fga.child.resource_type_slug,
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "no resource named",
    path: () => `/authorization/organization_memberships/${fga.membership}/role_assignments`,
    setup: discoverFga,
    body: () => ({ role_slug: fga.role }),
    status: 422,
  },
  {
    method: "DELETE",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "remove by role and resource",
    path: () => `/authorization/organization_memberships/${fga.membership}/role_assignments`,
    setup: discoverFga,
    body: () => ({ role_slug: fga.role, resource_id: fga.child.id }),
    status: 204,
  },
  {
    method: "DELETE",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    note: "no such assignment",
    path: () => `/authorization/organization_memberships/${fga.membership}/role_assignments`,
    setup: discoverFga,
    body: () => ({ role_slug: fga.role, resource_id: fga.parent.id }),
    status: 404,
  },
  {
    method: "DELETE",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/role_assignments/{role_assignment_id}",
    note: "remove by id",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/role_assignments/${fga.assignment}`,
    setup: discoverFga,
    status: 204,
  },
  {
    method: "DELETE",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/role_assignments/{role_assignment_id}",
    note: "unknown id",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/role_assignments/${UNKNOWN.assignment}`,
    setup: discoverFga,
    status: 404,
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/check",
    note: "a granted permission",
    path: () => `/authorization/organization_memberships/${fga.membership}/check`,
    setup: discoverFga,
    body: () => ({ permission_slug: fga.permission, resource_id: fga.child.id }),
    status: 200,
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/check",
    note: "missing permission_slug",
    path: () => `/authorization/organization_memberships/${fga.membership}/check`,
    setup: discoverFga,
    body: () => ({ resource_id: fga.child.id }),
    status: 422,
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/check",
    note: "unknown resource",
    path: () => `/authorization/organization_memberships/${fga.membership}/check`,
    setup: discoverFga,
    body: () => ({ permission_slug: fga.permission, resource_id: UNKNOWN.resource }),
    status: 404,
  },
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/resources",
    note: "children the membership may act on",
    path: () => `/authorization/organization_memberships/${fga.membership}/resources`,
    setup: discoverFga,
    query: () => ({ permission_slug: fga.permission, parent_resource_id: fga.parent.id }),
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/resources",
    note: "no parent named",
    path: () => `/authorization/organization_memberships/${fga.membership}/resources`,
    setup: discoverFga,
    query: () => ({ permission_slug: fga.permission }),
    status: 400,
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_id}/permissions",
    note: "effective permissions",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/resources/${fga.child.id}/permissions`,
    setup: discoverFga,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_id}/permissions",
    note: "unknown resource",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/resources/${UNKNOWN.resource}/permissions`,
    setup: discoverFga,
    status: 404,
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_type_slug}/{external_id}/permissions",
    note: "effective permissions by external id",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/resources/${fga.child.resource_type_slug}/${fga.child.external_id}/permissions`,
    setup: discoverFga,
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_type_slug}/{external_id}/permissions",
    note: "limit=0",
    path: () =>
      `/authorization/organization_memberships/${fga.membership}/resources/${fga.child.resource_type_slug}/${fga.child.external_id}/permissions`,
    setup: discoverFga,
    query: () => ({ limit: "0" }),
    status: 422,
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

  ...edataRows({ must }),
  // User management: AuthKit sign-in, Magic Auth and redirect URIs (issue 18)
  {
    method: "GET",
    template: "/sso/jwks/{clientId}",
    note: "the client's signing keys",
    path: () => `/sso/jwks/${DEFAULT_CLIENT_ID}`,
    auth: "none",
    status: 200,
  },
  {
    method: "GET",
    template: "/sso/jwks/{clientId}",
    note: "unknown client",
    path: () => "/sso/jwks/client_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    auth: "none",
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "password grant, single membership (organization_id and role claims)",
    path: () => "/user_management/authenticate",
    setup: async (ids) => ({ authUser: (await memberWithPassword(ids.authOrg, "contract.signin")).id }),
    body: () => passwordGrant("contract.signin@example.com"),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "password grant, wrong password",
    path: () => "/user_management/authenticate",
    setup: async (ids) => ({ authUser: (await memberWithPassword(ids.authOrg, "contract.wrong")).id }),
    body: () => ({ ...passwordGrant("contract.wrong@example.com"), password: "not-the-password" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "password grant, member of two organizations: organization_selection_required",
    path: () => "/user_management/authenticate",
    setup: async (ids) => {
      const { id } = await memberWithPassword(ids.authOrg, "contract.two");
      await must("POST", "/user_management/organization_memberships", {
        body: { user_id: id, organization_id: ids.roleOrg === ids.authOrg ? ids.org : ids.roleOrg },
      });
      return {};
    },
    body: () => passwordGrant("contract.two@example.com"),
    status: 403,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "password grant with an invitation token: accepted, signed into its organization",
    path: () => "/user_management/authenticate",
    setup: async (ids) => ({ made: (await inviteUser(ids.authOrg, "contract.invited.signin")).token }),
    body: (ids) => ({ ...passwordGrant("contract.invited.signin@example.com"), invitation_token: ids.made }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "an invitation token of another email",
    path: () => "/user_management/authenticate",
    setup: async (ids) => {
      await memberWithPassword(ids.authOrg, "contract.other");
      const invitation = await must("POST", "/user_management/invitations", {
        body: { email: "contract.stranger@example.com" },
      });
      return { made: (JSON.parse(invitation.bodyText) as { token: string }).token };
    },
    body: (ids) => ({ ...passwordGrant("contract.other@example.com"), invitation_token: ids.made }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "password grant, unverified email: email_verification_required",
    path: () => "/user_management/authenticate",
    setup: async () => {
      await createUser({ email: "contract.unverified.signin@example.com", password: CONTRACT_PASSWORD });
      return {};
    },
    body: () => passwordGrant("contract.unverified.signin@example.com"),
    status: 403,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "email-verification grant with the code sent",
    path: () => "/user_management/authenticate",
    setup: async () => {
      await createUser({ email: "contract.verify.signin@example.com", password: CONTRACT_PASSWORD });
      const refused = await send("POST", "/user_management/authenticate", {
        body: passwordGrant("contract.verify.signin@example.com"),
      });
      const { pending_authentication_token, email_verification_id } = JSON.parse(refused.bodyText) as {
        pending_authentication_token: string;
        email_verification_id: string;
      };
      const { code } = await getJson<{ code: string }>(
        `/user_management/email_verification/${email_verification_id}`,
      );
      return { made: `${pending_authentication_token} ${code}` };
    },
    body: (ids) => ({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: main.apiKey,
      grant_type: "urn:workos:oauth:grant-type:email-verification:code",
      pending_authentication_token: ids.made.split(" ")[0],
      code: ids.made.split(" ")[1],
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "unknown client_id",
    path: () => "/user_management/authenticate",
    body: () => ({ ...passwordGrant("nobody@example.com"), client_id: "client_01JZZZZZZZZZZZZZZZZZZZZZZZ" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "missing grant_type",
    path: () => "/user_management/authenticate",
    body: () => ({ client_id: DEFAULT_CLIENT_ID, email: "nobody@example.com" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "refresh_token grant",
    path: () => "/user_management/authenticate",
    setup: async (ids) => ({ made: (await signedIn(ids, "contract.refresh")).refresh_token }),
    body: (ids) => ({ client_id: DEFAULT_CLIENT_ID, grant_type: "refresh_token", refresh_token: ids.made }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "refresh_token grant with a spent token",
    path: () => "/user_management/authenticate",
    setup: async (ids) => {
      const { refresh_token } = await signedIn(ids, "contract.spent");
      await must("POST", "/user_management/authenticate", {
        body: { client_id: DEFAULT_CLIENT_ID, grant_type: "refresh_token", refresh_token },
      });
      return { made: refresh_token };
    },
    body: (ids) => ({ client_id: DEFAULT_CLIENT_ID, grant_type: "refresh_token", refresh_token: ids.made }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "authorization_code grant with the code of the authorization URL",
    path: () => "/user_management/authenticate",
    setup: async (ids) => {
      await memberWithPassword(ids.authOrg, "contract.code");
      const res = await fetch(
        `${main.url}/user_management/authorize?${new URLSearchParams({
          response_type: "code",
          client_id: DEFAULT_CLIENT_ID,
          redirect_uri: "http://localhost:3000/callback",
          login_hint: "contract.code@example.com",
        })}`,
        { redirect: "manual" },
      );
      const code = new URL(res.headers.get("location") ?? "http://x").searchParams.get("code");
      if (!code) throw new Error(`setup: no code from the authorization URL (${res.status})`);
      return { made: code };
    },
    body: (ids) => ({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: main.apiKey,
      grant_type: "authorization_code",
      code: ids.made,
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "Magic Auth code grant",
    path: () => "/user_management/authenticate",
    setup: async () => {
      const res = await must("POST", "/user_management/magic_auth", {
        body: { email: "contract.magic@example.com" },
      });
      return { made: (JSON.parse(res.bodyText) as { code: string }).code };
    },
    body: (ids) => ({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: main.apiKey,
      grant_type: "urn:workos:oauth:grant-type:magic-auth:code",
      email: "contract.magic@example.com",
      code: ids.made,
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "Magic Auth code grant with a wrong code",
    path: () => "/user_management/authenticate",
    setup: async () => {
      await must("POST", "/user_management/magic_auth", { body: { email: "contract.magic@example.com" } });
      return {};
    },
    body: () => ({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: main.apiKey,
      grant_type: "urn:workos:oauth:grant-type:magic-auth:code",
      email: "contract.magic@example.com",
      code: "not-a-code",
    }),
    status: 400,
  },
  {
    method: "GET",
    template: "/user_management/authorize",
    note: "login_hint: redirects to redirect_uri with a code",
    path: () => "/user_management/authorize",
    query: (ids) => ({
      response_type: "code",
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: "http://localhost:3000/callback",
      login_hint: ids.authUserEmail,
      state: "contract-state",
    }),
    auth: "none",
    status: 302,
  },
  {
    method: "GET",
    template: "/user_management/authorize",
    note: "redirect_uri not configured (undeclared)",
    path: () => "/user_management/authorize",
    query: () => ({
      response_type: "code",
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: "https://elsewhere.example.net/callback",
    }),
    auth: "none",
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/sessions/logout",
    note: "ends the session and redirects to return_to",
    path: () => "/user_management/sessions/logout",
    query: (ids) => ({ session_id: ids.session, return_to: "http://localhost:3000/" }),
    auth: "none",
    status: 302,
  },
  {
    method: "GET",
    template: "/user_management/sessions/logout",
    note: "unknown session",
    path: () => "/user_management/sessions/logout",
    query: () => ({ session_id: UNKNOWN.session }),
    auth: "none",
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/magic_auth",
    note: "send a code to an existing user",
    path: () => "/user_management/magic_auth",
    body: (ids) => ({ email: ids.authUserEmail }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/magic_auth",
    note: "invitation_token of no pending invitation",
    path: () => "/user_management/magic_auth",
    body: () => ({ email: "contract.invited@example.com", invitation_token: "not-a-token" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/magic_auth",
    note: "email is not an email address",
    path: () => "/user_management/magic_auth",
    body: () => ({ email: "not-an-email" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/magic_auth/{id}",
    note: "get",
    path: (ids) => `/user_management/magic_auth/${ids.made}`,
    setup: async (ids) => {
      const res = await must("POST", "/user_management/magic_auth", { body: { email: ids.authUserEmail } });
      return { made: (JSON.parse(res.bodyText) as { id: string }).id };
    },
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/magic_auth/{id}",
    note: "unknown id",
    path: () => "/user_management/magic_auth/magic_auth_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    status: 404,
  },
  {
    method: "GET",
    template: "/user_management/redirect_uris",
    note: "list",
    path: () => "/user_management/redirect_uris",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "POST",
    template: "/user_management/redirect_uris",
    note: "add one",
    path: () => "/user_management/redirect_uris",
    body: () => ({ uri: "https://contract.example.com/callback" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/redirect_uris",
    note: "plain http off localhost",
    path: () => "/user_management/redirect_uris",
    body: () => ({ uri: "http://contract.example.com/callback" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/redirect_uris",
    note: "missing uri",
    path: () => "/user_management/redirect_uris",
    body: () => ({}),
    status: 422,
  },
  {
    method: "DELETE",
    template: "/user_management/redirect_uris/{id}",
    note: "delete one that is not the default",
    path: (ids) => `/user_management/redirect_uris/${ids.made}`,
    setup: async () => ({ made: (await redirectUri(false)).id }),
    status: 204,
  },
  {
    method: "DELETE",
    template: "/user_management/redirect_uris/{id}",
    note: "the default while others exist",
    path: (ids) => `/user_management/redirect_uris/${ids.made}`,
    setup: async () => ({ made: (await redirectUri(true)).id }),
    status: 409,
  },
  {
    method: "DELETE",
    template: "/user_management/redirect_uris/{id}",
    note: "unknown id",
    path: () => "/user_management/redirect_uris/redir_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    status: 404,
  },
  {
    method: "GET",
    template: "/events",
    note: "sign-in events after a password sign-in and a Magic Auth code",
    path: () => "/events",
    setup: async (ids) => {
      await signedIn(ids, "contract.events");
      await must("POST", "/user_management/magic_auth", { body: { email: "contract.events@example.com" } });
      return {};
    },
    query: () => ({
      events: "session.created,authentication.password_succeeded,magic_auth.created",
      order: "asc",
    }),
    status: 200,
    eventTypes: ["session.created", "authentication.password_succeeded", "magic_auth.created"],
  },

  // User management: email verification, password reset, email change, identities, factors, invitations (issue 18)
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/send",
    note: "send a code to an unverified user",
    path: (ids) => `/user_management/users/${ids.made}/email_verification/send`,
    setup: async () => ({ made: (await createUser({ email: "contract.unverified@example.com" })).id }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/send",
    note: "already verified",
    path: (ids) => `/user_management/users/${ids.made}/email_verification/send`,
    setup: async () => ({
      made: (await createUser({ email: "contract.verified@example.com", email_verified: true })).id,
    }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/send",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN.authUser}/email_verification/send`,
    status: 404,
  },
  {
    method: "GET",
    template: "/user_management/email_verification/{id}",
    note: "get (id from the email_verification.created event)",
    path: (ids) => `/user_management/email_verification/${ids.made}`,
    setup: async () => ({ made: (await verificationSent("contract.getcode")).id }),
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/email_verification/{id}",
    note: "unknown id",
    path: () => "/user_management/email_verification/email_verification_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/confirm",
    note: "the right code",
    path: (ids) => `/user_management/users/${ids.authUser}/email_verification/confirm`,
    setup: async () => {
      const sent = await verificationSent("contract.confirm");
      return { authUser: sent.user_id, made: sent.code };
    },
    body: (ids) => ({ code: ids.made }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/confirm",
    note: "a wrong code",
    path: (ids) => `/user_management/users/${ids.authUser}/email_verification/confirm`,
    setup: async () => ({ authUser: (await verificationSent("contract.wrongcode")).user_id }),
    body: () => ({ code: "000000x" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_verification/confirm",
    note: "missing code",
    path: (ids) => `/user_management/users/${ids.authUser}/email_verification/confirm`,
    body: () => ({}),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/password_reset",
    note: "create a reset token",
    path: () => "/user_management/password_reset",
    body: (ids) => ({ email: ids.authUserEmail }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/password_reset",
    note: "unknown email",
    path: () => "/user_management/password_reset",
    body: () => ({ email: "contract.nobody@example.com" }),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/password_reset",
    note: "email is not an email address",
    path: () => "/user_management/password_reset",
    body: () => ({ email: "not-an-email" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/password_reset/{id}",
    note: "get",
    path: (ids) => `/user_management/password_reset/${ids.made}`,
    setup: async (ids) => ({ made: (await resetCreated(ids.authUserEmail)).id }),
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/password_reset/{id}",
    note: "unknown id",
    path: () => "/user_management/password_reset/password_reset_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/password_reset/confirm",
    note: "set a new password",
    path: () => "/user_management/password_reset/confirm",
    setup: async (ids) => ({ made: (await resetCreated(ids.authUserEmail)).password_reset_token }),
    body: (ids) => ({ token: ids.made, new_password: "a-new-contract-password" }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/password_reset/confirm",
    note: "a spent token",
    path: () => "/user_management/password_reset/confirm",
    setup: async (ids) => {
      const token = (await resetCreated(ids.authUserEmail)).password_reset_token;
      await must("POST", "/user_management/password_reset/confirm", {
        body: { token, new_password: "first-new-password" },
      });
      return { made: token };
    },
    body: (ids) => ({ token: ids.made, new_password: "second-new-password" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/password_reset/confirm",
    note: "unknown token",
    path: () => "/user_management/password_reset/confirm",
    body: () => ({ token: "contract-no-such-token", new_password: "whatever-password" }),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/password_reset/confirm",
    note: "missing new_password",
    path: () => "/user_management/password_reset/confirm",
    body: () => ({ token: "contract-no-such-token" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/send",
    note: "send a code to the new address",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/send`,
    body: () => ({ new_email: "contract.changed@example.com" }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/send",
    note: "the user's own address",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/send`,
    body: (ids) => ({ new_email: ids.authUserEmail }),
    status: 409,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/send",
    note: "new_email is not an email address",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/send`,
    body: () => ({ new_email: "not-an-email" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/confirm",
    note: "the right code",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/confirm`,
    setup: async (ids) => {
      const res = await must("POST", `/user_management/users/${ids.authUser}/email_change/send`, {
        body: { new_email: "contract.changed@example.com" },
      });
      return { made: (JSON.parse(res.bodyText) as { code: string }).code };
    },
    body: (ids) => ({ code: ids.made }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/confirm",
    note: "a wrong code",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/confirm`,
    setup: async (ids) => {
      await must("POST", `/user_management/users/${ids.authUser}/email_change/send`, {
        body: { new_email: "contract.changed@example.com" },
      });
      return {};
    },
    body: () => ({ code: "not-the-code" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users/{id}/email_change/confirm",
    note: "no pending change",
    path: (ids) => `/user_management/users/${ids.authUser}/email_change/confirm`,
    body: () => ({ code: "123456" }),
    status: 409,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}/identities",
    note: "a user with a linked Google account",
    path: (ids) => `/user_management/users/${ids.made}/identities`,
    setup: async () => {
      const list = await getJson<ListOf<{ id: string }>>("/user_management/users", {
        email: "mei.chen@globex.com",
      });
      return { made: first(list.data, "user mei.chen@globex.com").id };
    },
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/users/{id}/identities",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN.authUser}/identities`,
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/users/{userlandUserId}/auth_factors",
    note: "enroll a TOTP factor",
    path: (ids) => `/user_management/users/${ids.authUser}/auth_factors`,
    body: () => ({ type: "totp", totp_issuer: "Contract", totp_user: "contract@example.com" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/users/{userlandUserId}/auth_factors",
    note: "a type other than totp",
    path: (ids) => `/user_management/users/${ids.authUser}/auth_factors`,
    body: () => ({ type: "sms" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/users/{userlandUserId}/auth_factors",
    note: "list a user's factors",
    path: (ids) => `/user_management/users/${ids.authUser}/auth_factors`,
    setup: async (ids) => {
      await must("POST", `/user_management/users/${ids.authUser}/auth_factors`, { body: { type: "totp" } });
      return {};
    },
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/invitations/by_token/{token}",
    note: "find an invitation by its token",
    path: (ids) => `/user_management/invitations/by_token/${ids.made}`,
    setup: async (ids) => {
      const invitation = await getJson<{ token: string }>(`/user_management/invitations/${ids.invitation}`);
      return { made: invitation.token };
    },
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/invitations/by_token/{token}",
    note: "unknown token",
    path: () => "/user_management/invitations/by_token/contract-no-such-token",
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/accept",
    note: "the invitee accepts: their membership is made",
    path: (ids) => `/user_management/invitations/${ids.made}/accept`,
    setup: async (ids) => ({ made: (await inviteUser(ids.authOrg, "contract.invitee")).id }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/accept",
    note: "a revoked invitation",
    path: (ids) => `/user_management/invitations/${ids.made}/accept`,
    setup: async (ids) => {
      const { id } = await inviteUser(ids.authOrg, "contract.revoked");
      await must("POST", `/user_management/invitations/${id}/revoke`);
      return { made: id };
    },
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/invitations/{id}/accept",
    note: "unknown id",
    path: () => `/user_management/invitations/${UNKNOWN.invitation}/accept`,
    status: 404,
  },
  {
    method: "GET",
    template: "/events",
    note: "events of a verification, a password reset and an accepted invitation",
    path: () => "/events",
    setup: async (ids) => {
      const sent = await verificationSent("contract.evented");
      await must("POST", `/user_management/users/${sent.user_id}/email_verification/confirm`, {
        body: { code: sent.code },
      });
      const reset = await resetCreated(ids.authUserEmail);
      await must("POST", "/user_management/password_reset/confirm", {
        body: { token: reset.password_reset_token, new_password: "evented-password" },
      });
      const invitation = await inviteUser(ids.authOrg, "contract.evented.invitee");
      await must("POST", `/user_management/invitations/${invitation.id}/accept`);
      return {};
    },
    query: () => ({
      events:
        "email_verification.created,password_reset.created,password_reset.succeeded,invitation.accepted",
      order: "asc",
    }),
    status: 200,
    eventTypes: [
      "email_verification.created",
      "password_reset.created",
      "password_reset.succeeded",
      "invitation.accepted",
    ],
  },

  // User management: CORS origins and the JWT template (issue 18)
  {
    method: "GET",
    template: "/user_management/cors_origins",
    note: "list",
    path: () => "/user_management/cors_origins",
    status: 200,
    nonEmpty: true,
  },
  {
    method: "POST",
    template: "/user_management/cors_origins",
    note: "allow an origin",
    path: () => "/user_management/cors_origins",
    body: () => ({ origin: "https://contract.example.com" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/cors_origins",
    note: "an origin already allowed",
    path: () => "/user_management/cors_origins",
    setup: async () => {
      await must("POST", "/user_management/cors_origins", { body: { origin: "https://twice.example.com" } });
      return {};
    },
    body: () => ({ origin: "https://twice.example.com" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/user_management/cors_origins",
    note: "an origin with a path",
    path: () => "/user_management/cors_origins",
    body: () => ({ origin: "https://contract.example.com/app" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/user_management/jwt_template",
    note: "the demo seed's template",
    path: () => "/user_management/jwt_template",
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/jwt_template",
    note: "replace the template",
    path: () => "/user_management/jwt_template",
    body: () => ({ content: '{"urn:contract:email": {{user.email}}}' }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/jwt_template",
    note: "content that is not a JSON object",
    path: () => "/user_management/jwt_template",
    body: () => ({ content: "[{{user.email}}" }),
    status: 422,
  },

  // User management: OAuth's device flow (issue 18)
  {
    method: "POST",
    template: "/user_management/authorize/device",
    note: "a device and a user code",
    path: () => "/user_management/authorize/device",
    body: () => ({ client_id: DEFAULT_CLIENT_ID }),
    auth: "none",
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authorize/device",
    note: "unknown client",
    path: () => "/user_management/authorize/device",
    body: () => ({ client_id: "client_01JZZZZZZZZZZZZZZZZZZZZZZZ" }),
    auth: "none",
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "device_code grant once the user approved",
    path: () => "/user_management/authenticate",
    setup: async (ids) => ({ made: await deviceCode(ids.authUser) }),
    body: (ids) => ({
      client_id: DEFAULT_CLIENT_ID,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: ids.made,
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/user_management/authenticate",
    note: "device_code grant before the user approved: authorization_pending",
    path: () => "/user_management/authenticate",
    setup: async () => ({ made: await deviceCode(null) }),
    body: (ids) => ({
      client_id: DEFAULT_CLIENT_ID,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: ids.made,
    }),
    status: 400,
  },

  // User management: Pipes data providers and connected accounts (issue 18)
  {
    method: "GET",
    template: "/user_management/users/{user_id}/data_providers",
    note: "the environment's providers and the user's connections",
    path: (ids) => `/user_management/users/${ids.authUser}/data_providers`,
    setup: async (ids) => {
      await connectGithub(ids.authUser);
      return {};
    },
    status: 200,
    nonEmpty: true,
  },
  {
    method: "GET",
    template: "/user_management/users/{user_id}/data_providers",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN.authUser}/data_providers`,
    status: 404,
  },
  {
    method: "GET",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "get",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/github`,
    setup: async (ids) => {
      await connectGithub(ids.authUser);
      return {};
    },
    status: 200,
  },
  {
    method: "GET",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "unknown provider",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/contract-no-such-provider`,
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "import tokens",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/slack`,
    body: () => ({ access_token: "xoxp-contract", scopes: ["chat:write"], state: "connected" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "already connected",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/github`,
    setup: async (ids) => {
      await connectGithub(ids.authUser);
      return {};
    },
    body: () => ({ access_token: "gho_contract" }),
    status: 409,
  },
  {
    method: "POST",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "a state that cannot be set",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/slack`,
    body: () => ({ state: "disconnected" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN.authUser}/connected_accounts/slack`,
    body: () => ({ access_token: "xoxp-contract" }),
    status: 404,
  },
  {
    method: "PUT",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "needs reauthorization",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/github`,
    setup: async (ids) => {
      await connectGithub(ids.authUser);
      return {};
    },
    body: () => ({ state: "needs_reauthorization" }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "not connected",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/slack`,
    body: () => ({ scopes: [] }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "disconnect",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/github`,
    setup: async (ids) => {
      await connectGithub(ids.authUser);
      return {};
    },
    status: 204,
  },
  {
    method: "DELETE",
    template: "/user_management/users/{user_id}/connected_accounts/{slug}",
    note: "not connected",
    path: (ids) => `/user_management/users/${ids.authUser}/connected_accounts/slack`,
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

  // Authentication on every operation behind the API key (the spec leaves AuthKit's browser redirects and the
  // JWKS public; a few others are called without the key, WITHOUT_API_KEY)
  ...OPERATIONS.filter(
    ({ method, template }) =>
      requiresApiKey(method, template) && !WITHOUT_API_KEY.has(`${method} ${template}`),
  ).map(
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
        .filter(
          (r) =>
            r.method === method &&
            r.template === template &&
            // A public operation's rows go without a key, as a browser's requests do.
            (r.auth === undefined || !requiresApiKey(method, template)),
        )
        .flatMap((r) => (typeof r.status === "number" ? [r.status] : r.status));
      return [
        // A redirect (AuthKit's authorize and logout) is a success.
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
  ...EDATA_PLACEHOLDERS,
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
  made: "",
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

  it.for(OPERATIONS.filter(({ method, template }) => !QUOTA_ONLY_429.has(`${method} ${template}`)))(
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
