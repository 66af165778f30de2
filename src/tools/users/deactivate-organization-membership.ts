import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { organizationMembership } from "../../workos/organization-membership.js";
import { USER_ID_PREFIX } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "deactivate_organization_membership",
  title: "Deactivate A Membership",
  description:
    "Take a user's access to one organization away without deleting anything: the membership's status becomes " +
    "inactive, and reactivate_organization_membership undoes it. A pending (invited) membership cannot be deactivated.",
  toolset: "users",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The membership (om_…)."),
  }),
  output: readable(organizationMembership),
  summary: (m) =>
    `${quote.email(m.user?.email, quote.id(m.user_id, USER_ID_PREFIX, "the user"))} no longer has access to ` +
    `${quote.id(m.organization_id, ORGANIZATION_ID_PREFIX, "the organization")} ` +
    `(status ${quote.word(m.status, "in data")}).`,
  annotations: DESTRUCTIVE,
  handler: ({ organization_membership_id }, { client, signal }) =>
    client.put(path`/user_management/organization_memberships/${organization_membership_id}/deactivate`, {
      body: {},
      signal,
    }),
});
