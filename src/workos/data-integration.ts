import { z } from "zod";
import {
  DATA_INTEGRATION_AUTH_METHODS,
  DATA_INTEGRATION_CREDENTIAL_TYPES,
  DATA_INTEGRATION_STATES,
} from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

/** A Pipes data integration: the environment's connection to one provider (GitHub, Slack, …) (spec: DataIntegration). */
export const DATA_INTEGRATION_ID_PREFIX = "data_integration";

export const customProvider = z.looseObject({
  name: z.string(),
  authorization_url: z.string().nullable(),
  token_url: z.string().nullable(),
  refresh_token_url: z.string().nullable().optional(),
  pkce_enabled: z.boolean().optional(),
  request_scope_separator: z.string().optional(),
  scopes_required: z.boolean().optional(),
  client_secret_required: z.boolean().optional(),
  additional_authorization_parameters: z.record(z.string(), z.string()).optional(),
  token_body_content_type: z.string().optional(),
  authenticate_via: z.enum(["request_body", "basic_auth_header"]).optional(),
});

export const dataIntegration = z.looseObject({
  object: z.literal("data_integration"),
  id: z.string(),
  slug: z.string(),
  integration_type: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  state: z.enum(DATA_INTEGRATION_STATES),
  scopes: z.array(z.string()).nullable(),
  redirect_uri: z.string(),
  auth_methods: z.array(z.enum(DATA_INTEGRATION_AUTH_METHODS)),
  credentials: z
    .looseObject({
      type: z.enum(DATA_INTEGRATION_CREDENTIAL_TYPES),
      client_id: z.string().nullable(),
      redacted_client_secret: z.string().nullable(),
    })
    .nullable(),
  installation: z
    .looseObject({
      id: z.string(),
      user_id: z.string(),
      organization_id: z.string().nullable(),
      api_key_last_4: z.string().nullable(),
    })
    .nullable(),
  config: z.record(z.string(), z.string()),
  custom_provider: customProvider.nullable(),
  ...timestamps,
});
export type DataIntegration = z.infer<typeof dataIntegration>;

/** A data integration as lists and reads serve it: `installation` is filled only in the answer to its creation. */
export const storedDataIntegration = dataIntegration.omit({ installation: true });
export type DataIntegrationWithoutInstallation = z.infer<typeof storedDataIntegration>;
