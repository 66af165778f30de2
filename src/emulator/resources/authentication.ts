import { createHash } from "node:crypto";
import { DEFAULT_CLIENT_ID } from "../api-key.js";
import { ApiError } from "../errors.js";
import { isoTime, newId, randomToken, ulid } from "../ids.js";
import type { EmittedEvent, Resource } from "../resource.js";
import { toWire } from "../resource.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { signJwt } from "../signing-key.js";
import { requireObjectBody } from "../validate.js";
import { confirmVerification, sendVerification } from "./email-verifications.js";
import { accept, invitations } from "./invitations.js";
import { jwtTemplates, renderTemplate } from "./jwt-templates.js";
import { type MagicAuth, magicAuths } from "./magic-auth.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { roles } from "./roles.js";
import { type StoredSession, sessions } from "./sessions.js";
import { passwordMatches } from "./user-passwords.js";
import { type StoredUser, users } from "./users.js";

/**
 * AuthKit sign-in: POST /user_management/authenticate with its grants, and refresh tokens (the browser's side,
 * authorize, device approval, logout and the JWKS, is in sign-in-pages.ts). A sign-in starts a session and answers with an RS256 access token carrying
 * WorkOS's claims (sub, sid, org_id, role, roles, permissions, …) and an opaque single-use refresh token.
 */

/** How a session was signed in: the response's `authentication_method` and the session's `auth_method`. */
interface Method {
  readonly name: string;
  readonly session: StoredSession["auth_method"];
  /** The authentication.*_succeeded event it emits, if WorkOS has one. */
  readonly event?: { type: EmittedEvent["type"]; kind: string };
}

export const PASSWORD: Method = {
  name: "Password",
  session: "password",
  event: { type: "authentication.password_succeeded", kind: "password" },
};
const MAGIC_AUTH: Method = {
  name: "MagicAuth",
  session: "magic_code",
  event: { type: "authentication.magic_auth_succeeded", kind: "magic_auth" },
};
const OAUTH_PROVIDERS = new Set([
  "AppleOAuth",
  "BitbucketOAuth",
  "GitHubOAuth",
  "GitLabOAuth",
  "GoogleOAuth",
  "IntuitOAuth",
  "LinkedInOAuth",
  "MicrosoftOAuth",
  "SalesforceOAuth",
  "SlackOAuth",
  "VercelMarketplaceOAuth",
  "VercelOAuth",
  "XeroOAuth",
]);

/** An access token lives five minutes, as WorkOS's do; the refresh token renews it. */
const ACCESS_TOKEN_SECONDS = 300;
/** An authorization code must be exchanged within ten minutes. */
export const CODE_TTL_MS = 600_000;

/** An opaque refresh token; using it spends it and issues the next. */
export interface RefreshToken {
  id: string;
  user_id: string;
  session_id: string;
  organization_id: string | null;
  method: string;
}

/** A sign-in waiting for the user to pick an organization (organization_selection_required). */
export interface PendingAuthentication {
  id: string;
  user_id: string;
  method: string;
  expires_at: number;
}

export const refreshTokens: Resource<RefreshToken, never, "refresh_tokens"> = {
  name: "refresh_tokens",
  label: "Refresh token",
  parents: { user_id: "users", session_id: "sessions" },
};

/** Invalid grants answer in OAuth's shape, as WorkOS's token endpoint does. */
export function oauthError(error: string, description: string): ApiError {
  return new ApiError(400, { error, error_description: description, message: description });
}

function invalidGrant(description: string): ApiError {
  return oauthError("invalid_grant", description);
}

function methodNamed(name: string): Method {
  if (name === PASSWORD.name) return PASSWORD;
  if (name === MAGIC_AUTH.name) return MAGIC_AUTH;
  // OAuth and SSO sign-ins emit no authentication event here: their payloads name a provider profile the
  // emulator does not have.
  return { name, session: OAUTH_PROVIDERS.has(name) ? "oauth" : "sso" };
}

export function activeMemberships(ctx: EmulatorContext, userId: string) {
  return ctx.store
    .of(organizationMemberships)
    .values()
    .filter((m) => m.user_id === userId && m.status === "active");
}

