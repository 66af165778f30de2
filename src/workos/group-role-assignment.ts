import { z } from "zod";

/** A role a group holds on one authorization resource, or on its organization; every active member has it. */
export const GROUP_ROLE_ASSIGNMENT_ID_PREFIX = "gra";

export const groupRoleAssignment = z.looseObject({
  object: z.literal("group_role_assignment"),
  id: z.string(),
  group_id: z.string(),
  role: z.looseObject({ slug: z.string() }),
  resource: z.looseObject({ id: z.string(), external_id: z.string(), resource_type_slug: z.string() }),
  created_at: z.string(),
  updated_at: z.string(),
});

export type GroupRoleAssignment = z.infer<typeof groupRoleAssignment>;
