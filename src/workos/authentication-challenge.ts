import { z } from "zod";

export const AUTHENTICATION_CHALLENGE_ID_PREFIX = "auth_challenge";

/** One attempt to prove a factor: a code to verify, which expires (except a TOTP factor's). */
export const authenticationChallenge = z.looseObject({
  object: z.literal("authentication_challenge"),
  id: z.string(),
  expires_at: z.string().optional(),
  /** Returned only for a generic_otp factor, whose code the application delivers itself. */
  code: z.string().optional(),
  authentication_factor_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuthenticationChallenge = z.infer<typeof authenticationChallenge>;
