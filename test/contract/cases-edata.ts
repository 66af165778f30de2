import { demoSeed } from "../../src/emulator/seed.js";
import type { HttpMethod } from "../support/openapi.js";

// Contract cases for Vault, groups, applications and Pipes, as data for the one runner
// (emulator.contract.test.ts): the runner discovers these ids with the rest and runs each row after a reset.

/** Ids discovered from the demo seed (never hard-coded), or set by a row's setup. */
export interface EdataIds {
  vaultObject: string;
  vaultObjectName: string;
  vaultVersion: string;
  /** An encrypted data key blob, made by a row's setup. */
  encryptedKeys: string;
  /** An organization with a group that has members, that group, one member and one membership not in it. */
  groupOrg: string;
  orgGroup: string;
  orgGroupMember: string;
  orgGroupNonMember: string;
  /** A group holding a role on its organization itself, that group role assignment and the role's slug. */
  grantGroup: string;
  groupGrant: string;
  groupGrantRole: string;
  /** A Connect application and one of its client secrets. */
  connectApp: string;
  clientSecret: string;
  /** A user with authorized applications, one of those applications, and an organization with some. */
  appUser: string;
  appUserApp: string;
  appOrg: string;
  /** Pipes: an OAuth integration, a user to connect to it, and an API-key integration. */
  oauthIntegration: string;
  oauthUser: string;
  apiKeyIntegration: string;
  /** Agents (no list endpoint, so read from the demo seed the runner serves): a key, claim tokens, a registration. */
  agentKey: string;
  openClaimToken: string;
  closedClaimToken: string;
  agentRegistration: string;
}

/** A sent request as the runner reports it. */
interface Sent {
  status: number;
  bodyText: string;
}

/** What the rows need from the runner: a request that must succeed (setup steps). */
export interface EdataRunner {
  must(
    method: HttpMethod,
    path: string,
    options?: { body?: unknown; query?: Record<string, string> },
  ): Promise<Sent>;
}

export interface EdataRow {
  method: HttpMethod;
  template: string;
  note: string;
  path: (ids: EdataIds) => string;
  query?: (ids: EdataIds) => Record<string, string>;
  body?: (ids: EdataIds) => unknown;
  setup?: (ids: EdataIds) => Promise<Partial<EdataIds>>;
  status: number | readonly number[];
  nonEmpty?: boolean;
}

const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

export const EDATA_PLACEHOLDERS: EdataIds = {
  vaultObject: UNKNOWN_UUID,
  vaultObjectName: "contract-unknown-object",
  vaultVersion: UNKNOWN_UUID,
  encryptedKeys: "",
  groupOrg: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  orgGroup: "group_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  orgGroupMember: "om_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  orgGroupNonMember: "om_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  grantGroup: "group_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  groupGrant: "gra_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  groupGrantRole: "contract-unknown-role",
  connectApp: "conn_app_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  clientSecret: "secret_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  appUser: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  appUserApp: "conn_app_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  appOrg: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  oauthIntegration: "contract-unknown-provider",
  oauthUser: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  apiKeyIntegration: "contract-unknown-provider",
  agentKey: "contract-unknown-agent-key",
  openClaimToken: "contract-unknown-claim",
  closedClaimToken: "contract-unknown-claim",
  agentRegistration: "agent_registration_01JZZZZZZZZZZZZZZZZZZZZZZZ",
};

/** Path prefixes whose `{id}` is one of these ids (for the runner's authentication and rate-limit rows). */
export const EDATA_PATH_IDS: Record<string, (ids: EdataIds) => string> = {
  "/vault/v1/kv/": (ids) => ids.vaultObject,
  "/connect/applications/": (ids) => ids.connectApp,
  "/connect/client_secrets/": (ids) => ids.clientSecret,
  "/agents/registrations/": (ids) => ids.agentRegistration,
};

export async function discoverEdataIds(
  getJson: <T>(path: string, query?: Record<string, string>) => Promise<T>,
): Promise<EdataIds> {
  const objects = (await getJson<{ data: { id: string; name: string }[] }>("/vault/v1/kv", { limit: "100" }))
    .data;
  const object = objects[0];
  if (!object) throw new Error("the demo seed has no Vault object");
  const read = await getJson<{ metadata: { version_id: string } }>(`/vault/v1/kv/${object.id}`);
  return {
    vaultObject: object.id,
    vaultObjectName: object.name,
    vaultVersion: read.metadata.version_id,
    encryptedKeys: "",
    ...(await discoverGroup(getJson)),
    ...(await discoverGroupGrant(getJson)),
    ...(await discoverApplications(getJson)),
    ...(await discoverPipes(getJson)),
    ...discoverAgents(),
  };
}

function discoverAgents(): Pick<
  EdataIds,
  "agentKey" | "openClaimToken" | "closedClaimToken" | "agentRegistration"
