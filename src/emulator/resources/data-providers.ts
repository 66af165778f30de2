import { CONNECTED_ACCOUNT_ID_PREFIX } from "../../workos/connected-account.js";
import type { DataProvider } from "../../workos/data-provider.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { requireObjectBody } from "../validate.js";
import {
  connectedAccounts,
  dataIntegrations,
  eventData,
  integrationOf,
  PROVIDERS,
  type StoredConnectedAccount,
  type StoredDataIntegration,
  serializeAccount,
  TOKEN_TTL_MS,
} from "./data-integrations.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

// Pipes as User Management shows it to one user: the environment's data integrations (src/emulator/resources/
// data-integrations.ts) as "data providers", each with that user's connected account. The same store serves
// both APIs, so an account connected through either is seen by both.

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

function serializeProvider(
  integration: StoredDataIntegration,
  account: StoredConnectedAccount | undefined,
): DataProvider & Record<string, unknown> {
  const credentialsType = integration.credentials?.type ?? "custom";
  return {
    object: "data_provider",
    id: integration.id,
    name: PROVIDERS[integration.slug]?.name ?? integration.slug,
    description: integration.description,
    slug: integration.slug,
    integration_type: integration.integration_type,
    credentials_type: credentialsType,
    scopes: integration.scopes === null ? null : [...integration.scopes],
    auth_methods: [...integration.auth_methods],
    ownership: "userland_user",
    created_at: integration.created_at,
    updated_at: integration.updated_at,
    // The camelCase spellings WorkOS still sends, deprecated.
    integrationType: integration.integration_type,
    credentialsType,
    createdAt: integration.created_at,
    updatedAt: integration.updated_at,
    connected_account: account ? (listedAccount(account) as DataProvider["connected_account"]) : null,
  };
}

/** The user, integration and organization a connected-account path names (404 for any unknown). */
function target(req: ApiRequest, ctx: EmulatorContext) {
  const user = findOr404(ctx, users, req.params.user_id ?? "");
  const integration = integrationOf(ctx, req.params.slug);
  const organizationId = req.query.get("organization_id") || null;
  if (organizationId !== null) findOr404(ctx, organizations, organizationId);
  const account = ctx.store
    .of(connectedAccounts)
    .values()
    .find(
      (a) =>
        a.user_id === user.id && a.integration_id === integration.id && a.organization_id === organizationId,
    );
  return { user, integration, organizationId, account };
}

interface AccountInput {
  access_token?: string;
  refresh_token?: string;
  expires_at?: string;
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
  if (body.expires_at !== undefined) {
    if (typeof body.expires_at !== "string" || Number.isNaN(Date.parse(body.expires_at))) {
      throw invalid("expires_at must be an ISO-8601 timestamp.");
    }
    input.expires_at = new Date(body.expires_at).toISOString();
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
        .of(dataIntegrations)
        .values()
        .filter((integration) => integration.enabled)
        .map((integration) =>
          serializeProvider(
            integration,
            accounts.find((a) => a.integration_id === integration.id),
          ),
        );
      return { status: 200, body: { object: "list", data } };
    },
  },
  {
    method: "GET",
    pattern: PATH,
    handler: (req, ctx) => {
      const { account, integration } = target(req, ctx);
      if (!account) throw notFound(`The user has no connected account for '${integration.slug}'.`);
      return { status: 200, body: serializeAccount(account) };
    },
  },
  {
    method: "POST",
    pattern: PATH,
    handler: (req, ctx) => {
      const { user, integration, organizationId, account } = target(req, ctx);
      const input = readInput(requireObjectBody(req.body));
      if (account) {
        throw new ApiError(409, {
          message: `The user already has a connected account for '${integration.slug}'.`,
        });
      }
      const at = isoTime(ctx.now());
      const created: StoredConnectedAccount = {
        object: "connected_account",
        id: newId(CONNECTED_ACCOUNT_ID_PREFIX),
        integration_id: integration.id,
        provider_slug: integration.slug,
        user_id: user.id,
        organization_id: organizationId,
        scopes: [...(input.scopes ?? integration.scopes ?? [])],
        auth_method: "oauth",
        state: input.state ?? "connected",
        // An imported token is the one credentials vending hands out until it expires (then refreshed).
        secret: input.access_token ?? `pipes_at_${newId("imported")}`,
        expires_at: input.expires_at ?? isoTime(ctx.now() + TOKEN_TTL_MS),
        created_at: at,
        updated_at: at,
      };
      ctx.store.of(connectedAccounts).insert(created);
      ctx.emit({
        type: "pipes.connected_account.connected",
        data: eventData(created),
        organizationId,
      });
      return { status: 201, body: serializeAccount(created) };
    },
  },
  {
    method: "PUT",
    pattern: PATH,
    handler: (req, ctx) => {
      const { account, integration } = target(req, ctx);
      const input = readInput(requireObjectBody(req.body));
      if (!account) throw notFound(`The user has no connected account for '${integration.slug}'.`);
      const next: StoredConnectedAccount = {
        ...account,
        ...(input.scopes ? { scopes: [...input.scopes] } : {}),
        ...(input.state ? { state: input.state } : {}),
        ...(input.access_token ? { secret: input.access_token } : {}),
        ...(input.expires_at ? { expires_at: input.expires_at } : {}),
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
      const { account, integration } = target(req, ctx);
      if (!account) throw notFound(`The user has no connected account for '${integration.slug}'.`);
      ctx.store.of(connectedAccounts).delete(account.id);
      ctx.emit({
        type: "pipes.connected_account.disconnected",
        data: eventData(account),
        organizationId: account.organization_id,
      });
      return { status: 204 };
    },
  },
];

/**
 * User Management's view of Pipes: routes only. Its data lives in the data integrations and their connected
 * accounts; this collection stays empty.
 */
export const userDataProviders: Resource<{ id: string }, never, "user_data_providers"> = {
  name: "user_data_providers",
  label: "Data provider",
  routes,
};
