import { createHash } from "node:crypto";
import { PROFILE_ID_PREFIX, type Profile } from "../../workos/profile.js";
import type { CONNECTION_TYPES } from "../../workos-vocabulary.js";
import { ApiError, notFound } from "../errors.js";
import { newId, randomToken } from "../ids.js";
import type { Resource } from "../resource.js";
import type { ApiRequest, EmulatorContext, Reply } from "../router.js";
import { isRecord } from "../validate.js";
import { connections, type StoredConnection } from "./connections.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

// The emulator has no identity provider: GET /sso/authorize signs a user in at once and redirects back with a
// code, which POST /sso/token exchanges for an access token and the profile.

/** One SSO sign-in: its profile, the code (single use), the access token and the logout token. */
export interface SsoSession {
  id: string;
  profile: Profile;
  code: string;
  code_expires_at: number;
  code_used: boolean;
  /** PKCE: the S256 challenge the authorize request carried, if any. */
  code_challenge: string | null;
  access_token: string | null;
  access_token_expires_at: number;
  logout_token: string | null;
  connection_id: string;
}

const CODE_TTL_MS = 10 * 60_000;
const ACCESS_TOKEN_TTL_S = 600;

function redirect(location: string): Reply {
  return { status: 302, headers: { location } };
}

/** OAuth's error redirect: back to the application with `error` and `error_description`. */
function errorRedirect(redirectUri: URL, error: string, description: string, state: string | null): Reply {
  redirectUri.searchParams.set("error", error);
  redirectUri.searchParams.set("error_description", description);
  if (state !== null) redirectUri.searchParams.set("state", state);
  return redirect(redirectUri.toString());
}

function invalidParameter(message: string): ApiError {
  return new ApiError(422, { code: "invalid_request_parameters", message });
}

/** The connection an authorize request names: by id, by organization (its active connection), or by provider. */
function connectionFor(ctx: EmulatorContext, query: URLSearchParams): StoredConnection | string {
  const all = ctx.store.of(connections).values();
  const id = query.get("connection");
  const organization = query.get("organization");
  const provider = query.get("provider");
  let found: StoredConnection | undefined;
  if (id) found = all.find((c) => c.id === id);
  else if (organization) {
    if (!ctx.store.of(organizations).has(organization)) return `Organization '${organization}' not found.`;
    found = all.find((c) => c.organization_id === organization && c.state === "active");
    if (!found) return `Organization '${organization}' has no active SSO connection.`;
  } else if (provider) found = all.find((c) => c.connection_type === provider);
  if (!found) return `No SSO connection matches ${id ?? provider ?? "the request"}.`;
  if (found.state !== "active") return `Connection '${found.id}' is not active.`;
  return found;
}

/** Who signs in: the login_hint's user, else the first active member of the connection's organization. */
function signedInUser(ctx: EmulatorContext, connection: StoredConnection, loginHint: string | null) {
  const all = ctx.store.of(users).values();
  const hinted = loginHint ? all.find((u) => u.email === loginHint) : undefined;
  if (hinted) return hinted;
  if (loginHint) return { email: loginHint, first_name: null, last_name: null };
  const member = ctx.store
    .of(organizationMemberships)
    .values()
    .find((m) => m.organization_id === connection.organization_id && m.status === "active");
  const user = member ? all.find((u) => u.id === member.user_id) : undefined;
  if (user) return user;
  const domain = connection.organization_id
    ? ctx.store.of(organizations).get(connection.organization_id)?.domains[0]?.domain
    : undefined;
  return { email: `sso.user@${domain ?? "example.com"}`, first_name: "SSO", last_name: "User" };
}

function makeProfile(ctx: EmulatorContext, connection: StoredConnection, loginHint: string | null): Profile {
  const user = signedInUser(ctx, connection, loginHint);
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || null;
  return {
    object: "profile",
    id: newId(PROFILE_ID_PREFIX, ctx.now()),
    organization_id: connection.organization_id ?? null,
    connection_id: connection.id,
    connection_type: connection.connection_type as (typeof CONNECTION_TYPES)[number],
    idp_id: createHash("sha256").update(`${connection.id}:${user.email}`).digest("hex").slice(0, 20),
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    name,
    role: { slug: "member" },
    roles: [{ slug: "member" }],
    groups: [],
    custom_attributes: {},
    raw_attributes: { email: user.email, first_name: user.first_name, last_name: user.last_name },
  };
}

