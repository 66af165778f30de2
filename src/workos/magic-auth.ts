import { z } from "zod";
import { timestamps } from "./id.js";

/** A one-time sign-in code sent by email (the spec's MagicAuth). */
export const MAGIC_AUTH_ID_PREFIX = "magic_auth";
export const magicAuth = z.looseObject({
  object: z.literal("magic_auth"),
  id: z.string(),
  user_id: z.string(),
  email: z.string(),
  expires_at: z.string(),
  ...timestamps,
  code: z.string(),
});
export type MagicAuth = z.infer<typeof magicAuth>;
