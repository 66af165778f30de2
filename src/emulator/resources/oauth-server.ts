import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId, randomToken, ulid } from "../ids.js";
import type { Resource, SeedLoader } from "../resource.js";
import { requiredString } from "../resource.js";
import type { ApiRequest, EmulatorContext, Reply, Route } from "../router.js";
import { signingKey, signJwt } from "../signing-key.js";
import { isRecord } from "../validate.js";
import { activeMemberships, roleClaims } from "./authentication.js";
import {
  absoluteUri,
  type Client,
  clientNamed,
  GRANT_TYPES,
  NO_STORE,
  OAuthError,
  oauthEndpoint,
} from "./oauth-clients.js";
import { organizations } from "./organizations.js";
import { type StoredSession, sessions } from "./sessions.js";
import { type StoredUser, users } from "./users.js";

/**
 * The emulator as AuthKit's OAuth authorization server for MCP, at the emulator's own origin (the issuer): RFC
 * 8414 metadata, the authorization code flow with PKCE (S256 only), refresh tokens that rotate, RFC 8707 resource
 * indicators put into the access token's `aud`; its clients (registration, metadata documents) are in
 * oauth-clients.ts. Errors answer in RFC 6749's shape,
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
export const SCOPES_SUPPORTED = ["openid", "profile", "email", "offline_access"] as const;
// ---------------------------------------------------------------------------------------------------------------
// Stores: codes and refresh tokens (internal), and the allowed resource indicators (seeded).

export interface OAuthCode {
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
  /** The line of refresh tokens the code starts; a replayed code revokes it (RFC 6749 section 4.1.2). */
  family: string;
  /** Spent by its first exchange, right or wrong; kept until it expires so a replay is recognised. */
  used: boolean;
}

export interface OAuthRefreshToken {
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

// ---------------------------------------------------------------------------------------------------------------
// The authorization endpoint and its sign-in page.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** redirect_uri with these parameters added (an error, or the code and state). */
function redirectTo(redirectUri: string, params: Record<string, string | null>): Reply {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== null) target.searchParams.set(name, value);
  return { status: 302, headers: { Location: target.toString(), ...NO_STORE } };
}

/** Signs the user in: a new session in their first active organization, as AuthKit's hosted sign-in does. */
function startSession(ctx: EmulatorContext, user: StoredUser, req: ApiRequest): StoredSession {
  const now = ctx.now();
  const at = isoTime(now);
  const organizationId = activeMemberships(ctx, user.id)[0]?.organization_id;
  const agent = req.headers["user-agent"];
  const session: StoredSession = {
    object: "session",
    id: newId("session", now),
    user_id: user.id,
    ip_address: null,
    user_agent: typeof agent === "string" ? agent : null,
    auth_method: "password",
    status: "active",
    expires_at: isoTime(now + SESSION_MS),
    ended_at: null,
    created_at: at,
    updated_at: at,
  };
  if (organizationId !== undefined) session.organization_id = organizationId;
  ctx.store.of(sessions).insert(session);
  ctx.store.of(users).replace({ ...user, last_sign_in_at: at, updated_at: at });
  ctx.emit({ type: "session.created", data: { ...session }, organizationId: organizationId ?? null });
  return session;
}

/** The sign-in page: each seeded user a link that signs in as them (the same request with their login_hint). */
function signInPage(ctx: EmulatorContext, client: Client, query: URLSearchParams): Reply {
  const linkFor = (email: string) => {
    const params = new URLSearchParams(query);
    params.set("login_hint", email);
    return `/oauth2/authorize?${params}`;
  };
  const rows = ctx.store
    .of(users)
    .values()
    .map((user) => {
      const membership = activeMemberships(ctx, user.id)[0];
      const organization = membership
        ? ctx.store.of(organizations).get(membership.organization_id)?.name
        : undefined;
      const where = membership
        ? ` (${organization ?? membership.organization_id}, ${membership.role.slug})`
        : "";
      const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
      return `<li><a href="${escapeHtml(linkFor(user.email))}">${escapeHtml(name || user.email)}</a> ${escapeHtml(
        `${name ? `${user.email}` : ""}${where}`,
      )}</li>`;
    })
    .join("");
  const hidden = [...query.entries()]
    .filter(([name]) => name !== "login_hint")
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const clientName = escapeHtml(client.name ?? client.id);
  return {
    status: 200,
    headers: NO_STORE,
    raw:
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in to ${clientName} (WorkOS emulator)</title>` +
      `<h1>Sign in to ${clientName}</h1>` +
      `<form method="get" action="/oauth2/authorize">${hidden}<label>Email <input type="email" name="login_hint" required></label> <button>Continue</button></form>` +
      `<p>Or sign in as one of the emulator's users:</p><ul>${rows}</ul></html>`,
  };
}

