import { z } from "zod";
import { CONNECTED_ACCOUNT_ID_PREFIX, type ConnectedAccount } from "../../workos/connected-account.js";
import { DATA_PROVIDER_ID_PREFIX } from "../../workos/data-provider.js";
import {
  CONNECTED_ACCOUNT_AUTH_METHODS,
  CONNECTED_ACCOUNT_STATES,
  DATA_PROVIDER_OWNERSHIPS,
} from "../../workos-vocabulary.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import {
  byCreation,
  oneOf,
  type Resource,
  requiredString,
  type SeedLoader,
  seedId,
  seedTimestamps,
} from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { requireObjectBody } from "../validate.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/**
 * Pipes: the data providers configured for the environment (seeded) and users' connected accounts to them,
 * under /user_management/users/{user_id}/. Imported tokens are kept and never served.
 */
export interface DataProvider {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  integration_type: string;
  credentials_type: string;
  scopes: string[] | null;
  auth_methods: (typeof CONNECTED_ACCOUNT_AUTH_METHODS)[number][];
  ownership: (typeof DATA_PROVIDER_OWNERSHIPS)[number];
  created_at: string;
  updated_at: string;
}

export interface StoredConnectedAccount extends ConnectedAccount {
  /** Internal: the provider's slug, and the tokens imported for it. */
  slug: string;
  access_token: string | null;
  refresh_token: string | null;
}