/** The role and permissions an access token carries for a membership. */
export function roleClaims(ctx: EmulatorContext, organizationId: string, slug: string) {
  const role =
    ctx.store
      .of(roles)
      .values()
      .find((r) => r.slug === slug && r.organization_id === organizationId) ??
    ctx.store
      .of(roles)
      .values()
      .find((r) => r.slug === slug && r.organization_id === null);
  return { role: slug, roles: [slug], permissions: [...(role?.permissions ?? [])] };
}

/** The JWT template's claims for this user and organization, if the environment has a template. */
function customClaims(ctx: EmulatorContext, userId: string, organizationId: string | null) {
  const template = ctx.store.of(jwtTemplates).get("jwt_template");
  const user = ctx.store.of(users).get(userId);
  if (!template || !user) return {};
  const organization = organizationId === null ? undefined : ctx.store.of(organizations).get(organizationId);
  const rendered = renderTemplate(template.content, {
    user: toWire(users, user, ctx.store),
    ...(organization ? { organization: toWire(organizations, organization, ctx.store) } : {}),
  });
  return typeof rendered === "string" ? {} : rendered;
}

function accessToken(ctx: EmulatorContext, session: StoredSession, organizationId: string | null): string {
  const iat = Math.floor(ctx.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: `${ctx.baseUrl()}/user_management/${DEFAULT_CLIENT_ID}`,
    sub: session.user_id,
    sid: session.id,
    jti: ulid(ctx.now()),
  };
  const membership =
    organizationId === null
      ? undefined
      : activeMemberships(ctx, session.user_id).find((m) => m.organization_id === organizationId);
  if (organizationId !== null) {
    claims.org_id = organizationId;
    if (membership) Object.assign(claims, roleClaims(ctx, organizationId, membership.role.slug));
  }
  Object.assign(claims, { entitlements: [], feature_flags: [], exp: iat + ACCESS_TOKEN_SECONDS, iat });
  return signJwt({ ...customClaims(ctx, session.user_id, organizationId), ...claims });
}

function mintRefreshToken(
  ctx: EmulatorContext,
  session: StoredSession,
  organizationId: string | null,
  method: string,
) {
  const token = randomToken(24);
  ctx.store.of(refreshTokens).insert({
    id: token,
    user_id: session.user_id,
    session_id: session.id,
    organization_id: organizationId,
    method,
  });
  return token;
}

function tokenResponse(
  ctx: EmulatorContext,
  user: StoredUser,
  session: StoredSession,
  organizationId: string | null,
  method: string,
) {
  return {
    user: toWire(users, user, ctx.store),
    ...(organizationId === null ? {} : { organization_id: organizationId }),
    access_token: accessToken(ctx, session, organizationId),
    refresh_token: mintRefreshToken(ctx, session, organizationId, method),
    authentication_method: method,
  };
}

interface SignInRequest {
  ipAddress: string | null;
  userAgent: string | null;
  invitationToken: string | null;
}

function requestContext(body: Record<string, unknown>): SignInRequest {
  return {
    ipAddress: typeof body.ip_address === "string" ? body.ip_address : null,
    userAgent: typeof body.user_agent === "string" ? body.user_agent : null,
    invitationToken: typeof body.invitation_token === "string" ? body.invitation_token : null,
  };
}

/** Accepts the pending invitation a sign-in names by its token; it must be for the user's email. */
function acceptInvitationToken(ctx: EmulatorContext, user: StoredUser, token: string | null) {
  if (token === null) return undefined;
  const invitation = ctx.store
    .of(invitations)
    .values()
    .find((i) => i.token === token);
  if (invitation?.state !== "pending") {
    throw oauthError("invitation_invalid", "The invitation token is not a pending invitation.");
  }
  if (invitation.email !== user.email) {
    throw oauthError("invitation_cannot_be_used_for_email", "The invitation is for another email.");
  }
  return accept(ctx, invitation.id);
}