function authorize(req: ApiRequest, ctx: EmulatorContext): Reply {
  const q = req.query;
  const redirectRaw = q.get("redirect_uri");
  let redirectUri: URL;
  try {
    redirectUri = new URL(redirectRaw ?? "");
  } catch {
    throw invalidParameter("redirect_uri is required and must be a URL.");
  }
  if (!q.get("client_id")) throw invalidParameter("client_id is required.");
  const state = q.get("state");
  if (q.get("response_type") !== "code") {
    return errorRedirect(redirectUri, "unsupported_response_type", "response_type must be code.", state);
  }
  const connection = connectionFor(ctx, q);
  if (typeof connection === "string") return errorRedirect(redirectUri, "access_denied", connection, state);
  const challenge = q.get("code_challenge");
  if (challenge !== null && q.get("code_challenge_method") !== "S256") {
    return errorRedirect(redirectUri, "invalid_request", "code_challenge_method must be S256.", state);
  }
  const session = ctx.store.of(ssoSessions).insert({
    id: newId("sso_session", ctx.now()),
    profile: makeProfile(ctx, connection, q.get("login_hint")),
    code: randomToken(24),
    code_expires_at: ctx.now() + CODE_TTL_MS,
    code_used: false,
    code_challenge: challenge,
    access_token: null,
    access_token_expires_at: 0,
    logout_token: null,
    connection_id: connection.id,
  });
  redirectUri.searchParams.set("code", session.code);
  if (state !== null) redirectUri.searchParams.set("state", state);
  return redirect(redirectUri.toString());
}

function oauthError(error: string, description: string): ApiError {
  return new ApiError(400, { error, error_description: description } as never);
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

function token(req: ApiRequest, ctx: EmulatorContext): Reply {
  // Parameters may come in the form body or the query string, as the spec allows both.
  const body = isRecord(req.body) ? req.body : {};
  const param = (name: string) => {
    const value = body[name] ?? req.query.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const code = param("code");
  if (!param("client_id") || !code || !param("grant_type")) {
    throw invalidParameter("client_id, code and grant_type are required.");
  }
  if (param("grant_type") !== "authorization_code") {
    throw oauthError("unsupported_grant_type", "grant_type must be authorization_code.");
  }
  const session = ctx.store
    .of(ssoSessions)
    .values()
    .find((s) => s.code === code);
  const verifier = param("code_verifier");
  const secret = param("client_secret");
  if (secret !== undefined && secret !== ctx.apiKey)
    throw oauthError("invalid_client", "Invalid client secret.");
  if (!session || session.code_used || session.code_expires_at <= ctx.now()) {
    throw oauthError("invalid_grant", "The code is invalid, expired or already used.");
  }
  if (
    session.code_challenge !== null
      ? verifier === undefined || s256(verifier) !== session.code_challenge
      : secret === undefined
  ) {
    throw oauthError("invalid_client", "A client_secret or the PKCE code_verifier is required.");
  }
  const updated: SsoSession = {
    ...session,
    code_used: true,
    access_token: randomToken(32),
    access_token_expires_at: ctx.now() + ACCESS_TOKEN_TTL_S * 1000,
  };
  ctx.store.of(ssoSessions).replace(updated);
  return {
    status: 200,
    body: {
      token_type: "Bearer",
      access_token: updated.access_token,
      expires_in: ACCESS_TOKEN_TTL_S,
      profile: updated.profile,
    },
  };
}

function bearer(req: ApiRequest): string | undefined {
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith("Bearer ") ? value.slice("Bearer ".length) : undefined;
}

export const ssoSessions: Resource<SsoSession, never, "sso_sessions"> = {
  name: "sso_sessions",
  label: "SSO session",
  parents: { connection_id: "connections" },
  routes: () => [
    { method: "GET", pattern: "/sso/authorize", public: true, handler: authorize },
    { method: "POST", pattern: "/sso/token", public: true, handler: token },
    {
      // Authenticated by the profile's access token, not the API key.
      method: "GET",
      pattern: "/sso/profile",
      public: true,
      handler: (req, ctx) => {
        const presented = bearer(req);
        const session = ctx.store
          .of(ssoSessions)
          .values()
          .find((s) => s.access_token !== null && s.access_token === presented);
        if (!session || session.access_token_expires_at <= ctx.now()) {
          return { status: 401, body: { error: "Unauthorized" } };
        }
        return { status: 200, body: session.profile };
      },
    },
    {
      method: "POST",
      pattern: "/sso/logout/authorize",
      handler: (req, ctx) => {
        const profileId = isRecord(req.body) ? req.body.profile_id : undefined;
        if (typeof profileId !== "string" || profileId === "")
          throw invalidParameter("profile_id is required.");
        const session = ctx.store
          .of(ssoSessions)
          .values()
          .find((s) => s.profile.id === profileId);
        if (!session) throw notFound(`Profile not found: '${profileId}'.`);
        const logoutToken = randomToken(24);
        ctx.store.of(ssoSessions).replace({ ...session, logout_token: logoutToken });
        const logoutUrl = `${ctx.baseUrl()}/sso/logout?token=${encodeURIComponent(logoutToken)}`;
        return { status: 200, body: { logout_url: logoutUrl, logout_token: logoutToken } };
      },
    },
    {
      // The identity provider's sign-out, which the emulator does not have: it ends the session (its access
      // token stops working) and answers 200 without a body, as the spec allows.
      method: "GET",
      pattern: "/sso/logout",
      public: true,
      handler: (req, ctx) => {
        const presented = req.query.get("token");
        const session = ctx.store
          .of(ssoSessions)
          .values()
          .find((s) => s.logout_token !== null && s.logout_token === presented);
        if (!session) throw notFound("Logout token not found or already used.");
        ctx.store.of(ssoSessions).delete(session.id);
        return { status: 200 };
      },
    },
  ],
};
