import { z } from "zod";
import {
  CONNECTED_ACCOUNT_ID_PREFIX,
  type ConnectedAccount,
  connectedAccount,
} from "../../workos/connected-account.js";
import {
  DATA_INTEGRATION_ID_PREFIX,
  type DataIntegration,
  type DataIntegrationWithoutInstallation,
  storedDataIntegration,
} from "../../workos/data-integration.js";
import type { DataIntegrationConfiguration } from "../../workos/data-integration-configuration.js";
import {
  CONNECTED_ACCOUNT_STATES,
  DATA_INTEGRATION_AUTH_METHODS,
  DATA_INTEGRATION_CREDENTIAL_TYPES,
} from "../../workos-vocabulary.js";
import { ApiError, badRequest, conflict, notFound, unprocessable } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import { type Resource, requiredString, type SeedLoader, seedId, seedTimestamps } from "../resource.js";
import { deleteWithDependents, findOr404 } from "../resource-routes.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { isRecord, requireObjectBody } from "../validate.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

type AuthMethod = (typeof DATA_INTEGRATION_AUTH_METHODS)[number];

/** The built-in providers the emulator knows, by slug, with their display names and default scopes. */
export const PROVIDERS: Readonly<Record<string, { name: string; scopes: string[] }>> = {
  github: { name: "GitHub", scopes: ["repo", "read:user"] },
  slack: { name: "Slack", scopes: ["channels:read", "chat:write"] },
  google: { name: "Google", scopes: ["https://www.googleapis.com/auth/drive.readonly"] },
  salesforce: { name: "Salesforce", scopes: ["api", "refresh_token"] },
  hubspot: { name: "HubSpot", scopes: ["crm.objects.contacts.read"] },
  notion: { name: "Notion", scopes: [] },
  linear: { name: "Linear", scopes: ["read"] },
  jira: { name: "Jira", scopes: ["read:jira-work"] },
};

/** How long a vended OAuth access token lives before the emulator refreshes it. */
export const TOKEN_TTL_MS = 60 * 60 * 1000;

/** A data integration as kept: the secret behind `redacted_client_secret` stays here. */
export interface StoredDataIntegration extends DataIntegrationWithoutInstallation {
  client_secret: string | null;
}

/** A connected account as kept: its credential values stay here, and only hints are served. */
export interface StoredConnectedAccount extends ConnectedAccount {
  integration_id: string;
  /** The integration's slug, which the pipes.connected_account.* events name. */
  provider_slug: string;
  auth_method: AuthMethod;
  /** The API key, OAuth access token or client secret, as credentials vending returns it. */
  secret: string;
  expires_at: string | null;
}

/** An organization's configuration of a provider. */
export interface StoredConfiguration {
  id: string;
  integration_id: string;
  organization_id: string;
  enabled: boolean;
  scopes: string[] | null;
  config: Record<string, string>;
  client_id: string | null;
  client_secret: string | null;
  created_at: string;
  updated_at: string;
}

/** An authorization URL handed out and not yet visited: its id is the `state` in the URL. */
export interface PendingAuthorization {
  id: string;
  integration_id: string;
  user_id: string;
  organization_id: string | null;
  return_to: string | null;
}

const lastFour = (value: string | null): string | null => (value === null ? null : value.slice(-4));

