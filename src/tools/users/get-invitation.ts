import { z } from "zod";
import { path } from "../../client/path.js";
import type { Invitation } from "../../workos/invitation.js";
import { defineTool, READ } from "../define.js";
import { namedInvitation, withOrganizationNames } from "../organization-names.js";
import { ownerOf, ownerOfInvitation } from "../owners.js";
import { invitationId } from "../params.js";

export default defineTool({
  name: "get_invitation",
  title: "Get An Invitation",
  description:
    "Fetch one invitation: who was invited, to which organization and role, its state and when it expires.",
  toolset: "users",
  organization: { owner: ownerOf({ invitation_id: ownerOfInvitation }) },
  input: z.strictObject({
    invitation_id: invitationId.describe("The invitation id (invitation_…)."),
  }),
  output: namedInvitation,
  annotations: READ,
  handler: async ({ invitation_id }, { client, signal }) => {
    const found = await client.get<Invitation>(path`/user_management/invitations/${invitation_id}`, {
      signal,
    });
    // WorkOS names the organization only by id; its name is what a person asks about next.
    const [named] = await withOrganizationNames(client, [found], signal);
    return named ?? found;
  },
});