const providerEntry = z.object({
  id: seedId,
  slug: requiredString(),
  name: requiredString(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  integration_type: z.string({ error: "must be a string" }).optional(),
  credentials_type: z.string({ error: "must be a string" }).optional(),
  scopes: z.array(z.string(), { error: "must be an array of strings" }).nullable().optional(),
  auth_methods: z.array(z.enum(CONNECTED_ACCOUNT_AUTH_METHODS)).optional(),
  ownership: oneOf(DATA_PROVIDER_OWNERSHIPS),
  ...seedTimestamps,
});

export type SeedDataProvider = z.input<typeof providerEntry>;

const accountEntry = z.object({
  id: seedId,
  user_id: requiredString(),
  /** The provider's slug. */
  slug: requiredString(),
  organization_id: z.string({ error: "must be a string" }).nullable().optional(),
  scopes: z.array(z.string(), { error: "must be an array of strings" }).optional(),
  state: oneOf(CONNECTED_ACCOUNT_STATES),
  ...seedTimestamps,
});

export type SeedConnectedAccount = z.input<typeof accountEntry>;

function loadProviders(entries: readonly SeedDataProvider[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(dataProviders).insert({
      id: s.id ?? loader.fixedId(DATA_PROVIDER_ID_PREFIX, at),
      slug: s.slug,
      name: s.name,
      description: s.description ?? null,
      integration_type: s.integration_type ?? s.slug,
      credentials_type: s.credentials_type ?? "oauth2",
      scopes: s.scopes === undefined ? null : s.scopes,
      auth_methods: s.auth_methods ?? ["oauth"],
      ownership: s.ownership ?? "userland_user",
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

function loadAccounts(entries: readonly SeedConnectedAccount[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(connectedAccounts).insert({
      object: "connected_account",
      id: s.id ?? loader.fixedId(CONNECTED_ACCOUNT_ID_PREFIX, at),
      user_id: s.user_id,
      organization_id: s.organization_id ?? null,
      scopes: [...(s.scopes ?? [])],
      auth_method: "oauth",
      state: s.state ?? "connected",
      created_at: at,
      updated_at: s.updated_at ?? at,
      slug: s.slug,
      access_token: null,
      refresh_token: null,
    });
  }
}

function serializeAccount(account: StoredConnectedAccount): Record<string, unknown> {
  const { slug: _slug, access_token: _access, refresh_token: _refresh, ...wire } = account;
  return { ...wire, scopes: [...wire.scopes] };
}

/** A connected account as the providers list embeds it: with the deprecated camelCase spellings too. */
function listedAccount(account: StoredConnectedAccount): Record<string, unknown> {
  return {
    ...serializeAccount(account),
    userlandUserId: account.user_id,
    organizationId: account.organization_id,
    createdAt: account.created_at,
    updatedAt: account.updated_at,
  };
}

function serializeProvider(provider: DataProvider, account: StoredConnectedAccount | undefined) {
  return {
    object: "data_provider",
    ...provider,
    scopes: provider.scopes === null ? null : [...provider.scopes],
    auth_methods: [...provider.auth_methods],
    // The camelCase spellings WorkOS still sends, deprecated.
    integrationType: provider.integration_type,
    credentialsType: provider.credentials_type,
    createdAt: provider.created_at,
    updatedAt: provider.updated_at,
    connected_account: account ? listedAccount(account) : null,
  };
}

/** The user, provider and organization a connected-account path names (404 for any unknown). */
function target(req: ApiRequest, ctx: EmulatorContext) {
  const user = findOr404(ctx, users, req.params.user_id ?? "");
  const slug = req.params.slug ?? "";
  const provider = ctx.store
    .of(dataProviders)
    .values()
    .find((p) => p.slug === slug);
  if (!provider) throw notFound(`Data provider not found: '${slug}'.`);
  const organizationId = req.query.get("organization_id") || null;
  if (organizationId !== null) findOr404(ctx, organizations, organizationId);
  const account = ctx.store
    .of(connectedAccounts)
    .values()
    .find((a) => a.user_id === user.id && a.slug === slug && a.organization_id === organizationId);
  return { user, provider, organizationId, account };
}

interface AccountInput {
  access_token?: string;
  refresh_token?: string;
  scopes?: string[];
  state?: "connected" | "needs_reauthorization";
}

function readInput(body: Record<string, unknown>): AccountInput {
  const input: AccountInput = {};
  const invalid = (message: string) => new ApiError(422, { message });
  for (const field of ["access_token", "refresh_token"] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "") throw invalid(`${field} must be a non-empty string.`);
    input[field] = value;
  }
  if (
    body.expires_at !== undefined &&
    (typeof body.expires_at !== "string" || Number.isNaN(Date.parse(body.expires_at)))
  ) {
    throw invalid("expires_at must be an ISO-8601 timestamp.");
  }
  if (body.scopes !== undefined) {
    if (!Array.isArray(body.scopes) || body.scopes.some((s) => typeof s !== "string")) {
      throw invalid("scopes must be an array of strings.");
    }
    input.scopes = body.scopes as string[];
  }
  if (body.state !== undefined) {
    if (body.state !== "connected" && body.state !== "needs_reauthorization") {
      throw invalid("state must be connected or needs_reauthorization.");
    }
    input.state = body.state;
  }
  return input;
}

const PATH = "/user_management/users/:user_id/connected_accounts/:slug";

const routes = (): Route[] => [
  {
    method: "GET",
    pattern: "/user_management/users/:user_id/data_providers",
    handler: (req, ctx) => {
      const user = findOr404(ctx, users, req.params.user_id ?? "");
      const organizationId = req.query.get("organization_id") || null;
      if (organizationId !== null) findOr404(ctx, organizations, organizationId);
      const accounts = ctx.store
        .of(connectedAccounts)
        .values()
        .filter((a) => a.user_id === user.id && a.organization_id === organizationId);
      const data = ctx.store
        .of(dataProviders)
        .values()
        .map((p) =>
          serializeProvider(
            p,
            accounts.find((a) => a.slug === p.slug),
          ),
        );
      return { status: 200, body: { object: "list", data } };
    },
  },
  {
    method: "GET",
    pattern: PATH,
    handler: (req, ctx) => {
      const { account, provider } = target(req, ctx);
      if (!account) throw notFound(`The user has no connected account for '${provider.slug}'.`);
      return { status: 200, body: serializeAccount(account) };
    },
  },
  {
    method: "POST",
    pattern: PATH,
    handler: (req, ctx) => {
      const { user, provider, organizationId, account } = target(req, ctx);
      const input = readInput(requireObjectBody(req.body));
      if (account)
        throw new ApiError(409, {
          message: `The user already has a connected account for '${provider.slug}'.`,
        });
      const at = isoTime(ctx.now());
      const created: StoredConnectedAccount = {
        object: "connected_account",
        id: newId(CONNECTED_ACCOUNT_ID_PREFIX),
        user_id: user.id,
        organization_id: organizationId,
        scopes: [...(input.scopes ?? provider.scopes ?? [])],
        auth_method: "oauth",
        state: input.state ?? "connected",
        created_at: at,
        updated_at: at,
        slug: provider.slug,
        access_token: input.access_token ?? null,
        refresh_token: input.refresh_token ?? null,
      };
      ctx.store.of(connectedAccounts).insert(created);
      return { status: 201, body: serializeAccount(created) };
    },
  },
  {
    method: "PUT",
    pattern: PATH,
    handler: (req, ctx) => {
      const { account, provider } = target(req, ctx);
      const input = readInput(requireObjectBody(req.body));
      if (!account) throw notFound(`The user has no connected account for '${provider.slug}'.`);
      const next: StoredConnectedAccount = {
        ...account,
        ...(input.scopes ? { scopes: [...input.scopes] } : {}),
        ...(input.state ? { state: input.state } : {}),
        ...(input.access_token ? { access_token: input.access_token } : {}),
        ...(input.refresh_token ? { refresh_token: input.refresh_token } : {}),
        updated_at: isoTime(ctx.now()),
      };
      ctx.store.of(connectedAccounts).replace(next);
      return { status: 200, body: serializeAccount(next) };
    },
  },
  {
    method: "DELETE",
    pattern: PATH,
    handler: (req, ctx) => {
      const { account, provider } = target(req, ctx);
      if (!account) throw notFound(`The user has no connected account for '${provider.slug}'.`);
      ctx.store.of(connectedAccounts).delete(account.id);
      return { status: 204 };
    },
  },
];

export const dataProviders: Resource<DataProvider, SeedDataProvider, "data_providers"> = {
  name: "data_providers",
  label: "Data provider",
  seed: {
    entry: providerEntry,
    check: (entry, seed) =>
      seed.entries(dataProviders).filter((p) => p.slug === entry.slug).length > 1
        ? `slug "${entry.slug}" is used by another data provider`
        : undefined,
    load: loadProviders,
  },
  routes,
};

export const connectedAccounts: Resource<StoredConnectedAccount, SeedConnectedAccount, "connected_accounts"> =
  {
    name: "connected_accounts",
    label: "Connected account",
    parents: { user_id: "users", organization_id: "organizations" },
    seed: {
      entry: accountEntry,
      check: (entry, seed) =>
        seed.entries(dataProviders).some((p) => p.slug === entry.slug)
          ? undefined
          : `slug "${entry.slug}" does not match any object in "data_providers"`,
      load: loadAccounts,
    },
    serialize: serializeAccount,
  };