/** A sign-in left waiting for a further step, found again by its pending_authentication_token. */
function pendingFor(ctx: EmulatorContext, user: StoredUser, method: Method): PendingAuthentication {
  const pending: PendingAuthentication = {
    id: randomToken(24),
    user_id: user.id,
    method: method.name,
    expires_at: ctx.now() + CODE_TTL_MS,
  };
  ctx.store.of(pendingAuthentications).insert(pending);
  return pending;
}

/** The sign-in a pending_authentication_token continues, or WorkOS's refusal. */
function pendingSignIn(ctx: EmulatorContext, body: Record<string, unknown>) {
  const token = requiredString(body, "pending_authentication_token");
  const all = ctx.store.of(pendingAuthentications);
  const pending = all.get(token);
  const user =
    pending && pending.expires_at > ctx.now() ? ctx.store.of(users).get(pending.user_id) : undefined;
  if (!pending || !user) {
    throw new ApiError(400, {
      code: "invalid_pending_authentication_token",
      message: "The pending authentication token is invalid or has expired.",
    });
  }
  return { pending, user, spend: () => all.delete(token) };
}

/**
 * Signs a user in: picks the organization (the one asked for, else the only active membership; several need
 * the user to choose), starts a session and answers with tokens.
 */
function signIn(
  ctx: EmulatorContext,
  user: StoredUser,
  method: Method,
  request: SignInRequest,
  organizationId?: string | null,
) {
  // An invitation token accepts the invitation, and signs into its organization.
  const invited = acceptInvitationToken(ctx, user, request.invitationToken);
  if (invited?.organization_id && organizationId === undefined) organizationId = invited.organization_id;
  let organization = organizationId ?? null;
  if (organizationId === undefined) {
    const memberships = activeMemberships(ctx, user.id);
    if (memberships.length > 1) {
      const pending = pendingFor(ctx, user, method);
      throw new ApiError(403, {
        code: "organization_selection_required",
        message: "The user must choose an organization to sign in to.",
        pending_authentication_token: pending.id,
        user: toWire(users, user, ctx.store),
        organizations: memberships.map((m) => ({
          id: m.organization_id,
          name: ctx.store.of(organizations).get(m.organization_id)?.name ?? "",
        })),
      });
    }
    organization = memberships[0]?.organization_id ?? null;
  }
  const now = ctx.now();
  const at = isoTime(now);
  const session: StoredSession = {
    object: "session",
    id: newId("session", now),
    user_id: user.id,
    ip_address: request.ipAddress,
    user_agent: request.userAgent,
    auth_method: method.session,
    status: "active",
    expires_at: isoTime(now + 30 * 86_400_000),
    ended_at: null,
    created_at: at,
    updated_at: at,
  };
  if (organization !== null) session.organization_id = organization;
  ctx.store.of(sessions).insert(session);
  const signedIn: StoredUser = { ...user, last_sign_in_at: at, updated_at: at };
  ctx.store.of(users).replace(signedIn);
  ctx.emit({ type: "session.created", data: { ...session }, organizationId: organization });
  if (method.event) {
    ctx.emit({
      type: method.event.type,
      data: {
        type: method.event.kind,
        status: "succeeded",
        ip_address: request.ipAddress,
        user_agent: request.userAgent,
        user_id: user.id,
        email: user.email,
      },
      organizationId: organization,
    });
  }
  return tokenResponse(ctx, signedIn, session, organization, method.name);
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== "string" || value === "") {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: `${field} is required.`,
      errors: [{ field, code: `${field}_required` }],
    });
  }
  return value;
}

function passwordGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const email = requiredString(body, "email").toLowerCase();
  const password = requiredString(body, "password");
  const user = ctx.store
    .of(users)
    .values()
    .find((u) => u.email === email);
  if (!user || !passwordMatches(ctx.store, user.id, password)) {
    throw new ApiError(400, { code: "invalid_credentials", message: "Invalid credentials." });
  }
  // An unverified address must be proved first: a code is sent, and the email-verification grant finishes.
  if (!user.email_verified) {
    const pending = pendingFor(ctx, user, PASSWORD);
    const verification = sendVerification(ctx, user);
    throw new ApiError(403, {
      code: "email_verification_required",
      message: "The user's email must be verified before signing in.",
      pending_authentication_token: pending.id,
      email: user.email,
      email_verification_id: verification.id,
      user: toWire(users, user, ctx.store),
    });
  }
  return signIn(ctx, user, PASSWORD, requestContext(body));
}

function codeGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const code = requiredString(body, "code");
  const codes = ctx.store.of(authorizationCodes);
  const grant = codes.get(code);
  // A code is spent by its first use, whatever the outcome.
  codes.delete(code);
  if (!grant || grant.expires_at <= ctx.now()) throw invalidGrant("The code is invalid or has expired.");
  if (grant.code_challenge !== null) {
    const verifier = body.code_verifier;
    const digest =
      typeof verifier === "string" ? createHash("sha256").update(verifier).digest("base64url") : undefined;
    if (digest !== grant.code_challenge)
      throw invalidGrant("The code_verifier does not match the code_challenge.");
  }
  const user = ctx.store.of(users).get(grant.user_id);
  if (!user) throw invalidGrant("The code is invalid or has expired.");
  return signIn(
    ctx,
    user,
    methodNamed(grant.method),
    requestContext(body),
    grant.organization_id ?? undefined,
  );
}

function refreshGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const token = requiredString(body, "refresh_token");
  const tokens = ctx.store.of(refreshTokens);
  const grant = tokens.get(token);
  if (!grant) throw invalidGrant("The refresh token is invalid or has already been used.");
  const session = ctx.store.of(sessions).get(grant.session_id);
  const user = ctx.store.of(users).get(grant.user_id);
  if (!session || !user || session.status !== "active" || Date.parse(session.expires_at) <= ctx.now()) {
    throw invalidGrant("Session has already ended.");
  }
  let organizationId = grant.organization_id;
  if (body.organization_id !== undefined) {
    if (typeof body.organization_id !== "string") throw invalidGrant("organization_id must be a string.");
    if (!ctx.store.of(organizations).has(body.organization_id)) {
      throw oauthError("organization_not_found", `Organization not found: '${body.organization_id}'.`);
    }
    if (!activeMemberships(ctx, user.id).some((m) => m.organization_id === body.organization_id)) {
      throw oauthError(
        "organization_membership_not_found",
        "The user is not an active member of this organization.",
      );
    }
    organizationId = body.organization_id;
  }
  tokens.delete(token);
  return tokenResponse(ctx, user, session, organizationId, grant.method);
}

function magicAuthGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const code = requiredString(body, "code");
  const email = requiredString(body, "email").toLowerCase();
  const all = ctx.store.of(magicAuths);
  const found = all
    .values()
    .filter((m: MagicAuth) => m.email === email && m.code === code)
    .at(-1);
  if (!found) throw new ApiError(400, { code: "invalid_one_time_code", message: "The code is incorrect." });
  if (found.used) {
    throw new ApiError(400, {
      code: "one_time_code_previously_used",
      message: "The code has already been used.",
    });
  }
  if (Date.parse(found.expires_at) <= ctx.now()) {
    throw new ApiError(400, { code: "one_time_code_expired", message: "The code has expired." });
  }
  all.replace({ ...found, used: true });
  const user = ctx.store.of(users).get(found.user_id);
  if (!user) throw new ApiError(400, { code: "invalid_one_time_code", message: "The code is incorrect." });
  // Signing in with a code sent to the address proves the address.
  const verified = user.email_verified ? user : { ...user, email_verified: true };
  if (verified !== user) ctx.store.of(users).replace(verified);
  return signIn(ctx, verified, MAGIC_AUTH, requestContext(body));
}

function organizationSelectionGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const organizationId = requiredString(body, "organization_id");
  const { pending, user, spend } = pendingSignIn(ctx, body);
  if (!activeMemberships(ctx, user.id).some((m) => m.organization_id === organizationId)) {
    throw new ApiError(400, {
      code: "invalid_organization_id",
      message: "The user is not an active member of this organization.",
    });
  }
  spend();
  return signIn(ctx, user, methodNamed(pending.method), requestContext(body), organizationId);
}

