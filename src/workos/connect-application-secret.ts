import { z } from "zod";
import { timestamps } from "./id.js";

/** A client secret of a Connect application; its value is shown once, when it is made. */
export const CONNECT_APPLICATION_SECRET_ID_PREFIX = "secret";

export const connectApplicationSecret = z.looseObject({
  object: z.literal("connect_application_secret"),
  id: z.string(),
  secret_hint: z.string(),
  last_used_at: z.string().nullable(),
  ...timestamps,
});
export type ConnectApplicationSecret = z.infer<typeof connectApplicationSecret>;

/** The answer to creating a secret: the only time `secret` is sent (spec: NewConnectApplicationSecret). */
export const newConnectApplicationSecret = connectApplicationSecret.extend({ secret: z.string() });
export type NewConnectApplicationSecret = z.infer<typeof newConnectApplicationSecret>;
