import { z } from "zod";
import { timestamps } from "./id.js";

/** A one-time code that proves a user's email address (the spec's EmailVerification). */
export const EMAIL_VERIFICATION_ID_PREFIX = "email_verification";
export const emailVerification = z.looseObject({
  object: z.literal("email_verification"),
  id: z.string(),
  user_id: z.string(),
  email: z.string(),
  expires_at: z.string(),
  ...timestamps,
  code: z.string(),
});
export type EmailVerification = z.infer<typeof emailVerification>;
