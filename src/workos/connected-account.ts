import { z } from "zod";
import { CONNECTED_ACCOUNT_STATES, DATA_INTEGRATION_AUTH_METHODS } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

/** A user's (or organization's) installation of a Pipes data integration (spec: ConnectedAccount). */
export const CONNECTED_ACCOUNT_ID_PREFIX = "data_installation";

export const connectedAccount = z.looseObject({
  object: z.literal("connected_account"),
  id: z.string(),
  user_id: z.string().nullable(),
  organization_id: z.string().nullable(),
  scopes: z.array(z.string()),
  auth_method: z.enum(DATA_INTEGRATION_AUTH_METHODS).optional(),
  api_key_last_4: z.string().nullable().optional(),
  client_id: z.string().nullable().optional(),
  client_secret_last_4: z.string().nullable().optional(),
  config: z.record(z.string(), z.string()).optional(),
  state: z.enum(CONNECTED_ACCOUNT_STATES),
  ...timestamps,
});
export type ConnectedAccount = z.infer<typeof connectedAccount>;
