import { randomInt } from "node:crypto";
import { DEFAULT_CLIENT_ID } from "../api-key.js";
import { ApiError, notFound, unprocessable } from "../errors.js";
import { isoTime, randomToken } from "../ids.js";
import type { Resource } from "../resource.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { signingKey } from "../signing-key.js";
import {
  activeMemberships,
  authorizationCodes,
  CODE_TTL_MS,
  type DeviceGrant,
  deviceGrants,
  oauthError,
  PASSWORD,
  refreshTokens,
} from "./authentication.js";
import { organizations } from "./organizations.js";
import { redirectUris } from "./redirect-uris.js";
import { type StoredSession, sessions } from "./sessions.js";
import { type StoredUser, users } from "./users.js";

/**
 * AuthKit's browser side: the authorization URL, OAuth's device flow with its approval page, logout and the
 * JWKS, all public as the spec has them. The codes they hand out are exchanged at POST
 * /user_management/authenticate (authentication.ts).
 */

/** How long a device has to be approved, and how often it may poll (seconds), as WorkOS answers. */
const DEVICE_CODE_SECONDS = 300;
const DEVICE_POLL_SECONDS = 5;
const USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

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
  const codeFor = (user: StoredUser) => {
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
    const ended: StoredSession = { ...session, status: "revoked", ended_at: at, updated_at: at };
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

export const signInPages: Resource<{ id: string }, never, "sign_in_pages"> = {
  name: "sign_in_pages",
  label: "Sign-in page",
  routes: (): Route[] => [
    { method: "GET", pattern: "/user_management/authorize", public: true, handler: authorize },
    { method: "POST", pattern: "/user_management/authorize/device", public: true, handler: authorizeDevice },
    { method: "GET", pattern: "/device", public: true, handler: verifyDevice },
    { method: "GET", pattern: "/user_management/sessions/logout", public: true, handler: logout },
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
