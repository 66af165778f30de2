import { z } from "zod";

/** A one-time token to set a new password, sent as a link (the spec's PasswordReset). */
export const PASSWORD_RESET_ID_PREFIX = "password_reset";
export const passwordReset = z.looseObject({
  object: z.literal("password_reset"),
  id: z.string(),
  user_id: z.string(),
  email: z.string(),
  expires_at: z.string(),
  created_at: z.string(),
  password_reset_token: z.string(),
  password_reset_url: z.string(),
});
export type PasswordReset = z.infer<typeof passwordReset>;
