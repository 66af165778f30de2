import { createHash, randomInt } from "node:crypto";
import { DEFAULT_CLIENT_ID } from "../api-key.js";
import { ApiError, notFound, unprocessable } from "../errors.js";
import { isoTime, newId, randomToken, ulid } from "../ids.js";
import type { Resource } from "../resource.js";
import { toWire } from "../resource.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { signingKey, signJwt } from "../signing-key.js";
import { requireObjectBody } from "../validate.js";
import { confirmVerification, sendVerification } from "./email-verifications.js";
import { accept, invitations } from "./invitations.js";
import { jwtTemplates, renderTemplate } from "./jwt-templates.js";
import { type MagicAuth, magicAuths } from "./magic-auth.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { redirectUris } from "./redirect-uris.js";
import { roles } from "./roles.js";
import { type Session, sessions } from "./sessions.js";
import { passwordMatches } from "./user-passwords.js";
import { type User, users } from "./users.js";

/**
 * AuthKit sign-in: the hosted authorization URL, POST /user_management/authenticate with its grants, refresh
 * tokens, logout and the JWKS. A sign-in starts a session and answers with an RS256 access token carrying
 * WorkOS's claims (sub, sid, org_id, role, roles, permissions, …) and an opaque single-use refresh token.
 */

/** How a session was signed in: the response's `authentication_method` and the session's `auth_method`. */
interface Method {
  readonly name: string;
  readonly session: Session["auth_method"];
  /** The authentication.*_succeeded event it emits, if WorkOS has one. */
  readonly event?: { type: string; kind: string };
}

