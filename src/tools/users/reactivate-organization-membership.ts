import { z } from "zod";
import { path } from "../../client/path.js";
import { defineTool } from "../define.js";
import { organizationMembership } from "../objects.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId } from "../params.js";

export default defineTool({
  name: "reactivate_organization_membership",
  title: "Reactivate A Membership",
  description: "Restore a deactivated user's access to an organization, with the role they had.",
  toolset: "users",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The membership (om_…)."),
  }),
  output: organizationMembership,
  summary: (m) =>
    `${m.user?.email ?? m.user_id} has access again to ${m.organization_id} (status ${m.status}).`,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: ({ organization_membership_id }, { client, signal }) =>
    client.put(path`/user_management/organization_memberships/${organization_membership_id}/reactivate`, {
      body: {},
      signal,
    }),
});
