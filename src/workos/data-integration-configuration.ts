import { z } from "zod";
import { timestamps } from "./id.js";

/** How one organization uses a Pipes provider (spec: DataIntegrationConfigurationResponse). */
export const dataIntegrationConfiguration = z.looseObject({
  object: z.literal("data_integration_configuration"),
  id: z.string(),
  organization_id: z.string(),
  slug: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  scopes: z.array(z.string()).nullable(),
  config: z.record(z.string(), z.string()),
  ...timestamps,
  credentials: z
    .looseObject({
      credentials_type: z.enum(["shared", "custom", "organization"]),
      has_credentials: z.boolean(),
      client_id: z.string().nullable(),
      client_secret_last_four: z.string().nullable(),
      redirect_uri: z.string(),
    })
    .optional(),
});
export type DataIntegrationConfiguration = z.infer<typeof dataIntegrationConfiguration>;
