import { z } from "zod";
import { timestamps } from "./id.js";

/** A URI AuthKit may send users back to after sign-in (the spec's RedirectUri). */
export const REDIRECT_URI_ID_PREFIX = "redir";
export const redirectUri = z.looseObject({
  object: z.literal("redirect_uri"),
  id: z.string(),
  uri: z.string(),
  default: z.boolean(),
  ...timestamps,
});
export type RedirectUri = z.infer<typeof redirectUri>;