/** The code of an email verification a sign-in waited for: verifies the address, then signs in. */
function emailVerificationGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const code = requiredString(body, "code");
  const { pending, user, spend } = pendingSignIn(ctx, body);
  const refusals: Record<string, string> = {
    email_verification_code_incorrect: "invalid_one_time_code",
    email_verification_code_previously_used: "one_time_code_previously_used",
    email_verification_code_expired: "one_time_code_expired",
  };
  confirmVerification(
    ctx,
    user,
    code,
    (reason, message) => new ApiError(400, { code: refusals[reason] ?? reason, message }),
  );
  spend();
  const verified = ctx.store.of(users).get(user.id) ?? user;
  return signIn(ctx, verified, methodNamed(pending.method), requestContext(body));
}

function deviceCodeGrant(ctx: EmulatorContext, body: Record<string, unknown>) {
  const code = requiredString(body, "device_code");
  const all = ctx.store.of(deviceGrants);
  const grant = all.get(code);
  if (!grant) throw invalidGrant("The device code is invalid.");
  if (grant.expires_at <= ctx.now()) {
    all.delete(code);
    throw oauthError("expired_token", "The device code has expired.");
  }
  const user = grant.user_id === null ? undefined : ctx.store.of(users).get(grant.user_id);
  if (!user) throw oauthError("authorization_pending", "The user has not approved the device yet.");
  all.delete(code);
  return signIn(ctx, user, PASSWORD, requestContext(body));
}

const GRANTS: Record<string, (ctx: EmulatorContext, body: Record<string, unknown>) => unknown> = {
  password: passwordGrant,
  authorization_code: codeGrant,
  refresh_token: refreshGrant,
  "urn:workos:oauth:grant-type:magic-auth:code": magicAuthGrant,
  "urn:workos:oauth:grant-type:organization-selection": organizationSelectionGrant,
  "urn:ietf:params:oauth:grant-type:device_code": deviceCodeGrant,
  "urn:workos:oauth:grant-type:email-verification:code": emailVerificationGrant,
};

function authenticate(req: ApiRequest, ctx: EmulatorContext) {
  const body = requireObjectBody(req.body);
  const clientId = requiredString(body, "client_id");
  const grantType = requiredString(body, "grant_type");
  if (clientId !== DEFAULT_CLIENT_ID) throw oauthError("invalid_client", `Client '${clientId}' is unknown.`);
  const grant = GRANTS[grantType];
  if (!grant) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: `grant_type must be one of ${Object.keys(GRANTS).join(", ")}.`,
      errors: [{ field: "grant_type", code: "invalid_grant_type" }],
    });
  }
  return { status: 200, body: grant(ctx, body) };
}

export const pendingAuthentications: Resource<PendingAuthentication, never, "pending_authentications"> = {
  name: "pending_authentications",
  label: "Pending authentication",
  parents: { user_id: "users" },
  routes: (): Route[] => [
    { method: "POST", pattern: "/user_management/authenticate", handler: authenticate },
  ],
};

// The codes the browser side (sign-in-pages.ts) hands out, kept here where they are exchanged.

/** A code the authorization URL hands to the redirect URI, exchanged once for tokens. */
export interface AuthorizationCode {
  id: string;
  user_id: string;
  organization_id: string | null;
  method: string;
  code_challenge: string | null;
  expires_at: number;
}

export const authorizationCodes: Resource<AuthorizationCode, never, "authorization_codes"> = {
  name: "authorization_codes",
  label: "Authorization code",
  parents: { user_id: "users" },
};

/** A device authorization (OAuth's device flow): approved by a user on the verification page, then polled for. */
export interface DeviceGrant {
  id: string;
  user_code: string;
  /** The user who approved it on the verification page, once one has. */
  user_id: string | null;
  expires_at: number;
}

export const deviceGrants: Resource<DeviceGrant, never, "device_grants"> = {
  name: "device_grants",
  label: "Device authorization",
};
