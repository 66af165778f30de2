import { z } from "zod";
import { defineSummary, optional } from "./summary.js";

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

/** A flag in a list: its slug and name, and only the states that are not the usual (off, on by default). */
export const featureFlagSummary = defineSummary<FeatureFlag>({
  slug: [z.string(), (flag) => flag.slug],
  name: [optional.string(), (flag) => flag.name],
  off: [
    optional.boolean("Set when the flag is disabled in the environment: on for no one."),
    (flag) => (flag.enabled ? undefined : true),
  ],
  default_on: [
    optional.boolean("Set when it is on for everyone, targeted or not."),
    (flag) => (flag.default_value ? true : undefined),
  ],
  description: [optional.string(), (flag) => flag.description ?? undefined],
});
