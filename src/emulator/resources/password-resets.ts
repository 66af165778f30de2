import {
  PASSWORD_RESET_ID_PREFIX,
  type PasswordReset as PasswordResetWire,
  passwordReset,
} from "../../workos/password-reset.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import { type Resource, toWire } from "../resource.js";
import { getRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { isEmail, requireObjectBody } from "../validate.js";
import { sessions } from "./sessions.js";
import { setPassword } from "./user-passwords.js";
import { type StoredUser, users } from "./users.js";

/** A password reset, and whether its token has been spent. */
export interface PasswordReset extends PasswordResetWire {
  used: boolean;
}

/** How long a reset link works: WorkOS does not say; the emulator gives half an hour. */
const TTL_MS = 30 * 60_000;

// The reset page of the customer's own app, where WorkOS links resets; the emulator has no app.
const RESET_URL = "http://localhost:3000/reset-password?token=";

function serialize({ used: _used, ...wire }: PasswordReset): Record<string, unknown> {
  return { ...wire };
}

/** What events carry: the reset without its token and link. */
function eventData(reset: PasswordReset): Record<string, unknown> {
  const { password_reset_token: _token, password_reset_url: _url, ...rest } = serialize(reset);
  return rest;
}

function invalidRequest(message: string): ApiError {
  return new ApiError(422, { code: "invalid_request_parameters", message });
}

function resetError(code: string, message: string): ApiError {
  return new ApiError(400, { code: "password_reset_error", message, errors: [{ code, message }] });
}

function confirm(ctx: EmulatorContext, body: Record<string, unknown>) {
  if (typeof body.token !== "string" || body.token === "") throw invalidRequest("token is required.");
  if (typeof body.new_password !== "string" || body.new_password === "") {
    throw invalidRequest("new_password is required.");
  }
  const all = ctx.store.of(passwordResets);
  const reset = all.values().find((r) => r.password_reset_token === body.token);
  if (!reset) throw notFound("Password reset token not found.");
  if (reset.used)
    throw resetError("password_reset_token_already_used", "The password reset token was already used.");
  if (Date.parse(reset.expires_at) <= ctx.now()) {
    throw resetError("password_reset_token_expired", "The password reset token has expired.");
  }
  const user = ctx.store.of(users).get(reset.user_id);
  if (!user) throw notFound("Password reset token not found.");
  all.replace({ ...reset, used: true });
  setPassword(ctx.store, user.id, body.new_password);
  const at = isoTime(ctx.now());
  // Resetting the password proves the address, and ends every session of the user.
  let next: StoredUser = user;
  if (!user.email_verified) {
    next = { ...user, email_verified: true, updated_at: at };
    ctx.store.of(users).replace(next);
    ctx.emit({ type: "user.updated", data: toWire(users, next, ctx.store), organizationId: null });
  }
  for (const session of ctx.store.of(sessions).values()) {
    if (session.user_id !== user.id || session.status !== "active") continue;
    const ended = { ...session, status: "revoked" as const, ended_at: at, updated_at: at };
    ctx.store.of(sessions).replace(ended);
    ctx.emit({ type: "session.revoked", data: { ...ended }, organizationId: ended.organization_id ?? null });
  }
  ctx.emit({ type: "password_reset.succeeded", data: eventData(reset), organizationId: null });
  return { user: toWire(users, next, ctx.store) };
}

export const passwordResets: Resource<PasswordReset, never, "password_resets"> = {
  name: "password_resets",
  label: "Password reset",
  model: passwordReset,
  parents: { user_id: "users" },
  serialize,
  routes: () => [
    {
      method: "POST",
      pattern: "/user_management/password_reset",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        if (typeof body.email !== "string" || !isEmail(body.email)) {
          throw invalidRequest("email is required and must be an email address.");
        }
        const email = body.email.toLowerCase();
        const user = ctx.store
          .of(users)
          .values()
          .find((u) => u.email === email);
        if (!user) throw notFound(`User not found: '${email}'.`);
        const now = ctx.now();
        const token = randomToken(18);
        const reset: PasswordReset = {
          object: "password_reset",
          id: newId(PASSWORD_RESET_ID_PREFIX, now),
          user_id: user.id,
          email,
          expires_at: isoTime(now + TTL_MS),
          created_at: isoTime(now),
          password_reset_token: token,
          password_reset_url: `${RESET_URL}${token}`,
          used: false,
        };
        ctx.store.of(passwordResets).insert(reset);
        ctx.emit({ type: "password_reset.created", data: eventData(reset), organizationId: null });
        return { status: 201, body: serialize(reset) };
      },
    },
    {
      method: "POST",
      pattern: "/user_management/password_reset/confirm",
      handler: (req, ctx) => ({ status: 200, body: confirm(ctx, requireObjectBody(req.body)) }),
    },
    getRoute(passwordResets, "/user_management/password_reset"),
  ],
};
