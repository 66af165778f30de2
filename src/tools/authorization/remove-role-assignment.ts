import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { ROLE_ASSIGNMENT_ID_PREFIX } from "../../workos/role-assignment.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { confirmationToken, organizationMembershipId, workosId } from "../params.js";
import { roleAssignmentTarget } from "./targets.js";

export default defineTool({
  name: "remove_role_assignment",
  title: "Remove A Role Assignment",
  description:
    "Take a role on a resource away from an organization member, on the user's explicit request; they confirm first.",
  toolset: "authorization",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The member (om_…)."),
    role_assignment_id: workosId(
      ROLE_ASSIGNMENT_ID_PREFIX,
      "a role assignment",
      "list_role_assignments",
    ).describe("The assignment (role_assignment_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ organization_membership_id, role_assignment_id }, { client, signal }) =>
    roleAssignmentTarget(client, organization_membership_id, role_assignment_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("remove_role_assignment", outcome),
  handler: async ({ organization_membership_id, role_assignment_id }, { client, signal }) => {
    await client.delete(
      path`/authorization/organization_memberships/${organization_membership_id}/role_assignments/${role_assignment_id}`,
      { signal },
    );
    return { deleted: true as const, object: "role_assignment", id: role_assignment_id };
  },
});