const PASSWORD: Method = {
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
const CODE_TTL_MS = 600_000;

/** A code the authorization URL hands to the redirect URI, exchanged once for tokens. */
export interface AuthorizationCode {
  id: string;
  user_id: string;
  organization_id: string | null;
  method: string;
  code_challenge: string | null;
  expires_at: number;
}

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

export const authorizationCodes: Resource<AuthorizationCode, never, "authorization_codes"> = {
  name: "authorization_codes",
  label: "Authorization code",
  parents: { user_id: "users" },
};

export const refreshTokens: Resource<RefreshToken, never, "refresh_tokens"> = {
  name: "refresh_tokens",
  label: "Refresh token",
  parents: { user_id: "users", session_id: "sessions" },
};

/** A device authorization (OAuth's device flow): approved by a user on the verification page, then polled for. */
export interface DeviceGrant {
  id: string;
  user_code: string;
  /** The user who approved it on the verification page, once one has. */
  user_id: string | null;
  expires_at: number;
}

/** How long a device has to be approved, and how often it may poll (seconds), as WorkOS answers. */
const DEVICE_CODE_SECONDS = 300;
const DEVICE_POLL_SECONDS = 5;
const USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

export const deviceGrants: Resource<DeviceGrant, never, "device_grants"> = {
  name: "device_grants",
  label: "Device authorization",
};

/** Invalid grants answer in OAuth's shape, as WorkOS's token endpoint does. */
function oauthError(error: string, description: string): ApiError {
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

function activeMemberships(ctx: EmulatorContext, userId: string) {
  return ctx.store
    .of(organizationMemberships)
    .values()
    .filter((m) => m.user_id === userId && m.status === "active");
}

/** The role and permissions an access token carries for a membership. */
function roleClaims(ctx: EmulatorContext, organizationId: string, slug: string) {
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

function accessToken(ctx: EmulatorContext, session: Session, organizationId: string | null): string {
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
  session: Session,
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
  user: User,
  session: Session,
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
function acceptInvitationToken(ctx: EmulatorContext, user: User, token: string | null) {
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
function pendingFor(ctx: EmulatorContext, user: User, method: Method): PendingAuthentication {
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
  user: User,
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
  const session: Session = {
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
  const signedIn: User = { ...user, last_sign_in_at: at, updated_at: at };
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

/** A redirect URI the environment allows: one of its configured redirect URIs, with * matching a subdomain. */
function allowedRedirect(ctx: EmulatorContext, uri: string): boolean {
  return ctx.store
    .of(redirectUris)
    .values()
    .some((r) => {
      if (!r.uri.includes("*")) return r.uri === uri;
      const [head = "", tail = ""] = r.uri.split("*");
      return (
        uri.startsWith(head) &&
        uri.endsWith(tail) &&
        !uri.slice(head.length, uri.length - tail.length).includes("/")
      );
    });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GET /user_management/authorize: where AuthKit's hosted sign-in would be. The emulator has no sign-in form:
 * with a login_hint naming a user it signs that user in at once and redirects to redirect_uri with a code;
 * without one it shows a page listing the users to sign in as, each a link carrying its own code.
 */
function authorize(req: ApiRequest, ctx: EmulatorContext) {
  const q = req.query;
  const missing = ["response_type", "redirect_uri", "client_id"].filter((name) => !q.get(name));
  if (missing.length > 0) {
    throw unprocessable(
      `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} required.`,
      missing.map((field) => ({ field, code: `${field}_required` })),
    );
  }
  if (q.get("response_type") !== "code") {
    throw unprocessable("response_type must be code.", [
      { field: "response_type", code: "invalid_response_type" },
    ]);
  }
  if (q.get("client_id") !== DEFAULT_CLIENT_ID) {
    throw unprocessable(`Client '${q.get("client_id")}' is unknown.`, [
      { field: "client_id", code: "invalid_client" },
    ]);
  }
  const redirectUri = q.get("redirect_uri") ?? "";
  if (!allowedRedirect(ctx, redirectUri)) {
    throw unprocessable(`'${redirectUri}' is not one of the environment's redirect URIs.`, [
      { field: "redirect_uri", code: "invalid_redirect_uri" },
    ]);
  }
  const challengeMethod = q.get("code_challenge_method");
  if (challengeMethod !== null && challengeMethod !== "S256") {
    throw unprocessable("code_challenge_method must be S256.", [
      { field: "code_challenge_method", code: "invalid_code_challenge_method" },
    ]);
  }
  const organizationId = q.get("organization_id");
  if (organizationId && !ctx.store.of(organizations).has(organizationId)) {
    throw notFound(`Organization not found: '${organizationId}'.`);
  }
  const provider = q.get("provider");
  const method =
    provider && provider !== "authkit" ? provider : q.get("connection_id") ? "SSO" : PASSWORD.name;
  const codeFor = (user: User) => {
    const code = randomToken(24);
    ctx.store.of(authorizationCodes).insert({
      id: code,
      user_id: user.id,
      organization_id: organizationId || null,
      method,
      code_challenge: q.get("code_challenge") || null,
      expires_at: ctx.now() + CODE_TTL_MS,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    const state = q.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return target.toString();
  };
  const candidates = ctx.store
    .of(users)
    .values()
    .filter(
      (u) =>
        !organizationId || activeMemberships(ctx, u.id).some((m) => m.organization_id === organizationId),
    );
  const hint = q.get("login_hint")?.toLowerCase();
  if (hint) {
    const user = candidates.find((u) => u.email === hint);
    if (!user) throw notFound(`User not found: '${hint}'.`);
    return { status: 302, headers: { Location: codeFor(user) } };
  }
  const links = candidates
    .slice(0, 50)
    .map((u) => `<li><a href="${escapeHtml(codeFor(u))}">${escapeHtml(u.email)}</a></li>`)
    .join("");
  return {
    status: 200,
    raw: `<!doctype html><title>Sign in (WorkOS emulator)</title><h1>Sign in as</h1><ul>${links}</ul>`,
  };
}

/** POST /user_management/authorize/device: a device code to poll with and a user code to approve it by. */
function authorizeDevice(req: ApiRequest, ctx: EmulatorContext) {
  const clientId = (req.body as { client_id?: unknown } | undefined)?.client_id;
  if (typeof clientId !== "string" || clientId === "")
    throw oauthError("invalid_request", "client_id is required.");
  if (clientId !== DEFAULT_CLIENT_ID) throw oauthError("invalid_client", `Client '${clientId}' is unknown.`);
  const letters = Array.from(
    { length: 8 },
    () => USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)],
  ).join("");
  const userCode = `${letters.slice(0, 4)}-${letters.slice(4)}`;
  const grant: DeviceGrant = {
    id: randomToken(30),
    user_code: userCode,
    user_id: null,
    expires_at: ctx.now() + DEVICE_CODE_SECONDS * 1000,
  };
  ctx.store.of(deviceGrants).insert(grant);
  const verificationUri = `${ctx.baseUrl()}/device`;
  return {
    status: 200,
    body: {
      device_code: grant.id,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
      expires_in: DEVICE_CODE_SECONDS,
      interval: DEVICE_POLL_SECONDS,
    },
  };
}

/**
 * GET /device: the emulator's stand-in for AuthKit's device page. With a user_code and a user_id it approves
 * the device as that user; with only the user_code it lists the users to approve as.
 */
function verifyDevice(req: ApiRequest, ctx: EmulatorContext) {
  const userCode = (req.query.get("user_code") ?? "").toUpperCase();
  const grant = ctx.store
    .of(deviceGrants)
    .values()
    .find((g) => g.user_code === userCode && g.expires_at > ctx.now());
  if (!grant) throw notFound(`No device is waiting for the code '${userCode}'.`);
  const userId = req.query.get("user_id");
  if (userId) {
    const user = ctx.store.of(users).get(userId);
    if (!user) throw notFound(`User not found: '${userId}'.`);
    ctx.store.of(deviceGrants).replace({ ...grant, user_id: user.id });
    return {
      status: 200,
      raw: `<!doctype html><title>Device approved</title><p>Signed in as ${escapeHtml(user.email)}. Return to your device.</p>`,
    };
  }
  const links = ctx.store
    .of(users)
    .values()
    .slice(0, 50)
    .map((u) => {
      const href = `/device?${new URLSearchParams({ user_code: userCode, user_id: u.id })}`;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(u.email)}</a></li>`;
    })
    .join("");
  return {
    status: 200,
    raw: `<!doctype html><title>Approve device ${userCode} (WorkOS emulator)</title><h1>Approve ${userCode} as</h1><ul>${links}</ul>`,
  };
}

/** GET /user_management/sessions/logout: ends the session and sends the browser to return_to. */
function logout(req: ApiRequest, ctx: EmulatorContext) {
  const id = req.query.get("session_id");
  if (!id) throw new ApiError(422, { message: "session_id is required." });
  const session = ctx.store.of(sessions).get(id);
  if (!session) throw new ApiError(422, { message: `Session not found: '${id}'.` });
  if (session.status === "active") {
    const at = isoTime(ctx.now());
    const ended: Session = { ...session, status: "revoked", ended_at: at, updated_at: at };
    ctx.store.of(sessions).replace(ended);
    ctx.emit({ type: "session.revoked", data: { ...ended }, organizationId: ended.organization_id ?? null });
  }
  // The session's refresh tokens die with it.
  for (const token of ctx.store.of(refreshTokens).values()) {
    if (token.session_id === id) ctx.store.of(refreshTokens).delete(token.id);
  }
  const returnTo = req.query.get("return_to");
  if (!returnTo) return { status: 200 };
  return { status: 302, headers: { Location: returnTo } };
}

export const pendingAuthentications: Resource<PendingAuthentication, never, "pending_authentications"> = {
  name: "pending_authentications",
  label: "Pending authentication",
  parents: { user_id: "users" },
  routes: (): Route[] => [
    { method: "POST", pattern: "/user_management/authenticate", handler: authenticate },
    { method: "GET", pattern: "/user_management/authorize", public: true, handler: authorize },
    { method: "GET", pattern: "/user_management/sessions/logout", public: true, handler: logout },
    { method: "POST", pattern: "/user_management/authorize/device", public: true, handler: authorizeDevice },
    { method: "GET", pattern: "/device", public: true, handler: verifyDevice },
    {
      method: "GET",
      pattern: "/sso/jwks/:clientId",
      public: true,
      handler: (req) => {
        if (req.params.clientId !== DEFAULT_CLIENT_ID) {
          throw new ApiError(404, { message: `Client not found: '${req.params.clientId}'.` });
        }
        return { status: 200, body: { keys: [{ ...signingKey().jwk }] } };
      },
    },
  ],
};
