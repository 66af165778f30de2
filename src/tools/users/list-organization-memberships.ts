import { z } from "zod";
import type { List } from "../../client/client.js";
import {
  type OrganizationMembership,
  organizationMembership,
  organizationMembershipSummary,
} from "../../workos/organization-membership.js";
import { MEMBERSHIP_STATUSES } from "../../workos-vocabulary.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId, userId } from "../params.js";

export default defineTool({
  name: "list_organization_memberships",
  title: "List Organization Memberships",
  description:
    "List who belongs to an organization, or which organizations a user belongs to, with each membership's " +
    "role and status. Only active memberships unless statuses says otherwise.",
  toolset: "users",
  organization: { param: "organization_id" },
  // On a server pinned to one organization the pin fills organization_id in, so the refine always holds.
  input: z
    .strictObject({
      organization_id: organizationId.optional().describe("The organization whose members to list (org_…)."),
      user_id: userId
        .optional()
        .describe("The user whose memberships to list (user_…); this or organization_id."),
      statuses: z
        .array(z.enum(MEMBERSHIP_STATUSES))
        .min(1)
        .optional()
        .describe('Which statuses to include (default ["active"]); pending means invited, not yet joined.'),
      ...listParams,
    })
    .refine((input) => input.organization_id !== undefined || input.user_id !== undefined, {
      path: ["organization_id"],
      message: "give organization_id or user_id (WorkOS lists memberships by one of them)",
    }),
  output: listOf(organizationMembership),
  list: {
    noun: "organization membership",
    ...organizationMembershipSummary,
    // Only a mix that includes active ones needs saying: other items each show their status.
    legend: ({ statuses }) =>
      Array.isArray(statuses) && statuses.length > 1 && statuses.includes("active")
        ? "Memberships are active unless a status is shown."
        : undefined,
  },
  // WorkOS leaves inactive and pending memberships out unless asked: the result says so, in either detail.
  notes: (_, { statuses }) =>
    statuses === undefined
      ? [
          'Only active memberships are listed; statuses ["active", "inactive", "pending"] adds deactivated and invited ones.',
        ]
      : [],
  finds: "organization_membership_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(
      await client.get<List<OrganizationMembership>>("/user_management/organization_memberships", {
        query,
        signal,
      }),
    ),
});
