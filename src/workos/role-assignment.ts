import { z } from "zod";
import { ROLE_ASSIGNMENT_SOURCES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

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

export const roleAssignmentSummary = defineSummary<RoleAssignment>({
  id: [z.string(), (item) => item.id],
  role: [z.string(), (item) => item.role.slug],
  resource_id: [z.string(), (item) => item.resource.id],
  resource: [
    z.string().describe("Its type and external id."),
    (item) => `${item.resource.resource_type_slug} ${item.resource.external_id}`.trim(),
  ],
  group: [
    optional.boolean("Given through a group: removed through the group, not here."),
    (item) => (item.source.type === "group" ? true : undefined),
  ],
});
