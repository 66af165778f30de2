import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import {
  type Invitation,
  invitationSummary,
  listOf,
  namedInvitation,
  summarizeInvitation,
} from "../objects.js";
import { withOrganizationNames } from "../organization-names.js";
import { page } from "../page.js";
import { listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_invitations",
  title: "List Invitations",
  description:
    "List invitations to sign up, newest first, with their state (pending, accepted, expired, revoked), " +
    "optionally only an organization's or one email's.",
  toolset: "users",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only invitations to this organization (org_…)."),
    email: z.email().optional().describe("Only invitations sent to this email."),
    ...listParams,
  }),
  output: listOf(namedInvitation),
  list: { noun: "invitation", summary: invitationSummary, project: summarizeInvitation },
  finds: "invitation_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) => {
    const invitations = page(
      await client.get<List<Invitation>>("/user_management/invitations", { query, signal }),
    );
    // Filtered by organization, its name would only repeat on every item what the call already named.
    if (query.organization_id !== undefined) return invitations;
    return { ...invitations, data: await withOrganizationNames(client, invitations.data, signal) };
  },
});
