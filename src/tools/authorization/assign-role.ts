import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { ROLE_ASSIGNMENT_ID_PREFIX, roleAssignment } from "../../workos/role-assignment.js";
import { defineTool, WRITE } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId, roleSlug } from "../params.js";
import { readable } from "../readable.js";
import { oneResource, resourceParams } from "./fields.js";

export default defineTool({
  name: "assign_role",
  title: "Assign A Role On A Resource",
  description:
    "Give an organization member a role on a resource, e.g. a project (their organization role: " +
    "update_organization_membership).",
  toolset: "authorization",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z
    .strictObject({
      organization_membership_id: organizationMembershipId.describe("The member (om_…)."),
      role_slug: roleSlug.describe("list_roles"),
      ...resourceParams,
    })
    .superRefine(oneResource),
  output: readable(roleAssignment),
  annotations: WRITE,
  summary: (a) =>
    `Assigned role ${quote.word(a.role.slug, "as data says")} on the resource ` +
    `(assignment ${quote.id(a.id, ROLE_ASSIGNMENT_ID_PREFIX)}).`,
  handler: ({ organization_membership_id, ...body }, { client, signal }) =>
    client.post(
      path`/authorization/organization_memberships/${organization_membership_id}/role_assignments`,
      {
        body,
        signal,
      },
    ),
});
