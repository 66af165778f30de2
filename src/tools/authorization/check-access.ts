import { z } from "zod";
import { path } from "../../client/path.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId } from "../params.js";
import { oneResource, permissionSlug, resourceParams } from "./fields.js";

export default defineTool({
  name: "check_access",
  title: "Check Access",
  description: "Whether an organization member has a permission on a resource, from their roles.",
  toolset: "authorization",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z
    .strictObject({
      organization_membership_id: organizationMembershipId.describe("The member (om_…)."),
      permission_slug: permissionSlug.describe("e.g. project:edit"),
      ...resourceParams,
    })
    .superRefine(oneResource),
  output: z.looseObject({ authorized: z.boolean() }),
  annotations: READ,
  summary: ({ authorized }, { permission_slug }) =>
    `${authorized ? "Yes" : "No"}: the member ${authorized ? "has" : "does not have"} ` +
    `${JSON.stringify(permission_slug)} on this resource.`,
  // A POST, but it only reads: WorkOS works the answer out of the member's roles.
  handler: ({ organization_membership_id, ...body }, { client, signal }) =>
    client.post(path`/authorization/organization_memberships/${organization_membership_id}/check`, {
      body,
      signal,
    }),
});
