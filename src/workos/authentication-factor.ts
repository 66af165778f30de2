import { z } from "zod";
import { AUTHENTICATION_FACTOR_TYPES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const AUTHENTICATION_FACTOR_ID_PREFIX = "auth_factor";

/** A second factor a user signs in with, as lists serve it: without its secret (the spec's AuthenticationFactor). */
export const authenticationFactor = z.looseObject({
  object: z.literal("authentication_factor"),
  id: z.string(),
  type: z.enum(AUTHENTICATION_FACTOR_TYPES),
  user_id: z.string().optional(),
  sms: z.looseObject({ phone_number: z.string() }).optional(),
  totp: z.looseObject({ issuer: z.string(), user: z.string() }).optional(),
  ...timestamps,
});
export type AuthenticationFactor = z.infer<typeof authenticationFactor>;

/** A factor as enrolling it answers: its TOTP secret shown, the only time (the spec's AuthenticationFactorEnrolled). */
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

/** A factor as a person names it: its kind, and the app or phone it lives on. */
export const authenticationFactorSummary = defineSummary<AuthenticationFactor>({
  id: [z.string(), (value) => value.id],
  type: [z.string(), (value) => value.type],
  issuer: [optional.string("The authenticator app's account issuer (totp)."), (value) => value.totp?.issuer],
  phone_number: [optional.string(), (value) => value.sms?.phone_number],
  enrolled_at: [z.string(), (value) => value.created_at],
});
