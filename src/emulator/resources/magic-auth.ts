import { randomInt } from "node:crypto";
import {
  MAGIC_AUTH_ID_PREFIX,
  type MagicAuth as MagicAuthWire,
  magicAuth as magicAuthSchema,
} from "../../workos/magic-auth.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource } from "../resource.js";
import { getRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { isEmail, requireObjectBody } from "../validate.js";
import { invitations } from "./invitations.js";
import { type StoredUser, users } from "./users.js";

/** A Magic Auth code, and whether it has been spent (POST /user_management/authenticate takes it once). */
export interface MagicAuth extends MagicAuthWire {
  used: boolean;
}

/** A code is good for ten minutes, as WorkOS documents. */
const TTL_MS = 600_000;

/** A six-digit one-time code. */
export function oneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function serialize({ used: _used, ...wire }: MagicAuth): Record<string, unknown> {
  return { ...wire };
}

/** The user the code signs in; an unknown address signs up, as AuthKit lets a new user do with a code. */
function userFor(ctx: EmulatorContext, email: string): StoredUser {
  const existing = ctx.store
    .of(users)
    .values()
    .find((u) => u.email === email);
  if (existing) return existing;
  const at = isoTime(ctx.now());
  const user: StoredUser = {
    object: "user",
    id: newId("user"),
    email,
    email_verified: false,
    first_name: null,
    last_name: null,
    profile_picture_url: null,
    last_sign_in_at: null,
    external_id: null,
    metadata: {},
    locale: null,
    created_at: at,
    updated_at: at,
  };
  ctx.store.of(users).insert(user);
  ctx.emit({
    type: "user.created",
    data: users.serialize?.(user, ctx.store) ?? { ...user },
    organizationId: null,
  });
  return user;
}

export const magicAuths: Resource<MagicAuth, never, "magic_auths"> = {
  name: "magic_auths",
  label: "Magic Auth",
  model: magicAuthSchema,
  parents: { user_id: "users" },
  serialize,
  routes: () => [
    {
      method: "POST",
      pattern: "/user_management/magic_auth",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        if (typeof body.email !== "string" || !isEmail(body.email)) {
          throw new ApiError(422, { message: "email is required and must be an email address." });
        }
        const email = body.email.toLowerCase();
        if (body.invitation_token !== undefined) {
          const invitation = ctx.store
            .of(invitations)
            .values()
            .find((i) => i.token === body.invitation_token);
          if (invitation?.state !== "pending" || invitation.email !== email) {
            const description = "The invitation token is not a pending invitation for this email.";
            throw new ApiError(400, {
              error: "invitation_invalid",
              error_description: description,
              message: description,
            });
          }
        }
        const user = userFor(ctx, email);
        const now = ctx.now();
        const at = isoTime(now);
        const magicAuth: MagicAuth = {
          object: "magic_auth",
          id: newId(MAGIC_AUTH_ID_PREFIX, now),
          user_id: user.id,
          email,
          expires_at: isoTime(now + TTL_MS),
          created_at: at,
          updated_at: at,
          code: oneTimeCode(),
          used: false,
        };
        ctx.store.of(magicAuths).insert(magicAuth);
        const { code: _code, ...eventData } = serialize(magicAuth);
        ctx.emit({ type: "magic_auth.created", data: eventData, organizationId: null });
        return { status: 201, body: serialize(magicAuth) };
      },
    },
    getRoute(magicAuths, "/user_management/magic_auth"),
  ],
};