const seedEntry = z.object({
  id: seedId,
  provider: requiredString(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  enabled: z.boolean({ error: "must be a boolean" }).optional(),
  scopes: z.array(z.string(), { error: "must be an array of strings" }).nullable().optional(),
  auth_methods: z
    .array(z.enum(DATA_INTEGRATION_AUTH_METHODS), { error: "must be an array of auth methods" })
    .optional(),
  credentials: z
    .object({
      type: z.enum(DATA_INTEGRATION_CREDENTIAL_TYPES),
      client_id: z.string().optional(),
      client_secret: z.string().optional(),
    })
    .optional(),
  /** The accounts users have connected, with the credential each holds. */
  connected_accounts: z
    .array(
      z.object({
        user_id: requiredString(),
        organization_id: z.string().optional(),
        auth_method: z.enum(DATA_INTEGRATION_AUTH_METHODS).optional(),
        secret: z.string().optional(),
        state: z.enum(CONNECTED_ACCOUNT_STATES).optional(),
        scopes: z.array(z.string()).optional(),
      }),
      { error: "must be an array" },
    )
    .optional(),
  ...seedTimestamps,
});

export type SeedDataIntegration = z.input<typeof seedEntry>;

function redirectUri(baseUrl: string, slug: string, id: string): string {
  return `${baseUrl}/data-integrations/${slug}/${id}/callback`;
}

function loadSeed(entries: readonly SeedDataIntegration[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const id = s.id ?? loader.fixedId(DATA_INTEGRATION_ID_PREFIX, at);
    const methods = s.auth_methods ?? ["oauth"];
    loader.store.of(dataIntegrations).insert({
      object: "data_integration",
      id,
      slug: s.provider,
      integration_type: s.provider,
      description: s.description ?? null,
      enabled: s.enabled ?? true,
      state: "valid",
      scopes: s.scopes === undefined ? [...(PROVIDERS[s.provider]?.scopes ?? [])] : s.scopes,
      // The emulator's address is known only when it runs: `serialize` fills it in.
      redirect_uri: "",
      auth_methods: [...methods],
      credentials: s.credentials
        ? {
            type: s.credentials.type,
            client_id: s.credentials.client_id ?? null,
            redacted_client_secret: redact(s.credentials.client_secret ?? null),
          }
        : null,
      client_secret: s.credentials?.client_secret ?? null,
      config: {},
      custom_provider: null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
    for (const account of s.connected_accounts ?? []) {
      const method = account.auth_method ?? methods[0] ?? "oauth";
      const secret = account.secret ?? `seeded_${randomToken(12)}`;
      loader.store.of(connectedAccounts).insert({
        object: "connected_account",
        id: loader.fixedId(CONNECTED_ACCOUNT_ID_PREFIX, at),
        integration_id: id,
        provider_slug: s.provider,
        user_id: account.user_id,
        organization_id: account.organization_id ?? null,
        scopes: [...(account.scopes ?? PROVIDERS[s.provider]?.scopes ?? [])],
        auth_method: method,
        api_key_last_4: method === "api_key" ? lastFour(secret) : null,
        client_id: null,
        client_secret_last_4: null,
        config: {},
        state: account.state ?? "connected",
        secret,
        // Seeded OAuth tokens are already expired, so the first vend shows a refresh.
        expires_at: method === "oauth" ? at : null,
        created_at: at,
        updated_at: at,
      });
    }
  }
}

function redact(secret: string | null): string | null {
  return secret === null ? null : `${"*".repeat(8)}${secret.slice(-4)}`;
}

function serialize(stored: StoredDataIntegration, baseUrl: string): DataIntegrationWithoutInstallation {
  const { client_secret: _secret, ...rest } = stored;
  return {
    ...rest,
    scopes: rest.scopes === null ? null : [...rest.scopes],
    auth_methods: [...rest.auth_methods],
    credentials: rest.credentials ? { ...rest.credentials } : null,
    config: { ...rest.config },
    redirect_uri: redirectUri(baseUrl, rest.slug, rest.id),
  };
}

export function serializeAccount(a: StoredConnectedAccount): ConnectedAccount {
  const { integration_id: _i, provider_slug: _p, secret: _s, expires_at: _e, ...rest } = a;
  return { ...rest, scopes: [...rest.scopes], config: { ...(rest.config ?? {}) } };
}

/** What pipes.connected_account.* events carry (the spec's PipesConnectedAccount). */
export function eventData(a: StoredConnectedAccount): Record<string, unknown> {
  return {
    object: "connected_account",
    id: a.id,
    data_integration_id: a.integration_id,
    provider_slug: a.provider_slug,
    user_id: a.user_id,
    organization_id: a.organization_id,
    scopes: [...a.scopes],
    state: a.state === "needs_reauthorization" ? "needs_reauthorization" : "connected",
    created_at: a.created_at,
    updated_at: a.updated_at,
  };
}

export function integrationOf(ctx: EmulatorContext, slug: string | undefined): StoredDataIntegration {
  const wanted = slug ?? "";
  const found = ctx.store
    .of(dataIntegrations)
    .values()
    .find((i) => i.slug === wanted);
  if (!found) throw notFound(`Data integration not found: '${wanted}'.`);
  return found;
}

function stringArray(value: unknown, field: string): string[] | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw unprocessable(`${field} must be an array of strings.`, [{ field, code: `${field}_invalid` }]);
  return [...(value as string[])];
}

function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || Object.values(value).some((v) => typeof v !== "string"))
    throw unprocessable(`${field} must be an object of strings.`, [{ field, code: `${field}_invalid` }]);
  return { ...(value as Record<string, string>) };
}

