import { z } from "zod";

/** A one-time sign-in code sent by email (the spec's MagicAuth). */
export const MAGIC_AUTH_ID_PREFIX = "magic_auth";
export const magicAuth = z.looseObject({
  object: z.literal("magic_auth"),
  id: z.string(),
  user_id: z.string(),
  email: z.string(),
  expires_at: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  code: z.string(),
});
export type MagicAuth = z.infer<typeof magicAuth>;
