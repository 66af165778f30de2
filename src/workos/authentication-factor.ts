import { z } from "zod";
import { AUTHENTICATION_FACTOR_TYPES } from "../workos-vocabulary.js";

export const AUTHENTICATION_FACTOR_ID_PREFIX = "auth_factor";

/** A second factor (an authenticator app, a phone, or codes the application delivers itself). */
export const authenticationFactor = z.looseObject({
  object: z.literal("authentication_factor"),
  id: z.string(),
  type: z.enum(AUTHENTICATION_FACTOR_TYPES),
  user_id: z.string().optional(),
  sms: z.looseObject({ phone_number: z.string() }).optional(),
  totp: z.looseObject({ issuer: z.string(), user: z.string() }).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuthenticationFactor = z.infer<typeof authenticationFactor>;

/** The factor as enrollment returns it: a TOTP factor's secret, QR code and URI are shown only then. */
export const authenticationFactorEnrolled = authenticationFactor.extend({
  totp: z
    .looseObject({
      issuer: z.string(),
      user: z.string(),
      secret: z.string(),
      qr_code: z.string(),
      uri: z.string(),
    })
    .optional(),
});
export type AuthenticationFactorEnrolled = z.infer<typeof authenticationFactorEnrolled>;
