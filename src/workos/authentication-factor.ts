import { z } from "zod";
import { AUTHENTICATION_FACTOR_TYPES } from "../workos-vocabulary.js";

/** A second factor a user signs in with (the spec's AuthenticationFactor; enrolled, it also shows its secret). */
export const AUTHENTICATION_FACTOR_ID_PREFIX = "auth_factor";
export const authenticationFactor = z.looseObject({
  object: z.literal("authentication_factor"),
  id: z.string(),
  type: z.enum(AUTHENTICATION_FACTOR_TYPES),
  user_id: z.string().optional(),
  sms: z.looseObject({ phone_number: z.string() }).optional(),
  totp: z
    .looseObject({
      issuer: z.string(),
      user: z.string(),
      secret: z.string().optional(),
      qr_code: z.string().optional(),
      uri: z.string().optional(),
    })
    .optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuthenticationFactor = z.infer<typeof authenticationFactor>;