> {
  const seeded = demoSeed.agent_registrations ?? [];
  const key = seeded.find((r) => r.api_key !== undefined)?.api_key;
  const open = seeded.find((r) => r.claim && r.claim.claimed_at === undefined)?.claim?.claim_attempt_token;
  const closed = seeded.find((r) => r.claim?.claimed_at !== undefined)?.claim?.claim_attempt_token;
  if (!key || !open || !closed)
    throw new Error("the demo seed lacks an agent key, an open claim or a completed one");
  // The registration's id is learned by validating the key (a POST) in the rows' setup; until then, rows that
  // only need a well-formed id (authentication, rate limits) get the placeholder.
  return {
    agentKey: key,
    openClaimToken: open,
    closedClaimToken: closed,
    agentRegistration: EDATA_PLACEHOLDERS.agentRegistration,
  };
}

async function discoverPipes(
  getJson: GetJson,
): Promise<Pick<EdataIds, "oauthIntegration" | "oauthUser" | "apiKeyIntegration">> {
  type Integration = { slug: string; auth_methods: string[]; credentials: { type: string } | null };
  const integrations = (await getJson<{ data: Integration[] }>("/data-integrations", { limit: "100" })).data;
  // An OAuth integration with the environment's own credentials, so organization credentials are refused.
  const oauth = integrations.find(
    (i) => i.auth_methods.includes("oauth") && i.credentials?.type === "custom",
  );
  const apiKey = integrations.find((i) => i.auth_methods.includes("api_key"));
  const user = (await getJson<{ data: { id: string }[] }>("/user_management/users", { limit: "100" }))
    .data[0];
  if (!oauth || !apiKey || !user) throw new Error("the demo seed lacks OAuth and API-key data integrations");
  return { oauthIntegration: oauth.slug, oauthUser: user.id, apiKeyIntegration: apiKey.slug };
}

async function discoverApplications(
  getJson: GetJson,
): Promise<Pick<EdataIds, "connectApp" | "clientSecret" | "appUser" | "appUserApp" | "appOrg">> {
  type Listed = { data: { id: string }[] };
  const apps = (await getJson<Listed>("/connect/applications", { limit: "100" })).data;
  let withSecret: { app: string; secret: string } | undefined;
  for (const app of apps) {
    const secret = (await getJson<{ id: string }[]>(`/connect/applications/${app.id}/client_secrets`))[0];
    if (secret) {
      withSecret = { app: app.id, secret: secret.id };
      break;
    }
  }
  const users = (await getJson<Listed>("/user_management/users", { limit: "100" })).data;
  let grant: { user: string; app: string } | undefined;
  for (const user of users) {
    const first = (
      await getJson<{ data: { application: { id: string } }[] }>(
        `/user_management/users/${user.id}/authorized_applications`,
      )
    ).data[0];
    if (first) {
      grant = { user: user.id, app: first.application.id };
      break;
    }
  }
  const orgs = (await getJson<Listed>("/organizations", { limit: "100" })).data;
  let appOrg: string | undefined;
  for (const org of orgs) {
    if ((await getJson<Listed>(`/organizations/${org.id}/authorized_applications`)).data.length > 0) {
      appOrg = org.id;
      break;
    }
  }
  if (!withSecret || !grant || !appOrg)
    throw new Error("the demo seed lacks an application with a client secret, or authorized applications");
  return {
    connectApp: withSecret.app,
    clientSecret: withSecret.secret,
    appUser: grant.user,
    appUserApp: grant.app,
    appOrg,
  };
}

type GetJson = <T>(path: string, query?: Record<string, string>) => Promise<T>;

async function discoverGroup(
  getJson: GetJson,
): Promise<Pick<EdataIds, "groupOrg" | "orgGroup" | "orgGroupMember" | "orgGroupNonMember">> {
  type Listed = { data: { id: string }[] };
  const orgs = (await getJson<Listed>("/organizations", { limit: "100" })).data;
  for (const org of orgs) {
    for (const group of (await getJson<Listed>(`/organizations/${org.id}/groups`, { limit: "100" })).data) {
      const members = (
        await getJson<Listed>(`/organizations/${org.id}/groups/${group.id}/organization-memberships`, {
          limit: "100",
        })
      ).data.map((m) => m.id);
      const all = (
        await getJson<Listed>("/user_management/organization_memberships", {
          organization_id: org.id,
          statuses: "active,inactive,pending",
          limit: "100",
        })
      ).data.map((m) => m.id);
      const outside = all.find((id) => !members.includes(id));
      if (members[0] && outside)
        return {
          groupOrg: org.id,
          orgGroup: group.id,
          orgGroupMember: members[0],
          orgGroupNonMember: outside,
        };
    }
  }
  throw new Error("the demo seed has no group with members beside a membership outside it");
}

async function discoverGroupGrant(
  getJson: GetJson,
): Promise<Pick<EdataIds, "grantGroup" | "groupGrant" | "groupGrantRole">> {
  type Listed = { data: { id: string }[] };
  type Grant = { id: string; role: { slug: string }; resource: { resource_type_slug: string } };
  for (const org of (await getJson<Listed>("/organizations", { limit: "100" })).data) {
    for (const group of (await getJson<Listed>(`/organizations/${org.id}/groups`, { limit: "100" })).data) {
      const grants = (
        await getJson<{ data: Grant[] }>(`/authorization/groups/${group.id}/role_assignments`, {
          limit: "100",
        })
      ).data;
      const onOrganization = grants.find((g) => g.resource.resource_type_slug === "organization");
      if (onOrganization)
        return {
          grantGroup: group.id,
          groupGrant: onOrganization.id,
          groupGrantRole: onOrganization.role.slug,
        };
    }
  }
  throw new Error("the demo seed has no group holding a role on its organization");
}

