import { randomBytes } from "node:crypto";
import {
  AUTHENTICATION_FACTOR_ID_PREFIX,
  type AuthenticationFactorEnrolled,
  authenticationFactor,
} from "../../workos/authentication-factor.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource } from "../resource.js";
import { findOr404, listRoute } from "../resource-routes.js";
import { requireObjectBody } from "../validate.js";
import { users } from "./users.js";

/**
 * A user's TOTP factors (/user_management/users/{id}/auth_factors). The secret and otpauth URI work in an
 * authenticator app; the emulator cannot draw a QR code, so `qr_code` is an SVG image that shows the URI as text.
 */
const PATH = "/user_management/users/:id/auth_factors";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DEFAULT_ISSUER = "WorkOS";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function textImage(text: string): string {
  const escaped = text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="4" y="24" font-size="10">${escaped}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The listed shape: the factor without its secret. */
function serialize(factor: AuthenticationFactorEnrolled): Record<string, unknown> {
  const { totp, ...rest } = factor;
  return totp ? { ...rest, totp: { issuer: totp.issuer, user: totp.user } } : { ...rest };
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new ApiError(422, { message: `${field} must be a non-empty string.` });
  }
  return value;
}

export const userAuthFactors: Resource<AuthenticationFactorEnrolled, never, "user_auth_factors"> = {
  name: "user_auth_factors",
  label: "Authentication factor",
  model: authenticationFactor,
  parents: { user_id: "users" },
  serialize,
  routes: () => [
    listRoute(userAuthFactors, PATH, (req, ctx) => {
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
        const secret = optionalString(body, "totp_secret") ?? base32(randomBytes(20));
        if (!/^[A-Z2-7]+=*$/.test(secret))
          throw new ApiError(422, { message: "totp_secret must be base32." });
        const uri = `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
        const now = ctx.now();
        const at = isoTime(now);
        const factor: AuthenticationFactorEnrolled = {
          object: "authentication_factor",
          id: newId(AUTHENTICATION_FACTOR_ID_PREFIX, now),
          type: "totp",
          user_id: user.id,
          totp: { issuer, user: account, secret, qr_code: textImage(uri), uri },
          created_at: at,
          updated_at: at,
        };
        ctx.store.of(userAuthFactors).insert(factor);
        const challenge = {
          object: "authentication_challenge",
          id: newId("auth_challenge", now),
          authentication_factor_id: factor.id,
          expires_at: isoTime(now + 600_000),
          created_at: at,
          updated_at: at,
        };
        return {
          status: 201,
          body: {
            authentication_factor: { ...factor, totp: { ...factor.totp } },
            authentication_challenge: challenge,
          },
        };
      },
    },
  ],
};