function requiredText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== "string" || value === "")
    throw unprocessable(`${field} is required.`, [{ field, code: `${field}_required` }]);
  return value;
}

/** The user (and, when given, organization) a connected-account request names; unknown ones get 404. */
function owner(ctx: EmulatorContext, body: Record<string, unknown>): { user: string; org: string | null } {
  const user = findOr404(ctx, users, requiredText(body, "user_id")).id;
  const orgId = body.organization_id;
  if (orgId === undefined || orgId === null) return { user, org: null };
  return { user, org: findOr404(ctx, organizations, String(orgId)).id };
}

function accountOf(
  ctx: EmulatorContext,
  integration: StoredDataIntegration,
  user: string,
  org: string | null,
) {
  return ctx.store
    .of(connectedAccounts)
    .values()
    .find((a) => a.integration_id === integration.id && a.user_id === user && a.organization_id === org);
}

function mismatch(integration: StoredDataIntegration, method: AuthMethod): ApiError {
  return new ApiError(422, {
    code: "auth_method_mismatch",
    message: `The ${integration.slug} integration does not use ${method}.`,
  });
}

/** Creates or rotates the caller's connected account of a non-OAuth integration. */
function upsertAccount(
  ctx: EmulatorContext,
  req: ApiRequest,
  method: "api_key" | "client_credentials",
): StoredConnectedAccount {
  const integration = integrationOf(ctx, req.params.slug);
  if (!integration.auth_methods.includes(method)) throw mismatch(integration, method);
  const body = requireObjectBody(req.body);
  const { user, org } = owner(ctx, body);
  const secret = requiredText(body, method === "api_key" ? "secret" : "client_secret");
  const clientId = method === "client_credentials" ? requiredText(body, "client_id") : null;
  const config = stringMap(body.config, "config") ?? {};
  const at = isoTime(ctx.now());
  const current = accountOf(ctx, integration, user, org);
  const next: StoredConnectedAccount = {
    object: "connected_account",
    id: current?.id ?? newId(CONNECTED_ACCOUNT_ID_PREFIX),
    integration_id: integration.id,
    provider_slug: integration.slug,
    user_id: user,
    organization_id: org,
    scopes: [...(integration.scopes ?? [])],
    auth_method: method,
    api_key_last_4: method === "api_key" ? lastFour(secret) : null,
    client_id: clientId,
    client_secret_last_4: method === "client_credentials" ? lastFour(secret) : null,
    config,
    state: "connected",
    secret,
    expires_at: null,
    created_at: current?.created_at ?? at,
    updated_at: at,
  };
  if (current) ctx.store.of(connectedAccounts).replace(next);
  else ctx.store.of(connectedAccounts).insert(next);
  ctx.emit({ type: "pipes.connected_account.connected", data: eventData(next), organizationId: org });
  return next;
}

/** An OAuth account's token, refreshed when it has expired. */
function freshToken(ctx: EmulatorContext, account: StoredConnectedAccount): StoredConnectedAccount {
  if (account.expires_at !== null && Date.parse(account.expires_at) > ctx.now()) return account;
  const next = {
    ...account,
    secret: `pipes_at_${randomToken(24)}`,
    expires_at: isoTime(ctx.now() + TOKEN_TTL_MS),
    updated_at: isoTime(ctx.now()),
  };
  ctx.store.of(connectedAccounts).replace(next);
  return next;
}

