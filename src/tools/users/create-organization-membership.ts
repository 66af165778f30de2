import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import {
  ORGANIZATION_MEMBERSHIP_ID_PREFIX,
  organizationMembership,
} from "../../workos/organization-membership.js";
import { USER_ID_PREFIX } from "../../workos/user.js";
import { defineTool, WRITE } from "../define.js";
import { ownerOfNewMember } from "../owners.js";
import { organizationId, roleSlug, userId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "create_organization_membership",
  title: "Add A User To An Organization",
  description:
    "Add an existing user to an organization with a role (default member); an inactive membership is " +
    "reactivated. To reach someone without an account, use send_invitation.",
  toolset: "users",
  // Pinned: only someone already a member, or invited to it, joins; anyone else is another organization's.
  organization: {
    param: "organization_id",
    owner: ownerOfNewMember,
    hint: "Only an active member, or a user with a pending invitation to it, can be added: use send_invitation.",
  },
  input: z.strictObject({
    user_id: userId.describe("The user to add (user_…)."),
    organization_id: organizationId.describe("The organization to add them to (org_…)."),
    role_slug: roleSlug.optional().describe("The role's slug, e.g. admin (default member)."),
  }),
  output: readable(organizationMembership),
  summary: (m) =>
    `${quote.email(m.user?.email, quote.id(m.user_id, USER_ID_PREFIX, "the user"))} is now a member of ` +
    `${quote.id(m.organization_id, ORGANIZATION_ID_PREFIX, "the organization")} with role ${quote.word(m.role.slug, "as data says")} ` +
    `(membership ${quote.id(m.id, ORGANIZATION_MEMBERSHIP_ID_PREFIX)}).`,
  annotations: WRITE,
  handler: (body, { client, signal }) =>
    client.post("/user_management/organization_memberships", { body, signal }),
});
