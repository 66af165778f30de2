import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { INVITATION_ID_PREFIX, invitation } from "../../workos/invitation.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { INVITATION_EXPIRES_IN_DAYS } from "../../workos-vocabulary.js";
import { defineTool, WRITE } from "../define.js";
import { organizationId, roleSlug } from "../params.js";
import { readable } from "../readable.js";

const { min, max, default: days } = INVITATION_EXPIRES_IN_DAYS;

export default defineTool({
  name: "send_invitation",
  title: "Invite Someone",
  description:
    "Invite someone by email to sign up, usually into an organization with a role; WorkOS emails them a link. " +
    "For someone who already has an account, create_organization_membership adds them directly.",
  toolset: "users",
  organization: { param: "organization_id" },
  input: z.strictObject({
    email: z.email().describe("Who to invite."),
    organization_id: organizationId.optional().describe("The organization they join on accepting (org_…)."),
    role_slug: roleSlug
      .optional()
      .describe("Their role there, e.g. admin (default member); needs organization_id."),
    expires_in_days: z
      .number()
      .int()
      .min(min)
      .max(max)
      .optional()
      .describe(`Days the invitation stays valid, ${min} to ${max} (default ${days}).`),
  }),
  output: readable(invitation),
  summary: (sent) => {
    const where =
      sent.organization_id === null
        ? ""
        : ` to ${quote.id(sent.organization_id, ORGANIZATION_ID_PREFIX, "the organization")} ` +
          `as ${quote.word(sent.role_slug ?? "member", "the role in data")}`;
    return (
      `Invited ${quote.email(sent.email, "the invitee")}${where}; the invitation ` +
      `${quote.id(sent.id, INVITATION_ID_PREFIX)} expires ${quote.time(sent.expires_at, "as data says")}.`
    );
  },
  annotations: WRITE,
  handler: (body, { client, signal }) => client.post("/user_management/invitations", { body, signal }),
});
