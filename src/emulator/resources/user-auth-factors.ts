import { AUTHENTICATION_CHALLENGE_ID_PREFIX } from "../../workos/authentication-challenge.js";
import { AUTHENTICATION_FACTOR_ID_PREFIX } from "../../workos/authentication-factor.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource } from "../resource.js";
import { findOr404, listRoute } from "../resource-routes.js";
import { newTotpSecret } from "../totp.js";
import { requireObjectBody } from "../validate.js";
import { authenticationChallenges, authenticationFactors, enrolled } from "./authentication-factors.js";
import { users } from "./users.js";

/**
 * A user's TOTP factors (/user_management/users/{id}/auth_factors): the same factors and challenges as the
 * MFA API (authentication-factors.ts), so a factor enrolled here is verified at /auth/challenges/{id}/verify.
 */
const PATH = "/user_management/users/:id/auth_factors";
const DEFAULT_ISSUER = "WorkOS";
/** How long the challenge that comes with an enrollment stays open. */
const CHALLENGE_TTL_MS = 10 * 60_000;

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new ApiError(422, { message: `${field} must be a non-empty string.` });
  }
  return value;
}

/** Routes only: the factors live in the MFA API's collection, listed here by user. */
export const userAuthFactors: Resource<{ id: string }, never, "user_auth_factors"> = {
  name: "user_auth_factors",
  label: "Authentication factor",
  routes: () => [
    // Listed as the MFA API serializes a factor: without its secret.
    listRoute(authenticationFactors, PATH, (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      return (f) => f.user_id === user.id;
    }),
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const user = findOr404(ctx, users, req.params.id ?? "");
        const body = requireObjectBody(req.body);
        if (body.type !== "totp") throw new ApiError(422, { message: "type must be totp." });
        const issuer = optionalString(body, "totp_issuer") ?? DEFAULT_ISSUER;
        const account = optionalString(body, "totp_user") ?? user.email;
        const secret = optionalString(body, "totp_secret") ?? newTotpSecret();
        if (!/^[A-Z2-7]+=*$/.test(secret)) {
          throw new ApiError(422, { message: "totp_secret must be base32." });
        }
        const now = ctx.now();
        const at = isoTime(now);
        const factor = ctx.store.of(authenticationFactors).insert({
          id: newId(AUTHENTICATION_FACTOR_ID_PREFIX, now),
          type: "totp",
          user_id: user.id,
          phone_number: null,
          totp: { issuer, user: account, secret },
          created_at: at,
          updated_at: at,
        });
        const challenge = ctx.store.of(authenticationChallenges).insert({
          id: newId(AUTHENTICATION_CHALLENGE_ID_PREFIX, now),
          authentication_factor_id: factor.id,
          code: null,
          sms_body: null,
          expires_at: isoTime(now + CHALLENGE_TTL_MS),
          attempts: 0,
          verified: false,
          created_at: at,
          updated_at: at,
        });
        return {
          status: 201,
          body: {
            authentication_factor: enrolled(factor),
            authentication_challenge: {
              object: "authentication_challenge",
              id: challenge.id,
              expires_at: challenge.expires_at,
              authentication_factor_id: factor.id,
              created_at: at,
              updated_at: at,
            },
          },
        };
      },
    },
  ],
};
