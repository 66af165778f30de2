import { z } from "zod";
import { ApiError, notFound } from "../errors.js";
import { newId, ulid } from "../ids.js";
import type { Resource, SeedLoader } from "../resource.js";
import { requiredString } from "../resource.js";
import type { EmulatorContext, Handler, Route } from "../router.js";
import { signingKey, signJwt } from "../signing-key.js";
import { isRecord } from "../validate.js";
import { activeMemberships, roleClaims } from "./authentication.js";
import { type StoredUser, users } from "./users.js";

/**
 * The emulator as AuthKit's OAuth authorization server for MCP, at the emulator's own origin (the issuer): RFC
 * 8414 metadata, the authorization code flow with PKCE (S256 only), refresh tokens that rotate, RFC 7591 dynamic
 * client registration of public clients and Client ID Metadata Documents (a client_id that is the URL of its
 * metadata), RFC 8707 resource indicators put into the access token's `aud`. Errors answer in RFC 6749's shape,
 * `{ error, error_description }`. The control API mints tokens for tests (mintAccessToken).
 */

/** An access token lives five minutes, as AuthKit's do; the refresh token renews it. */
const ACCESS_TOKEN_SECONDS = 300;
/** A token minted by the control API lives an hour unless the test says. */
const MINTED_TOKEN_SECONDS = 3600;
/** An authorization code must be exchanged within ten minutes. */
const CODE_TTL_MS = 600_000;
/** A session signed in here lasts thirty days, as the emulator's other sign-ins. */
const SESSION_MS = 30 * 86_400_000;
/** A client metadata document is small; a slow or large one is refused. */
const CLIENT_METADATA_TIMEOUT_MS = 5_000;
const CLIENT_METADATA_MAX_BYTES = 64 * 1024;

export const SCOPES_SUPPORTED = ["openid", "profile", "email", "offline_access"] as const;
const GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** RFC 6749's error answer: thrown inside the OAuth endpoints and turned into `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** Runs an OAuth endpoint, answering its OAuthErrors as RFC 6749 does (never cached). */
function oauthEndpoint(handler: Handler): Handler {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return {
        status: error.status,
        body: { error: error.error, error_description: error.message },
        headers: error.status === 401 ? { ...NO_STORE, "WWW-Authenticate": "Basic" } : NO_STORE,
      };
    }
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Stores: registered clients, codes and refresh tokens (internal), and the allowed resource indicators (seeded).

/** A client registered by POST /oauth2/register: public, so it has no secret. */
export interface RegisteredClient {
  id: string;
  metadata: Record<string, unknown>;
  redirect_uris: string[];
}

interface OAuthCode {
  id: string;
  client_id: string;
  redirect_uri: string;
  user_id: string;
  session_id: string;
  organization_id: string | null;
  code_challenge: string;
  scope: string | null;
  resource: string | null;
  expires_at: number;
}

interface OAuthRefreshToken {
  id: string;
  client_id: string;
  user_id: string;
  session_id: string;
  organization_id: string | null;
  scope: string | null;
  resource: string | null;
  /** Every token rotated from one code shares it, so a replayed one can revoke them all. */
  family: string;
  /** Spent by a refresh; kept so a second use is recognised as a replay. */
  used: boolean;
}

export const oauthClients: Resource<RegisteredClient, never, "oauth_clients"> = {
  name: "oauth_clients",
  label: "OAuth client",
};

export const oauthCodes: Resource<OAuthCode, never, "oauth_codes"> = {
  name: "oauth_codes",
  label: "OAuth authorization code",
  parents: { user_id: "users" },
};

export const oauthRefreshTokens: Resource<OAuthRefreshToken, never, "oauth_refresh_tokens"> = {
  name: "oauth_refresh_tokens",
  label: "OAuth refresh token",
  parents: { user_id: "users" },
};

const resourceIndicatorEntry = z.object({
  resource: requiredString().refine((value) => absoluteUri(value) !== undefined, {
    error: "must be an absolute URI without a fragment",
  }),
});

