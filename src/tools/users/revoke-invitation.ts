import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { INVITATION_ID_PREFIX, invitation } from "../../workos/invitation.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOf, ownerOfInvitation } from "../owners.js";
import { invitationId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "revoke_invitation",
  title: "Revoke An Invitation",
  description:
    "Cancel a pending invitation so its link no longer works; the person can be invited again later.",
  toolset: "users",
  organization: { owner: ownerOf({ invitation_id: ownerOfInvitation }) },
  input: z.strictObject({
    invitation_id: invitationId.describe("The pending invitation to revoke (invitation_…)."),
  }),
  output: readable(invitation),
  summary: (revoked) =>
    `Revoked invitation ${quote.id(revoked.id, INVITATION_ID_PREFIX)} to ${quote.email(revoked.email, "the invitee")}; ` +
    "its link no longer works.",
  annotations: DESTRUCTIVE,
  handler: ({ invitation_id }, { client, signal }) =>
    client.post(path`/user_management/invitations/${invitation_id}/revoke`, { signal }),
});