function missingScopes(integration: StoredDataIntegration, account: StoredConnectedAccount): string[] {
  return (integration.scopes ?? []).filter((s) => !account.scopes.includes(s));
}

interface CredentialsInput {
  type: (typeof DATA_INTEGRATION_CREDENTIAL_TYPES)[number];
  client_id: string | null;
  redacted_client_secret: string | null;
  secret: string | null;
}

function readCredentials(value: unknown): CredentialsInput {
  if (!isRecord(value) || !(DATA_INTEGRATION_CREDENTIAL_TYPES as readonly unknown[]).includes(value.type))
    throw unprocessable(`credentials.type must be one of ${DATA_INTEGRATION_CREDENTIAL_TYPES.join(", ")}.`, [
      { field: "credentials", code: "credentials_invalid" },
    ]);
  const type = value.type as (typeof DATA_INTEGRATION_CREDENTIAL_TYPES)[number];
  const clientId = typeof value.client_id === "string" ? value.client_id : null;
  const secret = typeof value.client_secret === "string" ? value.client_secret : null;
  if (type === "custom" && (clientId === null || secret === null))
    throw unprocessable("custom credentials need client_id and client_secret.", [
      { field: "credentials", code: "credentials_incomplete" },
    ]);
  return { type, client_id: clientId, redacted_client_secret: redact(secret), secret };
}

function createIntegration(ctx: EmulatorContext, body: Record<string, unknown>) {
  const provider = requiredText(body, "provider");
  const custom = body.custom_provider;
  if (custom === undefined && PROVIDERS[provider] === undefined)
    throw unprocessable(
      `Unknown provider '${provider}': name a built-in provider or give a custom_provider.`,
      [{ field: "provider", code: "provider_unknown" }],
    );
  if (custom !== undefined && (!isRecord(custom) || typeof custom.name !== "string"))
    throw unprocessable("custom_provider must be an object with a name.", [
      { field: "custom_provider", code: "custom_provider_invalid" },
    ]);
  if (
    ctx.store
      .of(dataIntegrations)
      .values()
      .some((i) => i.slug === provider)
  )
    throw conflict(`A data integration for '${provider}' already exists.`);
  const methods = body.auth_methods ?? ["oauth"];
  if (
    !Array.isArray(methods) ||
    methods.length === 0 ||
    methods.some((m) => !(DATA_INTEGRATION_AUTH_METHODS as readonly unknown[]).includes(m))
  )
    throw unprocessable(`auth_methods must list ${DATA_INTEGRATION_AUTH_METHODS.join(", ")}.`, [
      { field: "auth_methods", code: "auth_methods_invalid" },
    ]);
  const credentials = body.credentials === undefined ? undefined : readCredentials(body.credentials);
  const enabled = body.enabled;
  if (enabled !== undefined && typeof enabled !== "boolean")
    throw unprocessable("enabled must be a boolean.", [{ field: "enabled", code: "enabled_invalid" }]);
  const at = isoTime(ctx.now());
  const scopes = stringArray(body.scopes, "scopes");
  const customProvider = isRecord(custom)
    ? {
        name: String(custom.name),
        authorization_url: typeof custom.authorization_url === "string" ? custom.authorization_url : null,
        token_url: typeof custom.token_url === "string" ? custom.token_url : null,
        refresh_token_url: typeof custom.refresh_token_url === "string" ? custom.refresh_token_url : null,
        pkce_enabled: custom.pkce_enabled === true,
        request_scope_separator:
          typeof custom.request_scope_separator === "string" ? custom.request_scope_separator : " ",
        scopes_required: custom.scopes_required === true,
        client_secret_required: custom.client_secret_required !== false,
      }
    : null;
  const oauthReady =
    !(methods as AuthMethod[]).includes("oauth") || credentials !== undefined || customProvider === null;
  const stored: StoredDataIntegration = {
    object: "data_integration",
    id: newId(DATA_INTEGRATION_ID_PREFIX),
    slug: provider,
    integration_type: customProvider ? "custom" : provider,
    description: typeof body.description === "string" ? body.description : null,
    enabled: enabled ?? true,
    state: oauthReady ? "valid" : "invalid",
    scopes: scopes === undefined ? [...(PROVIDERS[provider]?.scopes ?? [])] : scopes,
    redirect_uri: "",
    auth_methods: [...(methods as AuthMethod[])],
    credentials: credentials
      ? {
          type: credentials.type,
          client_id: credentials.client_id,
          redacted_client_secret: credentials.redacted_client_secret,
        }
      : null,
    client_secret: credentials?.secret ?? null,
    config: stringMap(body.config, "config") ?? {},
    custom_provider: customProvider,
    created_at: at,
    updated_at: at,
  };
  return stored;
}

