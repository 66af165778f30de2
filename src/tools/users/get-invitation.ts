import { z } from "zod";
import { path } from "../../client/path.js";
import { defineTool, READ } from "../define.js";
import { invitation } from "../objects.js";
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
  output: invitation,
  annotations: READ,
  handler: ({ invitation_id }, { client, signal }) =>
    client.get(path`/user_management/invitations/${invitation_id}`, { signal }),
});
