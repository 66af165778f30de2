import {
  EMAIL_VERIFICATION_ID_PREFIX,
  type EmailVerification as EmailVerificationWire,
  emailVerification,
} from "../../workos/email-verification.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { type Resource, toWire } from "../resource.js";
import { findOr404, getRoute } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import { isEmail, requireObjectBody } from "../validate.js";
import { oneTimeCode } from "./magic-auth.js";
import { type StoredUser, users } from "./users.js";

/**
 * Email verification codes (send, confirm, get) and email changes (send a code to the new address, confirm
 * it). The emulator sends no email: a verification's code is read with GET
 * /user_management/email_verification/{id} (its id is in the email_verification.created event), and an email
 * change's code comes back in the send response's `code`, a field WorkOS only emails.
 */
export interface EmailVerification extends EmailVerificationWire {
  used: boolean;
}

/** A pending change of a user's email, one per user (keyed by the user's id). */
export interface EmailChange {
  id: string;
  user_id: string;
  new_email: string;
  code: string;
  expires_at: string;
  created_at: string;
  used: boolean;
}

/** How long a code works: WorkOS does not say; the emulator gives ten minutes, as for Magic Auth. */
const TTL_MS = 600_000;

function serialize({ used: _used, ...wire }: EmailVerification): Record<string, unknown> {
  return { ...wire };
}

function coded(status: number, code: string, message: string): ApiError {
  return new ApiError(status, { code, message });
}

function readCode(body: Record<string, unknown>): string {
  if (typeof body.code !== "string" || body.code === "") {
    throw coded(422, "invalid_request_parameters", "code is required.");
  }
  return body.code;
}

function updateUser(ctx: EmulatorContext, next: StoredUser): Record<string, unknown> {
  ctx.store.of(users).replace(next);
  const wire = toWire(users, next, ctx.store);
  ctx.emit({ type: "user.updated", data: wire, organizationId: null });
  return wire;
}

function emailTaken(ctx: EmulatorContext, email: string, selfId: string): boolean {
  return ctx.store
    .of(users)
    .values()
    .some((u) => u.id !== selfId && u.email === email);
}

/** Makes (and, were there mail, sends) a verification code for the user's current email. */
export function sendVerification(ctx: EmulatorContext, user: StoredUser): EmailVerification {
  const now = ctx.now();
  const at = isoTime(now);
  const verification: EmailVerification = {
    object: "email_verification",
    id: newId(EMAIL_VERIFICATION_ID_PREFIX, now),
    user_id: user.id,
    email: user.email,
    expires_at: isoTime(now + TTL_MS),
    created_at: at,
    updated_at: at,
    code: oneTimeCode(),
    used: false,
  };
  ctx.store.of(emailVerifications).insert(verification);
  const { code: _code, ...eventData } = serialize(verification);
  ctx.emit({ type: "email_verification.created", data: eventData, organizationId: null });
  return verification;
}

/** Spends the user's matching code and marks the email verified; `refuse` builds the error for a bad code. */
export function confirmVerification(
  ctx: EmulatorContext,
  user: StoredUser,
  code: string,
  refuse: (code: string, message: string) => ApiError,
): Record<string, unknown> {
  const all = ctx.store.of(emailVerifications);
  const match = all
    .values()
    .filter((v) => v.user_id === user.id && v.email === user.email && v.code === code)
    .at(-1);
  if (!match) throw refuse("email_verification_code_incorrect", "The code is incorrect.");
  if (match.used) throw refuse("email_verification_code_previously_used", "The code has already been used.");
  if (Date.parse(match.expires_at) <= ctx.now()) {
    throw refuse("email_verification_code_expired", "The code has expired.");
  }
  const at = isoTime(ctx.now());
  all.replace({ ...match, used: true, updated_at: at });
  return updateUser(ctx, { ...user, email_verified: true, updated_at: at });
}

const verificationRoutes = (): Route[] => [
  {
    method: "POST",
    pattern: "/user_management/users/:id/email_verification/send",
    handler: (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      if (user.email_verified) throw coded(400, "email_already_verified", "The email is already verified.");
      sendVerification(ctx, user);
      return { status: 200, body: { user: toWire(users, user, ctx.store) } };
    },
  },
  {
    method: "POST",
    pattern: "/user_management/users/:id/email_verification/confirm",
    handler: (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      const code = readCode(requireObjectBody(req.body));
      if (user.email_verified)
        throw coded(400, "email_previously_verified", "The email is already verified.");
      const wire = confirmVerification(ctx, user, code, (c, message) => coded(400, c, message));
      return { status: 200, body: { user: wire } };
    },
  },
  getRoute(emailVerifications, "/user_management/email_verification"),
];

const emailChangeRoutes = (): Route[] => [
  {
    method: "POST",
    pattern: "/user_management/users/:id/email_change/send",
    handler: (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      const body = requireObjectBody(req.body);
      if (typeof body.new_email !== "string" || body.new_email === "") {
        throw coded(422, "invalid_request_parameters", "new_email is required.");
      }
      if (!isEmail(body.new_email)) throw coded(422, "invalid_email", "new_email must be an email address.");
      const newEmail = body.new_email.toLowerCase();
      if (newEmail === user.email)
        throw coded(409, "email_change_not_needed", "That is already the user's email.");
      if (emailTaken(ctx, newEmail, user.id))
        throw coded(409, "email_not_available", "This email is not available.");
      const now = ctx.now();
      const change: EmailChange = {
        id: user.id,
        user_id: user.id,
        new_email: newEmail,
        code: oneTimeCode(),
        expires_at: isoTime(now + TTL_MS),
        created_at: isoTime(now),
        used: false,
      };
      // A new request replaces the pending one.
      const all = ctx.store.of(emailChanges);
      if (all.has(user.id)) all.delete(user.id);
      all.insert(change);
      return {
        status: 200,
        body: {
          object: "email_change",
          user: toWire(users, user, ctx.store),
          new_email: newEmail,
          expires_at: change.expires_at,
          created_at: change.created_at,
          code: change.code,
        },
      };
    },
  },
  {
    method: "POST",
    pattern: "/user_management/users/:id/email_change/confirm",
    handler: (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      const code = readCode(requireObjectBody(req.body));
      const all = ctx.store.of(emailChanges);
      const change = all.get(user.id);
      if (!change) throw coded(409, "no_pending_email_change", "The user has no pending email change.");
      if (change.used)
        throw coded(409, "email_change_code_previously_used", "The code has already been used.");
      if (change.code !== code) throw coded(400, "email_change_code_incorrect", "The code is incorrect.");
      if (Date.parse(change.expires_at) <= ctx.now()) {
        throw coded(400, "email_change_code_expired", "The code has expired.");
      }
      if (emailTaken(ctx, change.new_email, user.id)) {
        throw coded(409, "email_not_available", "This email is not available.");
      }
      all.replace({ ...change, used: true });
      const at = isoTime(ctx.now());
      // The code reached the new address, so the new address is verified.
      const wire = updateUser(ctx, {
        ...user,
        email: change.new_email,
        email_verified: true,
        updated_at: at,
      });
      return { status: 200, body: { object: "email_change_confirmation", user: wire } };
    },
  },
];

export const emailVerifications: Resource<EmailVerification, never, "email_verifications"> = {
  name: "email_verifications",
  label: "Email verification",
  model: emailVerification,
  parents: { user_id: "users" },
  serialize,
  routes: verificationRoutes,
};

export const emailChanges: Resource<EmailChange, never, "email_changes"> = {
  name: "email_changes",
  label: "Email change",
  parents: { user_id: "users" },
  routes: emailChangeRoutes,
};
