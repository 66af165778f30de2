import { z } from "zod";
import { DATA_INTEGRATION_AUTH_METHODS, DATA_PROVIDER_OWNERSHIPS } from "../workos-vocabulary.js";
import { connectedAccount } from "./connected-account.js";
import { timestamps } from "./id.js";

/** A Pipes provider configured for the environment, with one user's connection to it (the spec's data provider). */
export const DATA_PROVIDER_ID_PREFIX = "data_integration";
export const dataProvider = z.looseObject({
  object: z.literal("data_provider"),
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  slug: z.string(),
  integration_type: z.string(),
  credentials_type: z.string(),
  scopes: z.array(z.string()).nullable(),
  auth_methods: z.array(z.enum(DATA_INTEGRATION_AUTH_METHODS)).optional(),
  ownership: z.enum(DATA_PROVIDER_OWNERSHIPS),
  ...timestamps,
  connected_account: connectedAccount.nullable(),
});
export type DataProvider = z.infer<typeof dataProvider>;
