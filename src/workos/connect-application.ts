import { z } from "zod";
import { CONNECT_APPLICATION_TYPES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

/** An OAuth or machine-to-machine application that signs in with WorkOS Connect (spec: ConnectApplication). */
export const CONNECT_APPLICATION_ID_PREFIX = "conn_app";
export const CONNECT_CLIENT_ID_PREFIX = "client";

export const redirectUri = z.looseObject({ uri: z.string(), default: z.boolean() });

export const connectApplication = z.looseObject({
  object: z.literal("connect_application"),
  id: z.string(),
  client_id: z.string(),
  description: z.string().nullable(),
  name: z.string(),
  scopes: z.array(z.string()),
  ...timestamps,
  application_type: z.enum(CONNECT_APPLICATION_TYPES),
  /** OAuth applications only. */
  redirect_uris: z.array(redirectUri).optional(),
  uses_pkce: z.boolean().optional(),
  is_first_party: z.boolean().optional(),
  was_dynamically_registered: z.boolean().optional(),
  /** M2M applications, and third-party OAuth applications that are not dynamically registered. */
  organization_id: z.string().optional(),
});
export type ConnectApplication = z.infer<typeof connectApplication>;
