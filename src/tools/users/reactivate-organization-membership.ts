import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { organizationMembership } from "../../workos/organization-membership.js";
import { USER_ID_PREFIX } from "../../workos/user.js";
import { defineTool } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "reactivate_organization_membership",
  title: "Reactivate A Membership",
  description: "Restore a deactivated user's access to an organization, with the role they had.",
  toolset: "users",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The membership (om_…)."),
  }),
  output: readable(organizationMembership),
  summary: (m) =>
    `${quote.email(m.user?.email, quote.id(m.user_id, USER_ID_PREFIX, "the user"))} has access again to ` +
    `${quote.id(m.organization_id, ORGANIZATION_ID_PREFIX, "the organization")} ` +
    `(status ${quote.word(m.status, "in data")}).`,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: ({ organization_membership_id }, { client, signal }) =>
    client.put(path`/user_management/organization_memberships/${organization_membership_id}/reactivate`, {
      body: {},
      signal,
    }),
});