function configurationOf(
  ctx: EmulatorContext,
  integration: StoredDataIntegration,
  organizationId: string,
): DataIntegrationConfiguration {
  const stored = ctx.store
    .of(integrationConfigurations)
    .values()
    .find((c) => c.integration_id === integration.id && c.organization_id === organizationId);
  const type = integration.credentials?.type ?? "shared";
  const clientId =
    type === "organization" ? (stored?.client_id ?? null) : (integration.credentials?.client_id ?? null);
  const secret = type === "organization" ? (stored?.client_secret ?? null) : integration.client_secret;
  return {
    object: "data_integration_configuration",
    id: stored?.id ?? integration.id,
    organization_id: organizationId,
    slug: integration.slug,
    name: integration.custom_provider?.name ?? PROVIDERS[integration.slug]?.name ?? integration.slug,
    enabled: stored?.enabled ?? integration.enabled,
    scopes: stored ? stored.scopes : integration.scopes,
    config: { ...(stored?.config ?? integration.config) },
    created_at: stored?.created_at ?? integration.created_at,
    updated_at: stored?.updated_at ?? integration.updated_at,
    credentials: {
      credentials_type: type,
      has_credentials: type === "shared" || (clientId !== null && secret !== null),
      client_id: clientId,
      client_secret_last_four: lastFour(secret),
      redirect_uri: redirectUri(ctx.baseUrl(), integration.slug, integration.id),
    },
  };
}

/** The emulator's stand-in for the provider's consent screen: visiting the URL connects the account. */
function completeAuthorization(
  ctx: EmulatorContext,
  state: string,
): { location: string | null; account: StoredConnectedAccount } {
  const pending = ctx.store.of(pendingAuthorizations).get(state);
  if (!pending) throw badRequest("This authorization link is unknown or was already used.");
  ctx.store.of(pendingAuthorizations).delete(state);
  const integration = ctx.store.of(dataIntegrations).get(pending.integration_id);
  if (!integration) throw notFound("The data integration of this authorization link was deleted.");
  const at = isoTime(ctx.now());
  const current = accountOf(ctx, integration, pending.user_id, pending.organization_id);
  const account: StoredConnectedAccount = {
    object: "connected_account",
    id: current?.id ?? newId(CONNECTED_ACCOUNT_ID_PREFIX),
    integration_id: integration.id,
    provider_slug: integration.slug,
    user_id: pending.user_id,
    organization_id: pending.organization_id,
    scopes: [...(integration.scopes ?? [])],
    auth_method: "oauth",
    api_key_last_4: null,
    client_id: null,
    client_secret_last_4: null,
    config: {},
    state: "connected",
    secret: `pipes_at_${randomToken(24)}`,
    expires_at: isoTime(ctx.now() + TOKEN_TTL_MS),
    created_at: current?.created_at ?? at,
    updated_at: at,
  };
  if (current) ctx.store.of(connectedAccounts).replace(account);
  else ctx.store.of(connectedAccounts).insert(account);
  ctx.emit({
    type: "pipes.connected_account.connected",
    data: eventData(account),
    organizationId: pending.organization_id,
  });
  return { location: pending.return_to, account };
}