const GARBAGE_KEYS = Buffer.from("not a blob Vault made").toString("base64");

export function edataRows(run: EdataRunner): EdataRow[] {
  const dataKey = async (): Promise<Partial<EdataIds>> => {
    const res = await run.must("POST", "/vault/v1/keys/data-key", {
      body: { context: { tenant: "contract" } },
    });
    return { encryptedKeys: (JSON.parse(res.bodyText) as { encrypted_keys: string }).encrypted_keys };
  };
  const groups = (ids: EdataIds) => `/organizations/${ids.groupOrg}/groups`;
  const group = (ids: EdataIds) => `${groups(ids)}/${ids.orgGroup}`;
  const members = (ids: EdataIds) => `${group(ids)}/organization-memberships`;
  /** Connects the user to the OAuth integration the way a browser would: authorize, then follow the URL. */
  const connectOAuth = async (ids: EdataIds): Promise<Partial<EdataIds>> => {
    const res = await run.must("POST", `/data-integrations/${ids.oauthIntegration}/authorize`, {
      body: { user_id: ids.oauthUser },
    });
    const visit = await fetch((JSON.parse(res.bodyText) as { url: string }).url);
    if (visit.status !== 200) throw new Error(`setup: the authorization URL answered ${visit.status}`);
    return {};
  };
  const integration = (ids: EdataIds) => `/data-integrations/${ids.oauthIntegration}`;
  const UNKNOWN_SLUG = "/data-integrations/contract-unknown-provider";
  const registrationOfKey = async (ids: EdataIds): Promise<Partial<EdataIds>> => {
    const res = await run.must("POST", "/agents/credentials/validate", {
      body: { type: "api_key", credential: ids.agentKey },
    });
    return { agentRegistration: (JSON.parse(res.bodyText) as { registration_id: string }).registration_id };
  };
  const claim = (token: (ids: EdataIds) => string, user: Record<string, string>) => (ids: EdataIds) => ({
    type: "link_external_user",
    claim_attempt_token: token(ids),
    user,
  });
  return [
    // Agents
    {
      method: "GET",
      template: "/agents/registrations/{id}",
      note: "get",
      setup: registrationOfKey,
      path: (ids) => `/agents/registrations/${ids.agentRegistration}`,
      status: 200,
    },
    {
      method: "GET",
      template: "/agents/registrations/{id}",
      note: "unknown id",
      path: () => `/agents/registrations/${EDATA_PLACEHOLDERS.agentRegistration}`,
      status: 404,
    },
    {
      method: "POST",
      template: "/agents/credentials/validate",
      note: "a registration's API key",
      path: () => "/agents/credentials/validate",
      body: (ids) => ({ type: "api_key", credential: ids.agentKey }),
      status: 200,
    },
    {
      method: "POST",
      template: "/agents/credentials/validate",
      note: "an unknown access token",
      path: () => "/agents/credentials/validate",
      body: () => ({
        type: "access_token",
        credential: "contract-unknown-token",
        audience: "https://api.example.com",
      }),
      status: 200,
    },
    {
      method: "POST",
      template: "/agents/credentials/validate",
      note: "unknown type",
      path: () => "/agents/credentials/validate",
      body: () => ({ type: "password", credential: "x" }),
      status: 400,
    },
    {
      method: "PATCH",
      template: "/agents/claims/attempts",
      note: "link a new external user",
      path: () => "/agents/claims/attempts",
      body: claim((ids) => ids.openClaimToken, {
        email: "contract.agent.owner@example.com",
        external_id: "contract-ext",
      }),
      status: 200,
    },
    {
      method: "PATCH",
      template: "/agents/claims/attempts",
      note: "unknown claim token",
      path: () => "/agents/claims/attempts",
      body: claim(() => EDATA_PLACEHOLDERS.openClaimToken, { email: "a@example.com", external_id: "x" }),
      status: 400,
    },
    {
      method: "PATCH",
      template: "/agents/claims/attempts",
      note: "already claimed",
      path: () => "/agents/claims/attempts",
      body: claim((ids) => ids.closedClaimToken, { email: "a@example.com", external_id: "x" }),
      status: 409,
    },
    {
      method: "PATCH",
      template: "/agents/claims/attempts",
      note: "no user",
      path: () => "/agents/claims/attempts",
      body: (ids) => ({ type: "link_external_user", claim_attempt_token: ids.openClaimToken }),
      status: 400,
    },

    // Pipes: data integrations and connected accounts
    {
      method: "GET",
      template: "/data-integrations",
      note: "list",
      path: () => "/data-integrations",
      status: 200,
      nonEmpty: true,
    },
    {
      method: "POST",
      template: "/data-integrations",
      note: "create",
      path: () => "/data-integrations",
      body: () => ({
        provider: "hubspot",
        credentials: { type: "custom", client_id: "cid", client_secret: "csecret" },
      }),
      status: 201,
    },
    {
      method: "POST",
      template: "/data-integrations",
      note: "create an API-key integration with its first installation",
      path: () => "/data-integrations",
      body: (ids) => ({
        provider: "notion",
        auth_methods: ["api_key"],
        api_key: { secret: "ntn_secret_1234", user_id: ids.oauthUser },
      }),
      status: 201,
    },
    {
      method: "POST",
      template: "/data-integrations",
      note: "provider taken",
      path: () => "/data-integrations",
      body: (ids) => ({ provider: ids.oauthIntegration }),
      status: 409,
    },
    {
      method: "POST",
      template: "/data-integrations",
      note: "unknown provider",
      path: () => "/data-integrations",
      body: () => ({ provider: "contract-unknown-provider" }),
      status: 422,
    },
    { method: "GET", template: "/data-integrations/{slug}", note: "get", path: integration, status: 200 },
    {
      method: "GET",
      template: "/data-integrations/{slug}",
      note: "unknown slug",
      path: () => UNKNOWN_SLUG,
      status: 404,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}",
      note: "update",
      path: integration,
      body: () => ({ enabled: false, scopes: ["repo"] }),
      status: 200,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}",
      note: "enabled not a boolean",
      path: integration,
      body: () => ({ enabled: "yes" }),
      status: 422,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}",
      note: "unknown slug",
      path: () => UNKNOWN_SLUG,
      body: () => ({ enabled: false }),
      status: 404,
    },
    {
      method: "DELETE",
      template: "/data-integrations/{slug}",
      note: "delete",
      path: integration,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/data-integrations/{slug}",
      note: "unknown slug",
      path: () => UNKNOWN_SLUG,
      status: 404,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}/api-key",
      note: "install an API key",
      path: (ids) => `/data-integrations/${ids.apiKeyIntegration}/api-key`,
      body: (ids) => ({ user_id: ids.oauthUser, secret: "lin_api_contract_9999" }),
      status: 200,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}/api-key",
      note: "an OAuth integration",
      path: (ids) => `${integration(ids)}/api-key`,
      body: (ids) => ({ user_id: ids.oauthUser, secret: "x" }),
      status: 422,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}/api-key",
      note: "unknown user",
      path: (ids) => `/data-integrations/${ids.apiKeyIntegration}/api-key`,
      body: () => ({ user_id: EDATA_PLACEHOLDERS.oauthUser, secret: "x" }),
      status: 404,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}/client-credentials",
      note: "install client credentials",
      path: () => "/data-integrations/hubspot/client-credentials",
      setup: async () => {
        await run.must("POST", "/data-integrations", {
          body: { provider: "hubspot", auth_methods: ["client_credentials"] },
        });
        return {};
      },
      body: (ids) => ({ user_id: ids.oauthUser, client_id: "hs-client", client_secret: "hs-secret-4321" }),
      status: 200,
    },
    {
      method: "PUT",
      template: "/data-integrations/{slug}/client-credentials",
      note: "an OAuth integration",
      path: (ids) => `${integration(ids)}/client-credentials`,
      body: (ids) => ({ user_id: ids.oauthUser, client_id: "c", client_secret: "s" }),
      status: 422,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/authorize",
      note: "authorization URL",
      path: (ids) => `${integration(ids)}/authorize`,
      body: (ids) => ({ user_id: ids.oauthUser, return_to: "https://app.example.com/done" }),
      status: 200,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/authorize",
      note: "an API-key integration",
      path: (ids) => `/data-integrations/${ids.apiKeyIntegration}/authorize`,
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 400,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/authorize",
      note: "unknown user",
      path: (ids) => `${integration(ids)}/authorize`,
      body: () => ({ user_id: EDATA_PLACEHOLDERS.oauthUser }),
      status: 404,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/credentials",
      note: "OAuth credential of a connected account",
      path: (ids) => `${integration(ids)}/credentials`,
      setup: connectOAuth,
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 200,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/credentials",
      note: "API-key credential",
      path: (ids) => `/data-integrations/${ids.apiKeyIntegration}/credentials`,
      setup: async (ids) => {
        await run.must("PUT", `/data-integrations/${ids.apiKeyIntegration}/api-key`, {
          body: { user_id: ids.oauthUser, secret: "lin_api_contract_9999" },
        });
        return {};
      },
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 200,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/credentials",
      note: "no connected account",
      path: () => "/data-integrations/slack/credentials",
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 404,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/credentials",
      note: "no user_id",
      path: (ids) => `${integration(ids)}/credentials`,
      body: () => ({}),
      status: 422,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/token",
      note: "token of a connected account",
      path: (ids) => `${integration(ids)}/token`,
      setup: connectOAuth,
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 200,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/token",
      note: "not installed",
      path: () => "/data-integrations/slack/token",
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 200,
    },
    {
      method: "POST",
      template: "/data-integrations/{slug}/token",
      note: "an API-key account",
      path: (ids) => `/data-integrations/${ids.apiKeyIntegration}/token`,
      setup: async (ids) => {
        await run.must("PUT", `/data-integrations/${ids.apiKeyIntegration}/api-key`, {
          body: { user_id: ids.oauthUser, secret: "lin_api_contract_9999" },
        });
        return {};
      },
      body: (ids) => ({ user_id: ids.oauthUser }),
      status: 422,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/data_integration_configurations",
      note: "list",
      path: (ids) => `/organizations/${ids.groupOrg}/data_integration_configurations`,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/data_integration_configurations",
      note: "unknown organization",
      path: () => `/organizations/${EDATA_PLACEHOLDERS.groupOrg}/data_integration_configurations`,
      status: 404,
    },
    {
      method: "PUT",
      template: "/organizations/{organizationId}/data_integration_configurations/{slug}",
      note: "configure",
      path: (ids) => `/organizations/${ids.groupOrg}/data_integration_configurations/${ids.oauthIntegration}`,
      body: () => ({ enabled: false, scopes: ["repo"] }),
      status: 200,
    },
    {
      method: "PUT",
      template: "/organizations/{organizationId}/data_integration_configurations/{slug}",
      note: "organization credentials for an integration that takes none",
      path: (ids) => `/organizations/${ids.groupOrg}/data_integration_configurations/${ids.oauthIntegration}`,
      body: () => ({ client_id: "c", client_secret: "s" }),
      status: 422,
    },
    {
      method: "PUT",
      template: "/organizations/{organizationId}/data_integration_configurations/{slug}",
      note: "unknown slug",
      path: (ids) =>
        `/organizations/${ids.groupOrg}/data_integration_configurations/contract-unknown-provider`,
      body: () => ({ enabled: false }),
      status: 404,
    },

    // Groups
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups",
      note: "create",
      path: groups,
      body: () => ({ name: "Contract Group", description: "made by the contract" }),
      status: 201,
    },
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups",
      note: "no name",
      path: groups,
      body: () => ({ description: "nameless" }),
      status: 422,
    },
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups",
      note: "unknown organization",
      path: () => `/organizations/${EDATA_PLACEHOLDERS.groupOrg}/groups`,
      body: () => ({ name: "Contract Group" }),
      status: 404,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups",
      note: "list",
      path: groups,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups",
      note: "unknown organization",
      path: () => `/organizations/${EDATA_PLACEHOLDERS.groupOrg}/groups`,
      status: 404,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "get",
      path: group,
      status: 200,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "unknown group",
      path: (ids) => `${groups(ids)}/${EDATA_PLACEHOLDERS.orgGroup}`,
      status: 404,
    },
    {
      method: "PATCH",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "rename",
      path: group,
      body: () => ({ name: "Renamed", description: null }),
      status: 200,
    },
    {
      method: "PATCH",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "empty name",
      path: group,
      body: () => ({ name: "" }),
      status: 422,
    },
    {
      method: "PATCH",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "unknown group",
      path: (ids) => `${groups(ids)}/${EDATA_PLACEHOLDERS.orgGroup}`,
      body: () => ({ name: "Renamed" }),
      status: 404,
    },
    {
      method: "DELETE",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "delete",
      path: group,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/organizations/{organizationId}/groups/{groupId}",
      note: "unknown group",
      path: (ids) => `${groups(ids)}/${EDATA_PLACEHOLDERS.orgGroup}`,
      status: 404,
    },
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships",
      note: "add a member",
      path: members,
      body: (ids) => ({ organization_membership_id: ids.orgGroupNonMember }),
      status: 200,
    },
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships",
      note: "no organization_membership_id",
      path: members,
      body: () => ({}),
      status: 422,
    },
    {
      method: "POST",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships",
      note: "unknown membership",
      path: members,
      body: () => ({ organization_membership_id: EDATA_PLACEHOLDERS.orgGroupMember }),
      status: 404,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships",
      note: "members",
      path: members,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships",
      note: "unknown group",
      path: (ids) => `${groups(ids)}/${EDATA_PLACEHOLDERS.orgGroup}/organization-memberships`,
      status: 404,
    },
    {
      method: "DELETE",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships/{omId}",
      note: "remove a member",
      path: (ids) => `${members(ids)}/${ids.orgGroupMember}`,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/organizations/{organizationId}/groups/{groupId}/organization-memberships/{omId}",
      note: "not a member",
      path: (ids) => `${members(ids)}/${ids.orgGroupNonMember}`,
      status: 404,
    },

    // Group role assignments, and a membership's groups
    ...groupRoleAssignmentRows(run),
    {
      method: "GET",
      template: "/user_management/organization_memberships/{omId}/groups",
      note: "a member's groups",
      path: (ids) => `/user_management/organization_memberships/${ids.orgGroupMember}/groups`,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/user_management/organization_memberships/{omId}/groups",
      note: "unknown membership",
      path: () => `/user_management/organization_memberships/${EDATA_PLACEHOLDERS.orgGroupMember}/groups`,
      status: 404,
    },

    // Connect applications and their client secrets
    {
      method: "GET",
      template: "/connect/applications",
      note: "list",
      path: () => "/connect/applications",
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/connect/applications",
      note: "unknown organization_id",
      path: () => "/connect/applications",
      query: () => ({ organization_id: EDATA_PLACEHOLDERS.appOrg }),
      status: 422,
    },
    {
      method: "POST",
      template: "/connect/applications",
      note: "create OAuth",
      path: () => "/connect/applications",
      body: () => ({
        name: "Contract OAuth",
        application_type: "oauth",
        is_first_party: true,
        redirect_uris: [{ uri: "https://contract.example.com/callback", default: true }],
        scopes: ["openid"],
      }),
      status: 201,
    },
    {
      method: "POST",
      template: "/connect/applications",
      note: "create M2M",
      path: () => "/connect/applications",
      body: (ids) => ({ name: "Contract M2M", application_type: "m2m", organization_id: ids.appOrg }),
      status: 201,
    },
    {
      method: "POST",
      template: "/connect/applications",
      note: "M2M without organization_id",
      path: () => "/connect/applications",
      body: () => ({ name: "Contract M2M", application_type: "m2m" }),
      status: 422,
    },
    {
      method: "POST",
      template: "/connect/applications",
      note: "unknown organization",
      path: () => "/connect/applications",
      body: () => ({
        name: "Contract M2M",
        application_type: "m2m",
        organization_id: EDATA_PLACEHOLDERS.appOrg,
      }),
      status: 404,
    },
    {
      method: "GET",
      template: "/connect/applications/{id}",
      note: "get",
      path: (ids) => `/connect/applications/${ids.connectApp}`,
      status: 200,
    },
    {
      method: "GET",
      template: "/connect/applications/{id}",
      note: "unknown id",
      path: () => `/connect/applications/${EDATA_PLACEHOLDERS.connectApp}`,
      status: 404,
    },
    {
      method: "PUT",
      template: "/connect/applications/{id}",
      note: "update",
      path: (ids) => `/connect/applications/${ids.connectApp}`,
      body: () => ({ name: "Renamed", description: "changed by the contract", scopes: ["openid", "email"] }),
      status: 200,
    },
    {
      method: "PUT",
      template: "/connect/applications/{id}",
      note: "scopes not an array",
      path: (ids) => `/connect/applications/${ids.connectApp}`,
      body: () => ({ scopes: "openid" }),
      status: 422,
    },
    {
      method: "PUT",
      template: "/connect/applications/{id}",
      note: "unknown id",
      path: () => `/connect/applications/${EDATA_PLACEHOLDERS.connectApp}`,
      body: () => ({ name: "Renamed" }),
      status: 404,
    },
    {
      method: "DELETE",
      template: "/connect/applications/{id}",
      note: "delete",
      path: (ids) => `/connect/applications/${ids.connectApp}`,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/connect/applications/{id}",
      note: "unknown id",
      path: () => `/connect/applications/${EDATA_PLACEHOLDERS.connectApp}`,
      status: 404,
    },
    {
      method: "GET",
      template: "/connect/applications/{id}/client_secrets",
      note: "list",
      path: (ids) => `/connect/applications/${ids.connectApp}/client_secrets`,
      status: 200,
    },
    {
      method: "GET",
      template: "/connect/applications/{id}/client_secrets",
      note: "unknown application",
      path: () => `/connect/applications/${EDATA_PLACEHOLDERS.connectApp}/client_secrets`,
      status: 404,
    },
    {
      method: "POST",
      template: "/connect/applications/{id}/client_secrets",
      note: "create",
      path: (ids) => `/connect/applications/${ids.connectApp}/client_secrets`,
      body: () => ({}),
      status: 201,
    },
    {
      method: "POST",
      template: "/connect/applications/{id}/client_secrets",
      note: "body not an object",
      path: (ids) => `/connect/applications/${ids.connectApp}/client_secrets`,
      body: () => [1],
      status: 422,
    },
    {
      method: "POST",
      template: "/connect/applications/{id}/client_secrets",
      note: "unknown application",
      path: () => `/connect/applications/${EDATA_PLACEHOLDERS.connectApp}/client_secrets`,
      body: () => ({}),
      status: 404,
    },
    {
      method: "DELETE",
      template: "/connect/client_secrets/{id}",
      note: "delete",
      path: (ids) => `/connect/client_secrets/${ids.clientSecret}`,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/connect/client_secrets/{id}",
      note: "unknown id",
      path: () => `/connect/client_secrets/${EDATA_PLACEHOLDERS.clientSecret}`,
      status: 404,
    },

    // Authorized applications
    {
      method: "GET",
      template: "/organizations/{organization_id}/authorized_applications",
      note: "list",
      path: (ids) => `/organizations/${ids.appOrg}/authorized_applications`,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/organizations/{organization_id}/authorized_applications",
      note: "unknown organization",
      path: () => `/organizations/${EDATA_PLACEHOLDERS.appOrg}/authorized_applications`,
      status: 404,
    },
    {
      method: "GET",
      template: "/organizations/{organization_id}/authorized_applications",
      note: "limit=101",
      path: (ids) => `/organizations/${ids.appOrg}/authorized_applications`,
      query: () => ({ limit: "101" }),
      status: 422,
    },
    {
      method: "GET",
      template: "/user_management/users/{user_id}/authorized_applications",
      note: "list",
      path: (ids) => `/user_management/users/${ids.appUser}/authorized_applications`,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/user_management/users/{user_id}/authorized_applications",
      note: "unknown user",
      path: () => `/user_management/users/${EDATA_PLACEHOLDERS.appUser}/authorized_applications`,
      status: 404,
    },
    {
      method: "GET",
      template: "/user_management/users/{user_id}/authorized_applications",
      note: "order=sideways",
      path: (ids) => `/user_management/users/${ids.appUser}/authorized_applications`,
      query: () => ({ order: "sideways" }),
      status: 422,
    },
    {
      method: "DELETE",
      template: "/user_management/users/{user_id}/authorized_applications/{application_id}",
      note: "revoke",
      path: (ids) => `/user_management/users/${ids.appUser}/authorized_applications/${ids.appUserApp}`,
      status: 204,
    },
    {
      method: "DELETE",
      template: "/user_management/users/{user_id}/authorized_applications/{application_id}",
      note: "unknown application",
      path: (ids) =>
        `/user_management/users/${ids.appUser}/authorized_applications/${EDATA_PLACEHOLDERS.appUserApp}`,
      status: 404,
    },

    // Vault: key-value objects
    {
      method: "GET",
      template: "/vault/v1/kv",
      note: "list",
      path: () => "/vault/v1/kv",
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/vault/v1/kv",
      note: "order=normal is not Vault's",
      path: () => "/vault/v1/kv",
      query: () => ({ order: "normal" }),
      status: 400,
    },
    {
      method: "POST",
      template: "/vault/v1/kv",
      note: "create",
      path: () => "/vault/v1/kv",
      body: () => ({ name: "contract-secret", value: "s3cr3t", key_context: { tenant: "contract" } }),
      status: 201,
    },
    {
      method: "POST",
      template: "/vault/v1/kv",
      note: "no key_context",
      path: () => "/vault/v1/kv",
      body: () => ({ name: "contract-secret", value: "s3cr3t" }),
      status: 422,
    },
    {
      method: "POST",
      template: "/vault/v1/kv",
      note: "name taken",
      path: () => "/vault/v1/kv",
      body: (ids) => ({ name: ids.vaultObjectName, value: "x", key_context: {} }),
      status: 409,
    },
    {
      method: "POST",
      template: "/vault/v1/kv",
      note: "body not an object",
      path: () => "/vault/v1/kv",
      body: () => ["not", "an", "object"],
      status: 400,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/name/{name}",
      note: "read by name",
      path: (ids) => `/vault/v1/kv/name/${ids.vaultObjectName}`,
      status: 200,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/name/{name}",
      note: "unknown name",
      path: () => `/vault/v1/kv/name/${EDATA_PLACEHOLDERS.vaultObjectName}`,
      status: 404,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}",
      note: "read",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      status: 200,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}",
      note: "unknown id",
      path: () => `/vault/v1/kv/${UNKNOWN_UUID}`,
      status: 404,
    },
    {
      method: "PUT",
      template: "/vault/v1/kv/{id}",
      note: "update at the current version",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      body: (ids) => ({ value: "rotated", version_check: ids.vaultVersion }),
      status: 201,
    },
    {
      method: "PUT",
      template: "/vault/v1/kv/{id}",
      note: "stale version_check",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      body: () => ({ value: "rotated", version_check: UNKNOWN_UUID }),
      status: 409,
    },
    {
      method: "PUT",
      template: "/vault/v1/kv/{id}",
      note: "no value",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      body: () => ({}),
      status: 400,
    },
    {
      method: "PUT",
      template: "/vault/v1/kv/{id}",
      note: "unknown id (undeclared)",
      path: () => `/vault/v1/kv/${UNKNOWN_UUID}`,
      body: () => ({ value: "x" }),
      status: 404,
    },
    {
      method: "DELETE",
      template: "/vault/v1/kv/{id}",
      note: "delete",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      status: 200,
    },
    {
      method: "DELETE",
      template: "/vault/v1/kv/{id}",
      note: "stale version_check",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}`,
      query: () => ({ version_check: UNKNOWN_UUID }),
      status: 409,
    },
    {
      method: "DELETE",
      template: "/vault/v1/kv/{id}",
      note: "unknown id",
      path: () => `/vault/v1/kv/${UNKNOWN_UUID}`,
      status: 404,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}/metadata",
      note: "describe",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}/metadata`,
      status: 200,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}/metadata",
      note: "unknown id",
      path: () => `/vault/v1/kv/${UNKNOWN_UUID}/metadata`,
      status: 404,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}/versions",
      note: "versions",
      path: (ids) => `/vault/v1/kv/${ids.vaultObject}/versions`,
      status: 200,
      nonEmpty: true,
    },
    {
      method: "GET",
      template: "/vault/v1/kv/{id}/versions",
      note: "unknown id",
      path: () => `/vault/v1/kv/${UNKNOWN_UUID}/versions`,
      status: 404,
    },

    // Vault: data keys
    {
      method: "POST",
      template: "/vault/v1/keys/data-key",
      note: "create",
      path: () => "/vault/v1/keys/data-key",
      body: () => ({ context: { tenant: "contract" } }),
      status: 200,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/data-key",
      note: "no context",
      path: () => "/vault/v1/keys/data-key",
      body: () => ({}),
      status: 422,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/data-key",
      note: "body not an object",
      path: () => "/vault/v1/keys/data-key",
      body: () => "context",
      status: 400,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/decrypt",
      note: "decrypt",
      path: () => "/vault/v1/keys/decrypt",
      setup: dataKey,
      body: (ids) => ({ keys: ids.encryptedKeys }),
      status: 200,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/decrypt",
      note: "not a blob Vault made",
      path: () => "/vault/v1/keys/decrypt",
      body: () => ({ keys: GARBAGE_KEYS }),
      status: 400,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/rekey",
      note: "rekey",
      path: () => "/vault/v1/keys/rekey",
      setup: dataKey,
      body: (ids) => ({ encrypted_keys: ids.encryptedKeys, context: { tenant: "other" } }),
      status: 200,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/rekey",
      note: "not a blob Vault made",
      path: () => "/vault/v1/keys/rekey",
      body: () => ({ encrypted_keys: GARBAGE_KEYS, context: { tenant: "other" } }),
      status: 400,
    },
    {
      method: "POST",
      template: "/vault/v1/keys/rekey",
      note: "no context",
      path: () => "/vault/v1/keys/rekey",
      setup: dataKey,
      body: (ids) => ({ encrypted_keys: ids.encryptedKeys }),
      status: 422,
    },
  ];
}

