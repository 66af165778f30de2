import { z } from "zod";
import { CONNECTED_ACCOUNT_AUTH_METHODS, CONNECTED_ACCOUNT_STATES } from "../workos-vocabulary.js";

/** A user's (or organization's) connection to a Pipes data provider (the spec's ConnectedAccount). */
export const CONNECTED_ACCOUNT_ID_PREFIX = "connected_account";
export const connectedAccount = z.looseObject({
  object: z.literal("connected_account"),
  id: z.string(),
  user_id: z.string().nullable(),
  organization_id: z.string().nullable(),
  scopes: z.array(z.string()),
  auth_method: z.enum(CONNECTED_ACCOUNT_AUTH_METHODS).optional(),
  state: z.enum(CONNECTED_ACCOUNT_STATES),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ConnectedAccount = z.infer<typeof connectedAccount>;
