import { z } from "zod";
import { ROLE_ASSIGNMENT_SOURCES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

/** A role given to an organization membership on one authorization resource (the spec's UserRoleAssignment). */
export const ROLE_ASSIGNMENT_ID_PREFIX = "role_assignment";

export const roleAssignment = z.looseObject({
  object: z.literal("role_assignment"),
  id: z.string(),
  organization_membership_id: z.string(),
  role: z.looseObject({ slug: z.string() }),
  resource: z.looseObject({ id: z.string(), external_id: z.string(), resource_type_slug: z.string() }),
  source: z.looseObject({
    type: z.enum(ROLE_ASSIGNMENT_SOURCES),
    group_role_assignment_id: z.string().nullable(),
  }),
  ...timestamps,
});

export type RoleAssignment = z.infer<typeof roleAssignment>;