function groupRoleAssignmentRows(run: EdataRunner): EdataRow[] {
  const LIST = "/authorization/groups/{group_id}/role_assignments";
  const ONE = "/authorization/groups/{group_id}/role_assignments/{role_assignment_id}";
  const of = (group: string) => `/authorization/groups/${group}/role_assignments`;
  /** Takes the seeded assignment away, so the group holds the role no more. */
  const unassign = async (ids: EdataIds): Promise<Partial<EdataIds>> => {
    await run.must("DELETE", `${of(ids.grantGroup)}/${ids.groupGrant}`);
    return {};
  };
  const unknownGroup = () => of(EDATA_PLACEHOLDERS.grantGroup);
  return [
    {
      method: "GET",
      template: LIST,
      note: "list",
      path: (ids) => of(ids.grantGroup),
      status: 200,
      nonEmpty: true,
    },
    { method: "GET", template: LIST, note: "unknown group", path: unknownGroup, status: 404 },
    {
      method: "POST",
      template: LIST,
      note: "assign",
      setup: unassign,
      path: (ids) => of(ids.grantGroup),
      body: (ids) => ({ role_slug: ids.groupGrantRole }),
      status: 201,
    },
    {
      method: "POST",
      template: LIST,
      note: "no role_slug",
      path: (ids) => of(ids.orgGroup),
      body: () => ({}),
      status: 422,
    },
    {
      method: "POST",
      template: LIST,
      note: "unknown group",
      path: unknownGroup,
      body: (ids) => ({ role_slug: ids.groupGrantRole }),
      status: 404,
    },
    {
      method: "POST",
      template: LIST,
      note: "already held",
      path: (ids) => of(ids.grantGroup),
      body: (ids) => ({ role_slug: ids.groupGrantRole }),
      status: 409,
    },
    {
      method: "PUT",
      template: LIST,
      note: "replace",
      path: (ids) => of(ids.grantGroup),
      body: (ids) => ({ role_assignments: [{ role_slug: ids.groupGrantRole }] }),
      status: 200,
      nonEmpty: true,
    },
    {
      method: "PUT",
      template: LIST,
      note: "no role_assignments",
      path: (ids) => of(ids.orgGroup),
      body: () => ({}),
      status: 422,
    },
    {
      method: "PUT",
      template: LIST,
      note: "unknown group",
      path: unknownGroup,
      body: () => ({ role_assignments: [] }),
      status: 404,
    },
    {
      method: "DELETE",
      template: LIST,
      note: "remove by role and target",
      path: (ids) => of(ids.grantGroup),
      body: (ids) => ({ role_slug: ids.groupGrantRole }),
      status: 204,
    },
    {
      method: "DELETE",
      template: LIST,
      note: "no such assignment",
      setup: unassign,
      path: (ids) => of(ids.grantGroup),
      body: (ids) => ({ role_slug: ids.groupGrantRole }),
      status: 404,
    },
    {
      method: "DELETE",
      template: LIST,
      note: "no role_slug",
      path: (ids) => of(ids.grantGroup),
      body: () => ({}),
      status: 422,
    },
    {
      method: "GET",
      template: ONE,
      note: "read",
      path: (ids) => `${of(ids.grantGroup)}/${ids.groupGrant}`,
      status: 200,
    },
    {
      method: "GET",
      template: ONE,
      note: "another group's assignment",
      path: (ids) => `${of(ids.orgGroup)}/${ids.groupGrant}`,
      status: 404,
    },
    {
      method: "DELETE",
      template: ONE,
      note: "delete",
      path: (ids) => `${of(ids.grantGroup)}/${ids.groupGrant}`,
      status: 204,
    },
    {
      method: "DELETE",
      template: ONE,
      note: "unknown assignment",
      path: (ids) => `${of(ids.grantGroup)}/${EDATA_PLACEHOLDERS.groupGrant}`,
      status: 404,
    },
  ];
}
