import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { organizationMembershipTarget } from "../impact.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { confirmationToken, organizationMembershipId } from "../params.js";

export default defineTool({
  name: "delete_organization_membership",
  title: "Remove A User From An Organization",
  description:
    "Permanently remove a user from an organization; the user account stays. Only on the user's explicit " +
    "request; they confirm first. To take access away reversibly, use deactivate_organization_membership.",
  toolset: "users",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The membership to delete (om_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ organization_membership_id }, { client, signal }) =>
    organizationMembershipTarget(client, organization_membership_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_organization_membership", outcome),
  handler: async ({ organization_membership_id }, { client, signal }) => {
    await client.delete(path`/user_management/organization_memberships/${organization_membership_id}`, {
      signal,
    });
    return { deleted: true as const, object: "organization_membership", id: organization_membership_id };
  },
});
