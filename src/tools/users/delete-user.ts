import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { userTarget } from "../impact.js";
import { ownerOf, SOLE_USER_HINT, soleOwnerOfUser } from "../owners.js";
import { confirmationToken, userId } from "../params.js";

export default defineTool({
  name: "delete_user",
  title: "Delete A User",
  description:
    "Permanently delete an AuthKit user, with all their organization memberships and sessions. Only on the " +
    "user's explicit request; they confirm first (the client asks, or a preview returns a confirmation_token).",
  toolset: "users",
  // A user of several organizations is beyond a server pinned to one of them.
  organization: { owner: ownerOf({ user_id: soleOwnerOfUser }), hint: SOLE_USER_HINT },
  input: z.strictObject({
    user_id: userId.describe("The user to delete (user_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ user_id }, { client, signal }) => userTarget(client, user_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_user", outcome),
  handler: async ({ user_id }, { client, signal }) => {
    await client.delete(path`/user_management/users/${user_id}`, { signal });
    return { deleted: true as const, object: "user", id: user_id };
  },
});