/**
 * GET /oauth2/authorize. A bad client_id or redirect_uri is answered here (400), never redirected; any other
 * problem goes back to the redirect_uri as an error. With login_hint the seeded user it names signs in at once
 * and is sent back with a code; without, the sign-in page lists the users.
 */
async function authorize(req: ApiRequest, ctx: EmulatorContext): Promise<Reply> {
  const q = req.query;
  const client = await clientNamed(ctx, q.get("client_id"));
  const asked = q.get("redirect_uri");
  let redirectUri: string;
  if (asked === null || asked === "") {
    if (client.redirect_uris.length !== 1) {
      throw new OAuthError("invalid_request", "redirect_uri is required: the client has several.");
    }
    redirectUri = client.redirect_uris[0] as string;
  } else {
    if (!client.redirect_uris.includes(asked)) {
      throw new OAuthError("invalid_request", `'${asked}' is not one of the client's redirect_uris.`);
    }
    redirectUri = asked;
  }
  const state = q.get("state");
  const refuse = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state });
  if (q.get("response_type") !== "code")
    return refuse("unsupported_response_type", "response_type must be code.");
  const challenge = q.get("code_challenge");
  if (!challenge) return refuse("invalid_request", "code_challenge is required (PKCE).");
  if (q.get("code_challenge_method") !== "S256") {
    return refuse("invalid_request", "code_challenge_method must be S256.");
  }
  let resource: string | undefined;
  try {
    resource = resourceParameter(ctx, q.get("resource") ?? undefined);
  } catch (error) {
    if (error instanceof OAuthError) return refuse(error.error, error.message);
    throw error;
  }
  const hint = q.get("login_hint");
  if (!hint) return signInPage(ctx, client, q);
  const user = userNamed(ctx, hint);
  if (!user) throw new OAuthError("invalid_request", `No user of the emulator has the email '${hint}'.`);
  const session = startSession(ctx, user, req);
  const code: OAuthCode = {
    id: randomToken(24),
    client_id: client.id,
    redirect_uri: redirectUri,
    user_id: user.id,
    session_id: session.id,
    organization_id: session.organization_id ?? null,
    code_challenge: challenge,
    scope: q.get("scope"),
    resource: resource ?? null,
    expires_at: ctx.now() + CODE_TTL_MS,
    family: randomToken(16),
    used: false,
  };
  ctx.store.of(oauthCodes).insert(code);
  return redirectTo(redirectUri, { code: code.id, state });
}

// ---------------------------------------------------------------------------------------------------------------
// The token endpoint.

function stringParam(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw new OAuthError("invalid_request", `${name} must be a string.`);
  return value;
}

function requiredParam(body: Record<string, unknown>, name: string): string {
  const value = stringParam(body, name);
  if (value === undefined) throw new OAuthError("invalid_request", `${name} is required.`);
  return value;
}

/** Access and refresh token for a session; the refresh token joins `family` (a new one for a code). */
function issueTokens(
  ctx: EmulatorContext,
  grant: Omit<OAuthRefreshToken, "id" | "used" | "family">,
  family: string,
): Record<string, unknown> {
  const user = ctx.store.of(users).get(grant.user_id);
  if (!user) throw new OAuthError("invalid_grant", "The user no longer exists.");
  const organizationStillHeld =
    grant.organization_id !== null &&
    activeMemberships(ctx, user.id).some((m) => m.organization_id === grant.organization_id);
  const spec: AccessTokenSpec = {
    user,
    sessionId: grant.session_id,
    organizationId: organizationStillHeld ? grant.organization_id : null,
    clientId: grant.client_id,
  };
  if (grant.resource !== null) spec.audience = grant.resource;
  const refresh: OAuthRefreshToken = { ...grant, id: randomToken(32), family, used: false };
  ctx.store.of(oauthRefreshTokens).insert(refresh);
  return {
    access_token: accessToken(ctx, spec),
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refresh.id,
    ...(grant.scope === null ? {} : { scope: grant.scope }),
  };
}