const PATH = "/data-integrations";

export const dataIntegrations: Resource<StoredDataIntegration, SeedDataIntegration, "data_integrations"> = {
  name: "data_integrations",
  label: "Data integration",
  model: storedDataIntegration,
  seed: {
    entry: seedEntry,
    check: (entry, seed) => {
      const all = seed.entries(dataIntegrations);
      if (all.slice(0, all.indexOf(entry)).some((o) => o.provider === entry.provider))
        return `provider "${entry.provider}" already has a data integration`;
      const users = seed.entries(usersRef);
      const missing = (entry.connected_accounts ?? []).find((a) => !users.some((u) => u.id === a.user_id));
      return missing
        ? `connected account user_id "${missing.user_id}" does not match any object in "users"`
        : undefined;
    },
    load: loadSeed,
  },
  // Pipes' operations declare their 401 without a body; it is answered as every other 401 (the contract checks
  // it against the generic error shape, as WorkOS sends one).
  routes: pipesRoutes,
};

function pipesRoutes(): Route[] {
  return [
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const stored = createIntegration(ctx, body);
        // An API key given at creation installs the first tenant in the same call.
        let installation: DataIntegration["installation"] = null;
        const apiKey = body.api_key;
        if (apiKey !== undefined) {
          if (!stored.auth_methods.includes("api_key")) throw mismatch(stored, "api_key");
          if (!isRecord(apiKey) || typeof apiKey.secret !== "string" || apiKey.secret.length < 5)
            throw unprocessable("api_key needs a secret of at least 5 characters and a user_id.", [
              { field: "api_key", code: "api_key_invalid" },
            ]);
          owner(ctx, apiKey);
        }
        ctx.store.of(dataIntegrations).insert(stored);
        if (isRecord(apiKey)) {
          const account = upsertAccount(
            ctx,
            { ...req, params: { slug: stored.slug }, body: apiKey },
            "api_key",
          );
          installation = {
            id: account.id,
            user_id: account.user_id ?? "",
            organization_id: account.organization_id,
            api_key_last_4: account.api_key_last_4 ?? null,
          };
        }
        return { status: 201, body: { ...serialize(stored, ctx.baseUrl()), installation } };
      },
    },
    {
      method: "GET",
      pattern: PATH,
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const entries = ctx.store.of(dataIntegrations).entries();
        return {
          status: 200,
          body: paginate(entries, params, ctx.store.clock, (i) => ({
            ...serialize(i, ctx.baseUrl()),
            installation: null,
          })),
        };
      },
    },
    {
      method: "GET",
      pattern: `${PATH}/:slug`,
      handler: (req, ctx) => ({
        status: 200,
        body: { ...serialize(integrationOf(ctx, req.params.slug), ctx.baseUrl()), installation: null },
      }),
    },
    {
      method: "PUT",
      pattern: `${PATH}/:slug`,
      handler: (req, ctx) => {
        const current = integrationOf(ctx, req.params.slug);
        const body = requireObjectBody(req.body);
        const next: StoredDataIntegration = { ...current, updated_at: isoTime(ctx.now()) };
        if (body.enabled !== undefined) {
          if (typeof body.enabled !== "boolean")
            throw unprocessable("enabled must be a boolean.", [
              { field: "enabled", code: "enabled_invalid" },
            ]);
          next.enabled = body.enabled;
        }
        const scopes = stringArray(body.scopes, "scopes");
        if (scopes !== undefined) next.scopes = scopes;
        if (body.description !== undefined)
          next.description = typeof body.description === "string" ? body.description : null;
        if (body.credentials !== undefined) {
          const credentials = readCredentials(body.credentials);
          next.credentials = {
            type: credentials.type,
            client_id: credentials.client_id,
            redacted_client_secret: credentials.redacted_client_secret,
          };
          next.client_secret = credentials.secret;
          next.state = "valid";
        }
        ctx.store.of(dataIntegrations).replace(next);
        return { status: 200, body: { ...serialize(next, ctx.baseUrl()), installation: null } };
      },
    },
    {
      method: "DELETE",
      pattern: `${PATH}/:slug`,
      handler: (req, ctx) => {
        deleteWithDependents(ctx, dataIntegrations, integrationOf(ctx, req.params.slug));
        return { status: 204 };
      },
    },
    {
      method: "PUT",
      pattern: `${PATH}/:slug/api-key`,
      handler: (req, ctx) => ({ status: 200, body: serializeAccount(upsertAccount(ctx, req, "api_key")) }),
    },
    {
      method: "PUT",
      pattern: `${PATH}/:slug/client-credentials`,
      handler: (req, ctx) => ({
        status: 200,
        body: serializeAccount(upsertAccount(ctx, req, "client_credentials")),
      }),
    },
    {
      method: "POST",
      pattern: `${PATH}/:slug/authorize`,
      handler: (req, ctx) => {
        const integration = integrationOf(ctx, req.params.slug);
        const body = requireObjectBody(req.body);
        if (!integration.auth_methods.includes("oauth"))
          throw badRequest(`The ${integration.slug} integration does not use OAuth.`);
        const { user, org } = owner(ctx, body);
        const returnTo = body.return_to;
        if (returnTo !== undefined && (typeof returnTo !== "string" || !URL.canParse(returnTo)))
          throw badRequest("return_to must be a URL.");
        const state = randomToken(18);
        ctx.store.of(pendingAuthorizations).insert({
          id: state,
          integration_id: integration.id,
          user_id: user,
          organization_id: org,
          return_to: typeof returnTo === "string" ? returnTo : null,
        });
        const url = `${ctx.baseUrl()}${PATH}/${encodeURIComponent(integration.slug)}/connect?state=${state}`;
        return { status: 200, body: { url } };
      },
    },
    {
      // Not WorkOS's own path: where the authorization URL leads, standing in for the provider's consent.
      method: "GET",
      pattern: `${PATH}/:slug/connect`,
      public: true,
      handler: (req, ctx) => {
        const { location } = completeAuthorization(ctx, req.query.get("state") ?? "");
        if (location !== null) return { status: 302, headers: { location } };
        return {
          status: 200,
          raw: "<!doctype html><title>Connected</title><p>Account connected. You can close this tab.</p>",
        };
      },
    },
    {
      method: "POST",
      pattern: `${PATH}/:slug/credentials`,
      handler: (req, ctx) => {
        const integration = integrationOf(ctx, req.params.slug);
        const { user, org } = owner(ctx, requireObjectBody(req.body));
        const found = accountOf(ctx, integration, user, org);
        if (!found) throw notFound(`No connected account for user '${user}' on ${integration.slug}.`);
        if (found.state !== "connected")
          throw unprocessable(`The connected account is ${found.state}.`, [
            { field: "user_id", code: found.state },
          ]);
        if (found.auth_method === "api_key")
          return {
            status: 200,
            body: {
              active: true,
              credential: { object: "credential", auth_method: "api_key", value: found.secret },
            },
          };
        const account = found.auth_method === "oauth" ? freshToken(ctx, found) : found;
        return {
          status: 200,
          body: {
            active: true,
            credential: {
              object: "credential",
              auth_method: account.auth_method,
              value: account.secret,
              expires_at: account.expires_at,
              scopes: [...account.scopes],
              missing_scopes: missingScopes(integration, account),
              ...(account.auth_method === "client_credentials"
                ? { metadata: { client_id: account.client_id, ...(account.config ?? {}) } }
                : {}),
            },
          },
        };
      },
    },
    {
      method: "POST",
      pattern: `${PATH}/:slug/token`,
      handler: (req, ctx) => {
        const integration = integrationOf(ctx, req.params.slug);
        const { user, org } = owner(ctx, requireObjectBody(req.body));
        const found = accountOf(ctx, integration, user, org);
        if (!found) return { status: 200, body: { active: false, error: "not_installed" } };
        if (found.auth_method !== "oauth") throw mismatch(integration, "oauth");
        if (found.state !== "connected")
          return { status: 200, body: { active: false, error: "needs_reauthorization" } };
        const account = freshToken(ctx, found);
        return {
          status: 200,
          body: {
            active: true,
            access_token: {
              object: "access_token",
              access_token: account.secret,
              expires_at: account.expires_at,
              scopes: [...account.scopes],
              missing_scopes: missingScopes(integration, account),
            },
          },
        };
      },
    },
    {
      method: "GET",
      pattern: "/organizations/:organizationId/data_integration_configurations",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.organizationId ?? "");
        const data = ctx.store
          .of(dataIntegrations)
          .values()
          .map((i) => configurationOf(ctx, i, org.id));
        return { status: 200, body: { object: "list", data } };
      },
    },
    {
      method: "PUT",
      pattern: "/organizations/:organizationId/data_integration_configurations/:slug",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.organizationId ?? "");
        const integration = integrationOf(ctx, req.params.slug);
        const body = requireObjectBody(req.body);
        const { client_id: clientId, client_secret: secret } = body;
        if (
          (clientId !== undefined || secret !== undefined) &&
          integration.credentials?.type !== "organization"
        )
          throw unprocessable(`The ${integration.slug} integration does not take organization credentials.`, [
            { field: "client_id", code: "organization_credentials_not_allowed" },
          ]);
        for (const [field, value] of [
          ["client_id", clientId],
          ["client_secret", secret],
        ] as const) {
          if (value !== undefined && (typeof value !== "string" || value === ""))
            throw unprocessable(`${field} must be a non-empty string.`, [
              { field, code: `${field}_invalid` },
            ]);
        }
        if (body.enabled !== undefined && typeof body.enabled !== "boolean")
          throw unprocessable("enabled must be a boolean.", [{ field: "enabled", code: "enabled_invalid" }]);
        const at = isoTime(ctx.now());
        const configs = ctx.store.of(integrationConfigurations);
        const current = configs
          .values()
          .find((c) => c.integration_id === integration.id && c.organization_id === org.id);
        const scopes = stringArray(body.scopes, "scopes");
        const next: StoredConfiguration = {
          id: current?.id ?? newId(DATA_INTEGRATION_ID_PREFIX),
          integration_id: integration.id,
          organization_id: org.id,
          enabled:
            typeof body.enabled === "boolean" ? body.enabled : (current?.enabled ?? integration.enabled),
          scopes: scopes === undefined ? (current?.scopes ?? integration.scopes) : scopes,
          config: stringMap(body.config, "config") ?? current?.config ?? { ...integration.config },
          client_id: typeof clientId === "string" ? clientId : (current?.client_id ?? null),
          client_secret: typeof secret === "string" ? secret : (current?.client_secret ?? null),
          created_at: current?.created_at ?? at,
          updated_at: at,
        };
        if (current) configs.replace(next);
        else configs.insert(next);
        return { status: 200, body: configurationOf(ctx, integration, org.id) };
      },
    },
  ];
}

// The seed check reads users' entries by resource; a local alias keeps the import list one-way.
const usersRef = users;

export const connectedAccounts: Resource<StoredConnectedAccount, never, "connected_accounts"> = {
  name: "connected_accounts",
  label: "Connected account",
  model: connectedAccount,
  parents: { integration_id: "data_integrations", user_id: "users", organization_id: "organizations" },
  serialize: serializeAccount,
  deleted: (a) => ({
    type: "pipes.connected_account.disconnected",
    data: eventData(a),
    organizationId: a.organization_id,
  }),
};

export const integrationConfigurations: Resource<
  StoredConfiguration,
  never,
  "data_integration_configurations"
> = {
  name: "data_integration_configurations",
  label: "Data integration configuration",
  parents: { integration_id: "data_integrations", organization_id: "organizations" },
};

export const pendingAuthorizations: Resource<PendingAuthorization, never, "data_integration_authorizations"> =
  {
    name: "data_integration_authorizations",
    label: "Data integration authorization",
    parents: { integration_id: "data_integrations", user_id: "users" },
  };
