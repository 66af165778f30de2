import { z } from "zod";

export const FEATURE_FLAG_ID_PREFIX = "flag";

/** A feature flag: on or off for the environment, and for whom (its targets, else its default value). */
export const featureFlag = z.looseObject({
  object: z.literal("feature_flag"),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  owner: z
    .looseObject({ email: z.string(), first_name: z.string().nullable(), last_name: z.string().nullable() })
    .nullable(),
  tags: z.array(z.string()),
  enabled: z.boolean(),
  default_value: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type FeatureFlag = z.infer<typeof featureFlag>;