function codeGrant(ctx: EmulatorContext, body: Record<string, unknown>): Record<string, unknown> {
  const codes = ctx.store.of(oauthCodes);
  const id = requiredParam(body, "code");
  const code = codes.get(id);
  if (code && code.expires_at <= ctx.now()) codes.delete(id);
  if (!code || code.expires_at <= ctx.now()) {
    throw new OAuthError("invalid_grant", "The code is invalid or expired.");
  }
  if (code.used) {
    const tokens = ctx.store.of(oauthRefreshTokens);
    for (const token of tokens.values()) if (token.family === code.family) tokens.delete(token.id);
    throw new OAuthError("invalid_grant", "The code was already used; the tokens it gave are revoked.");
  }
  // A code is spent by its first use, whatever the outcome.
  codes.replace({ ...code, used: true });
  const clientId = requiredParam(body, "client_id");
  if (clientId !== code.client_id)
    throw new OAuthError("invalid_grant", "The code was issued to another client.");
  const redirectUri = stringParam(body, "redirect_uri");
  if (redirectUri !== undefined && redirectUri !== code.redirect_uri) {
    throw new OAuthError("invalid_grant", "redirect_uri is not the one the code was issued for.");
  }
  const verifier = requiredParam(body, "code_verifier");
  if (createHash("sha256").update(verifier).digest("base64url") !== code.code_challenge) {
    throw new OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  }
  const resource = resourceParameter(ctx, body.resource) ?? code.resource;
  return issueTokens(
    ctx,
    {
      client_id: code.client_id,
      user_id: code.user_id,
      session_id: code.session_id,
      organization_id: code.organization_id,
      scope: code.scope,
      resource,
    },
    code.family,
  );
}

/** A refresh token is used once: its use issues the next; using it again revokes every token of its line. */
function refreshGrant(ctx: EmulatorContext, body: Record<string, unknown>): Record<string, unknown> {
  const tokens = ctx.store.of(oauthRefreshTokens);
  const token = tokens.get(requiredParam(body, "refresh_token"));
  if (!token) throw new OAuthError("invalid_grant", "The refresh token is invalid or revoked.");
  if (token.used) {
    for (const other of tokens.values()) if (other.family === token.family) tokens.delete(other.id);
    throw new OAuthError("invalid_grant", "The refresh token was already used; its line is revoked.");
  }
  const clientId = stringParam(body, "client_id");
  if (clientId !== undefined && clientId !== token.client_id) {
    throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
  }
  const session = ctx.store.of(sessions).get(token.session_id);
  if (session?.status !== "active" || Date.parse(session.expires_at) <= ctx.now()) {
    throw new OAuthError("invalid_grant", "The session has ended.");
  }
  const resource = resourceParameter(ctx, body.resource) ?? token.resource;
  tokens.replace({ ...token, used: true });
  const { id: _id, used: _used, family, ...grant } = token;
  return issueTokens(ctx, { ...grant, resource }, family);
}

const GRANTS: Record<
  string,
  (ctx: EmulatorContext, body: Record<string, unknown>) => Record<string, unknown>
> = {
  authorization_code: codeGrant,
  refresh_token: refreshGrant,
};

/** POST /oauth2/token (form or JSON): the authorization_code and refresh_token grants, for public clients. */
function token(req: ApiRequest, ctx: EmulatorContext): Reply {
  const body = isRecord(req.body) ? req.body : {};
  if (req.headers.authorization !== undefined) {
    throw new OAuthError("invalid_client", "Clients here are public: they authenticate with no secret.", 401);
  }
  const grantType = requiredParam(body, "grant_type");
  const grant = GRANTS[grantType];
  if (!grant) {
    throw new OAuthError("unsupported_grant_type", `grant_type must be ${Object.keys(GRANTS).join(" or ")}.`);
  }
  return { status: 200, headers: NO_STORE, body: grant(ctx, body) };
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
    { method: "GET", pattern: "/oauth2/authorize", public: true, handler: oauthEndpoint(authorize) },
    { method: "POST", pattern: "/oauth2/token", public: true, handler: oauthEndpoint(token) },
  ],
};
