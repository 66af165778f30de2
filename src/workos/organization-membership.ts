import { z } from "zod";
import { MEMBERSHIP_STATUSES } from "../workos-vocabulary.js";
import { idField, timestamps } from "./id.js";
import { slimRole } from "./role.js";
import { defineSummary, optional } from "./summary.js";
import { user } from "./user.js";

export const ORGANIZATION_MEMBERSHIP_ID_PREFIX = "om";

/** An AuthKit user's membership of an organization, with its role (the spec's UserlandUserOrganizationMembership). */
export const organizationMembership = z.looseObject({
  object: z.literal("organization_membership"),
  id: idField(ORGANIZATION_MEMBERSHIP_ID_PREFIX, "membership"),
  user_id: z.string(),
  organization_id: z.string(),
  organization_name: z.string().optional(),
  status: z.enum(MEMBERSHIP_STATUSES),
  directory_managed: z.boolean(),
  custom_attributes: z.record(z.string(), z.unknown()).optional(),
  role: slimRole,
  roles: z.array(slimRole),
  user,
  ...timestamps,
});

export type OrganizationMembership = z.infer<typeof organizationMembership>;

export const organizationMembershipSummary = defineSummary<OrganizationMembership>({
  id: [z.string(), (value) => value.id],
  user_id: [optional.string(), (value) => value.user_id],
  email: [optional.string(), (value) => value.user?.email],
  organization_id: [optional.string(), (value) => value.organization_id],
  role: [optional.string(), (value) => value.role.slug],
  status: [
    optional.string("Shown only when not active."),
    (value) => (value.status === "active" ? undefined : value.status),
  ],
});
