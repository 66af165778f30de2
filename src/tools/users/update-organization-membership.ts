import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { organizationMembership } from "../../workos/organization-membership.js";
import { USER_ID_PREFIX } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOf, ownerOfOrganizationMembership } from "../owners.js";
import { organizationMembershipId, roleSlug } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "update_organization_membership",
  title: "Change A Member's Role",
  description: "Change the role of a user in an organization, e.g. make them an admin or a member.",
  toolset: "users",
  organization: { owner: ownerOf({ organization_membership_id: ownerOfOrganizationMembership }) },
  input: z.strictObject({
    organization_membership_id: organizationMembershipId.describe("The membership (om_…)."),
    role_slug: roleSlug.describe("The new role's slug, e.g. admin."),
  }),
  output: readable(organizationMembership),
  summary: (m) =>
    `${quote.email(m.user?.email, quote.id(m.user_id, USER_ID_PREFIX, "the user"))} now has role ` +
    `${quote.word(m.role.slug, "as data says")} in ${quote.id(m.organization_id, ORGANIZATION_ID_PREFIX, "the organization")}.`,
  annotations: DESTRUCTIVE,
  handler: ({ organization_membership_id, role_slug }, { client, signal }) =>
    client.put(path`/user_management/organization_memberships/${organization_membership_id}`, {
      body: { role_slug },
      signal,
    }),
});
