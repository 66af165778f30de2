import { z } from "zod";

/** A one-time code that proves a user's email address (the spec's EmailVerification). */
export const EMAIL_VERIFICATION_ID_PREFIX = "email_verification";
export const emailVerification = z.looseObject({
  object: z.literal("email_verification"),
  id: z.string(),
  user_id: z.string(),
  email: z.string(),
  expires_at: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  code: z.string(),
});
export type EmailVerification = z.infer<typeof emailVerification>;
