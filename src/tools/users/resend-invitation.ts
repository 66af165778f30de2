import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { INVITATION_ID_PREFIX, invitation } from "../../workos/invitation.js";
import { defineTool, WRITE } from "../define.js";
import { ownerOf, ownerOfInvitation } from "../owners.js";
import { invitationId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "resend_invitation",
  title: "Resend An Invitation",
  description:
    "Email a pending invitation again. An expired or revoked one cannot be resent: use send_invitation for a new one.",
  toolset: "users",
  organization: { owner: ownerOf({ invitation_id: ownerOfInvitation }) },
  input: z.strictObject({
    invitation_id: invitationId.describe("The pending invitation (invitation_…)."),
  }),
  output: readable(invitation),
  summary: (sent) =>
    `Resent invitation ${quote.id(sent.id, INVITATION_ID_PREFIX)} to ${quote.email(sent.email, "the invitee")}; ` +
    `it expires ${quote.time(sent.expires_at, "as data says")}.`,
  annotations: WRITE,
  handler: ({ invitation_id }, { client, signal }) =>
    client.post(path`/user_management/invitations/${invitation_id}/resend`, { body: {}, signal }),
});
