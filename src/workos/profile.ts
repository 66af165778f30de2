import { z } from "zod";
import { CONNECTION_TYPES } from "../workos-vocabulary.js";

export const PROFILE_ID_PREFIX = "prof";

/** The user an SSO connection signed in, as the identity provider described them. */
export const profile = z.looseObject({
  object: z.literal("profile"),
  id: z.string(),
  organization_id: z.string().nullable(),
  connection_id: z.string(),
  connection_type: z.enum(CONNECTION_TYPES),
  idp_id: z.string(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  name: z.string().nullable(),
  role: z.looseObject({ slug: z.string() }).nullable().optional(),
  roles: z
    .array(z.looseObject({ slug: z.string() }))
    .nullable()
    .optional(),
  groups: z.array(z.string()).optional(),
  custom_attributes: z.record(z.string(), z.unknown()).optional(),
  raw_attributes: z.record(z.string(), z.unknown()),
});
export type Profile = z.infer<typeof profile>;
