import { z } from "zod";
import {
  AUTHENTICATION_CHALLENGE_ID_PREFIX,
  type AuthenticationChallenge,
  authenticationChallenge,
} from "../../workos/authentication-challenge.js";
import {
  AUTHENTICATION_FACTOR_ID_PREFIX,
  type AuthenticationFactor,
  type AuthenticationFactorEnrolled,
  authenticationFactor,
} from "../../workos/authentication-factor.js";
import { ApiError, badRequest } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { type Resource, type SeedLoader, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import type { EmulatorStore } from "../store.js";
import { newTotpSecret, totpValid } from "../totp.js";
import { isRecord, requireObjectBody } from "../validate.js";
import { users } from "./users.js";

/** An enrolled factor; a TOTP factor keeps its secret, which only enrollment shows. */
export interface StoredFactor {
  id: string;
  type: "generic_otp" | "sms" | "totp";
  user_id: string | null;
  phone_number: string | null;
  totp: { issuer: string; user: string; secret: string } | null;
  created_at: string;
  updated_at: string;
}

/** A challenge; for SMS and generic OTP factors, the code it was sent with. */
export interface StoredChallenge {
  id: string;
  authentication_factor_id: string;
  /** Null for a TOTP factor, whose codes come from its secret. */
  code: string | null;
  /** The SMS text sent, for an SMS factor. */
  sms_body: string | null;
  expires_at: string | null;
  attempts: number;
  verified: boolean;
  created_at: string;
  updated_at: string;
}

/** SMS and generic OTP codes are good for 10 minutes; a challenge allows this many wrong codes. */
const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const E164 = /^\+[1-9]\d{6,14}$/;
const DEFAULT_SMS_TEMPLATE = "Your one-time code is {{code}}";

const seedEntry = z.object({
  id: seedId,
  type: z.enum(["generic_otp", "sms", "totp"], { error: "must be one of generic_otp, sms, totp" }),
  user_id: z.string({ error: "must be a string" }).optional(),
  phone_number: z.string({ error: "must be an E.164 phone number" }).regex(E164).optional(),
  totp_issuer: z.string().optional(),
  totp_user: z.string().optional(),
  /** A base32 TOTP secret, so a test can compute codes; generated when left out. */
  totp_secret: z
    .string()
    .regex(/^[A-Z2-7]+=*$/, { error: "must be base32" })
    .optional(),
  ...seedTimestamps,
});

export type SeedAuthenticationFactor = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedAuthenticationFactor[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(authenticationFactors).insert({
      id: s.id ?? loader.fixedId(AUTHENTICATION_FACTOR_ID_PREFIX, at),
      type: s.type,
      user_id: s.user_id ?? null,
      phone_number: s.type === "sms" ? (s.phone_number ?? "+15555550100") : null,
      totp:
        s.type === "totp"
          ? {
              issuer: s.totp_issuer ?? "WorkOS Emulator",
              user: s.totp_user ?? "user@example.com",
              secret: s.totp_secret ?? newTotpSecret(),
            }
          : null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

function serializeFactor(factor: StoredFactor): AuthenticationFactor {
  return {
    object: "authentication_factor",
    id: factor.id,
    type: factor.type,
    ...(factor.user_id === null ? {} : { user_id: factor.user_id }),
    ...(factor.phone_number === null ? {} : { sms: { phone_number: factor.phone_number } }),
    ...(factor.totp === null ? {} : { totp: { issuer: factor.totp.issuer, user: factor.totp.user } }),
    created_at: factor.created_at,
    updated_at: factor.updated_at,
  };
}

/** The otpauth URI authenticator apps read, and (as WorkOS's `qr_code`) an image of it as a base64 data URI. */
export function enrolled(factor: StoredFactor): AuthenticationFactorEnrolled {
  const { totp: _shown, ...base } = serializeFactor(factor);
  if (factor.totp === null) return base;
  const { issuer, user, secret } = factor.totp;
  // The issuer and account joined by a literal colon, as authenticator apps write it (Key URI Format).
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(user)}`;
  const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
  // Not a scannable QR code (the emulator draws none): an SVG showing the URI, so the field holds an image.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40"><text x="4" y="24" font-size="10">${uri.replaceAll("&", "&amp;")}</text></svg>`;
  const qr_code = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return { ...base, totp: { issuer, user, secret, qr_code, uri } };
}

function serializeChallenge(
  challenge: StoredChallenge,
  factor: StoredFactor | undefined,
): AuthenticationChallenge {
  return {
    object: "authentication_challenge",
    id: challenge.id,
    ...(challenge.expires_at === null ? {} : { expires_at: challenge.expires_at }),
    // Only a generic OTP factor's code is returned: the application delivers it; WorkOS texts an SMS one.
    ...(factor?.type === "generic_otp" && challenge.code !== null ? { code: challenge.code } : {}),
    authentication_factor_id: challenge.authentication_factor_id,
    created_at: challenge.created_at,
    updated_at: challenge.updated_at,
  };
}

function refuse(message: string, field: string, code: string): ApiError {
  return new ApiError(422, { code: "invalid_request_parameters", message, errors: [{ field, code }] });
}

function readEnroll(
  ctx: EmulatorContext,
  body: Record<string, unknown>,
): Omit<StoredFactor, "id" | "created_at" | "updated_at"> {
  const { type, phone_number, totp_issuer, totp_user, user_id } = body;
  if (type !== "generic_otp" && type !== "sms" && type !== "totp") {
    throw refuse("type must be one of generic_otp, sms, totp.", "type", "invalid_type");
  }
  if (type === "sms" && !(typeof phone_number === "string" && E164.test(phone_number))) {
    throw refuse("phone_number must be a valid E.164 phone number.", "phone_number", "invalid_phone_number");
  }
  if (type === "totp" && !(typeof totp_issuer === "string" && totp_issuer !== "")) {
    throw refuse("totp_issuer is required for a totp factor.", "totp_issuer", "totp_issuer_required");
  }
  if (type === "totp" && !(typeof totp_user === "string" && totp_user !== "")) {
    throw refuse("totp_user is required for a totp factor.", "totp_user", "totp_user_required");
  }
  if (user_id !== undefined && !(typeof user_id === "string" && ctx.store.of(users).has(user_id))) {
    throw refuse(`User not found: '${String(user_id)}'.`, "user_id", "user_not_found");
  }
  return {
    type,
    user_id: (user_id as string | undefined) ?? null,
    phone_number: type === "sms" ? (phone_number as string) : null,
    totp:
      type === "totp"
        ? { issuer: totp_issuer as string, user: totp_user as string, secret: newTotpSecret() }
        : null,
  };
}

const sixDigits = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");

function verify(ctx: EmulatorContext, challenge: StoredChallenge, code: string): boolean {
  const factor = ctx.store.of(authenticationFactors).get(challenge.authentication_factor_id);
  if (factor?.totp) return totpValid(factor.totp.secret, code, ctx.now());
  return challenge.code === code;
}

export const authenticationFactors: Resource<
  StoredFactor,
  SeedAuthenticationFactor,
  "authentication_factors"
> = {
  name: "authentication_factors",
  model: authenticationFactor,
  label: "Authentication factor",
  parents: { user_id: "users" },
  seed: { entry: seedEntry, load: loadSeed },
  serialize: serializeFactor,
  routes: () => [
    {
      method: "POST",
      pattern: "/auth/factors/enroll",
      handler: (req, ctx) => {
        const fields = readEnroll(ctx, requireObjectBody(req.body));
        const at = isoTime(ctx.now());
        const factor = ctx.store.of(authenticationFactors).insert({
          ...fields,
          id: newId(AUTHENTICATION_FACTOR_ID_PREFIX, ctx.now()),
          created_at: at,
          updated_at: at,
        });
        return { status: 201, body: enrolled(factor) };
      },
    },
    {
      method: "GET",
      pattern: "/auth/factors/:id",
      handler: (req, ctx) => ({
        status: 200,
        body: serializeFactor(findOr404(ctx, authenticationFactors, req.params.id ?? "")),
      }),
    },
    deleteRoute(authenticationFactors, "/auth/factors", 204),
    {
      method: "POST",
      pattern: "/auth/factors/:id/challenge",
      handler: (req, ctx) => {
        const factor = findOr404(ctx, authenticationFactors, req.params.id ?? "");
        const template = isRecord(req.body) ? req.body.sms_template : undefined;
        if (template !== undefined && (typeof template !== "string" || !template.includes("{{code}}"))) {
          throw refuse(
            "sms_template must be a string holding {{code}}.",
            "sms_template",
            "invalid_sms_template",
          );
        }
        const now = ctx.now();
        const code = factor.type === "totp" ? null : sixDigits();
        const challenge = ctx.store.of(authenticationChallenges).insert({
          id: newId(AUTHENTICATION_CHALLENGE_ID_PREFIX, now),
          authentication_factor_id: factor.id,
          code,
          sms_body:
            factor.type === "sms" && code !== null
              ? ((template as string | undefined) ?? DEFAULT_SMS_TEMPLATE).replaceAll("{{code}}", code)
              : null,
          expires_at: code === null ? null : isoTime(now + CODE_TTL_MS),
          attempts: 0,
          verified: false,
          created_at: isoTime(now),
          updated_at: isoTime(now),
        });
        return { status: 201, body: serializeChallenge(challenge, factor) };
      },
    },
  ],
};

export const authenticationChallenges: Resource<StoredChallenge, never, "authentication_challenges"> = {
  name: "authentication_challenges",
  model: authenticationChallenge,
  label: "Authentication challenge",
  parents: { authentication_factor_id: "authentication_factors" },
  routes: () => [
    {
      method: "POST",
      pattern: "/auth/challenges/:id/verify",
      handler: (req, ctx) => {
        const challenge = findOr404(ctx, authenticationChallenges, req.params.id ?? "");
        const body = requireObjectBody(req.body);
        if (typeof body.code !== "string" || body.code === "")
          throw refuse("code is required.", "code", "code_required");
        if (challenge.verified) {
          throw new ApiError(422, {
            code: "authentication_challenge_previously_verified",
            message: `The authentication challenge '${challenge.id}' has already been verified.`,
          });
        }
        if (challenge.expires_at !== null && Date.parse(challenge.expires_at) <= ctx.now()) {
          throw new ApiError(422, {
            code: "authentication_challenge_expired",
            message: `The authentication challenge '${challenge.id}' has expired.`,
          });
        }
        if (challenge.attempts >= MAX_ATTEMPTS) {
          throw badRequest(
            "Too many attempts to verify this one-time code.",
            "one_time_code_too_many_attempts",
          );
        }
        const valid = verify(ctx, challenge, body.code);
        const updated = {
          ...challenge,
          attempts: challenge.attempts + (valid ? 0 : 1),
          verified: valid,
          updated_at: isoTime(ctx.now()),
        };
        ctx.store.of(authenticationChallenges).replace(updated);
        const factor = ctx.store.of(authenticationFactors).get(challenge.authentication_factor_id);
        return { status: 201, body: { challenge: serializeChallenge(updated, factor), valid } };
      },
    },
  ],
};

/** The SMS messages the emulator "sent" (challenges of SMS factors), newest last, for GET /_emulator/sms. */
export function sentSms(store: EmulatorStore): Record<string, unknown>[] {
  const factors = store.of(authenticationFactors);
  return store
    .of(authenticationChallenges)
    .values()
    .filter((c) => c.sms_body !== null)
    .map((c) => ({
      object: "sms_message",
      phone_number: factors.get(c.authentication_factor_id)?.phone_number ?? null,
      body: c.sms_body,
      code: c.code,
      authentication_challenge_id: c.id,
      authentication_factor_id: c.authentication_factor_id,
      sent_at: c.created_at,
    }));
}