export type SeedResourceIndicator = z.input<typeof resourceIndicatorEntry>;

/**
 * The resource indicators (RFC 8707) tokens may be issued for, as AuthKit's MCP settings list them. With none
 * seeded, any absolute URI is accepted.
 */
export const resourceIndicators: Resource<{ id: string }, SeedResourceIndicator, "resource_indicators"> = {
  name: "resource_indicators",
  label: "Resource indicator",
  seed: {
    entry: resourceIndicatorEntry,
    load(entries: readonly SeedResourceIndicator[], loader: SeedLoader) {
      for (const { resource } of entries) {
        if (!loader.store.of(resourceIndicators).has(resource))
          loader.store.of(resourceIndicators).insert({ id: resource });
      }
    },
  },
};

function absoluteUri(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return value.includes("#") ? undefined : url;
  } catch {
    return undefined;
  }
}

/** The `resource` a request names (undefined when none), checked against the allowed indicators. */
function resourceParameter(ctx: EmulatorContext, value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || absoluteUri(value) === undefined) {
    throw new OAuthError("invalid_target", "resource must be an absolute URI without a fragment.");
  }
  const allowed = ctx.store.of(resourceIndicators);
  if (allowed.values().length > 0 && !allowed.has(value)) {
    throw new OAuthError("invalid_target", `'${value}' is not a resource indicator of this environment.`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Access tokens.

export interface AccessTokenSpec {
  user: StoredUser;
  /** The organization to sign in to; undefined for the user's first active membership, null for none. */
  organizationId?: string | null;
  sessionId: string;
  audience?: string | string[];
  /** Unix seconds; default five minutes from now. */
  expiresAt?: number;
  notBefore?: number;
  /** A key id for the header other than the signing key's, to test how verifiers treat an unknown key. */
  kid?: string;
  /** Instead of the role's permissions. */
  permissions?: string[];
  clientId?: string;
}

/** The organization a token is for: the one asked for (the user must be an active member), else the first. */
function organizationFor(ctx: EmulatorContext, userId: string, asked: string | null | undefined) {
  const memberships = activeMemberships(ctx, userId);
  if (asked === null) return undefined;
  if (asked === undefined) return memberships[0];
  const membership = memberships.find((m) => m.organization_id === asked);
  if (!membership) throw new ApiError(400, { message: `The user is not an active member of '${asked}'.` });
  return membership;
}

/**
 * An RS256 access token with AuthKit's claims: `iss` (the emulator's origin), `sub`, `sid`, `org_id`, `role`,
 * `roles` and `permissions` from the membership's role, `aud` (the resource), `iat`, `exp`, `jti`.
 */
export function accessToken(ctx: EmulatorContext, spec: AccessTokenSpec): string {
  const iat = Math.floor(ctx.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: ctx.baseUrl(),
    sub: spec.user.id,
    sid: spec.sessionId,
    jti: ulid(ctx.now()),
  };
  if (spec.audience !== undefined) claims.aud = spec.audience;
  if (spec.clientId !== undefined) claims.client_id = spec.clientId;
  const membership = organizationFor(ctx, spec.user.id, spec.organizationId);
  if (membership) {
    claims.org_id = membership.organization_id;
    Object.assign(claims, roleClaims(ctx, membership.organization_id, membership.role.slug));
  } else {
    claims.permissions = [];
  }
  if (spec.permissions !== undefined) claims.permissions = [...spec.permissions];
  if (spec.notBefore !== undefined) claims.nbf = spec.notBefore;
  claims.iat = iat;
  claims.exp = spec.expiresAt ?? iat + ACCESS_TOKEN_SECONDS;
  return signJwt(claims, spec.kid);
}

function userNamed(ctx: EmulatorContext, email: string): StoredUser | undefined {
  const wanted = email.toLowerCase();
  return ctx.store
    .of(users)
    .values()
    .find((u) => u.email.toLowerCase() === wanted);
}

/** POST /_emulator/oauth/tokens: an access token for a seeded user, with the audience, expiry or key id asked. */
export function mintAccessToken(ctx: EmulatorContext, raw: unknown): { access_token: string } {
  const body = isRecord(raw) ? raw : {};
  const fail = (message: string): never => {
    throw new ApiError(400, { message });
  };
  const optionalString = (field: string): string | undefined => {
    const value = body[field];
    if (value === undefined) return undefined;
    return typeof value === "string" && value !== "" ? value : fail(`${field} must be a non-empty string.`);
  };
  const optionalSeconds = (field: string): number | undefined => {
    const value = body[field];
    if (value === undefined) return undefined;
    return Number.isInteger(value) ? (value as number) : fail(`${field} must be an integer (unix seconds).`);
  };
  const userId = optionalString("user_id");
  const email = optionalString("email");
  if (userId === undefined && email === undefined) fail('Name the user by "email" or "user_id".');
  const user = userId !== undefined ? ctx.store.of(users).get(userId) : userNamed(ctx, email ?? "");
  if (!user) throw notFound(`User not found: '${userId ?? email}'.`);
  if (userId !== undefined && email !== undefined && user.email.toLowerCase() !== email.toLowerCase()) {
    fail(`The user '${userId}' does not have the email '${email}'.`);
  }
  const aud = body.aud;
  const audienceOk =
    aud === undefined ||
    (typeof aud === "string" && aud !== "") ||
    (Array.isArray(aud) && aud.every((a) => typeof a === "string" && a !== ""));
  if (!audienceOk) fail("aud must be a string or an array of strings.");
  const permissions = body.permissions;
  if (
    permissions !== undefined &&
    !(Array.isArray(permissions) && permissions.every((p) => typeof p === "string"))
  ) {
    fail("permissions must be an array of strings.");
  }
  const spec: AccessTokenSpec = { user, sessionId: newId("session", ctx.now()) };
  const organizationId = optionalString("organization_id");
  if (organizationId !== undefined) spec.organizationId = organizationId;
  if (aud !== undefined) spec.audience = aud as string | string[];
  // An hour unless asked: long enough for a test, unlike the five minutes of a signed-in token.
  spec.expiresAt = optionalSeconds("exp") ?? Math.floor(ctx.now() / 1000) + MINTED_TOKEN_SECONDS;
  const nbf = optionalSeconds("nbf");
  if (nbf !== undefined) spec.notBefore = nbf;
  const kid = optionalString("kid");
  if (kid !== undefined) spec.kid = kid;
  if (permissions !== undefined) spec.permissions = permissions as string[];
  return { access_token: accessToken(ctx, spec) };
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata and keys.

/** RFC 8414 authorization server metadata; the issuer is the emulator's origin exactly. */
function metadata(ctx: EmulatorContext): Record<string, unknown> {
  const issuer = ctx.baseUrl();
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    jwks_uri: `${issuer}/oauth2/jwks`,
    registration_endpoint: `${issuer}/oauth2/register`,
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ["code"],
    grant_types_supported: [...GRANT_TYPES],
    token_endpoint_auth_methods_supported: ["none"],
    code_challenge_methods_supported: ["S256"],
    client_id_metadata_document_supported: true,
  };
}

export const oauthServer: Resource<{ id: string }, never, "oauth_server"> = {
  name: "oauth_server",
  label: "OAuth authorization server",
  routes: (): Route[] => [
    {
      method: "GET",
      pattern: "/.well-known/oauth-authorization-server",
      public: true,
      handler: (_req, ctx) => ({ status: 200, body: metadata(ctx) }),
    },
    {
      method: "GET",
      pattern: "/oauth2/jwks",
      public: true,
      handler: () => ({ status: 200, body: { keys: [{ ...signingKey().jwk }] } }),
    },
  ],
};
