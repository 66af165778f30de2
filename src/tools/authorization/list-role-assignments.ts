import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type RoleAssignment, roleAssignment, roleAssignmentSummary } from "../../workos/role-assignment.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { listOf, page } from "../page.js";
import { listParams, organizationMembershipId } from "../params.js";

export default defineTool({
  name: "list_role_assignments",
  title: "List A Member's Role Assignments",
  description: "List the roles an organization member holds on resources, e.g. a project.",
  toolset: "authorization",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The member (om_…)."),
    after: listParams.after,
    detail: listParams.detail,
  }),
  output: listOf(roleAssignment),
  list: { noun: "role assignment", ...roleAssignmentSummary },
  finds: "role_assignment_id",
  annotations: READ,
  handler: async ({ organization_membership_id, detail: _, ...query }, { client, signal }) =>
    page(
      await client.get<List<RoleAssignment>>(
        path`/authorization/organization_memberships/${organization_membership_id}/role_assignments`,
        { query, signal },
      ),
    ),
});
