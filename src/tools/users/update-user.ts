import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { USER_ID_PREFIX, user } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOf, SOLE_USER_HINT, soleOwnerOfUser } from "../owners.js";
import { externalId, metadata, userId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "update_user",
  title: "Update A User",
  description:
    "Change a user's email, name, email_verified, external_id or metadata; fields left out stay as they are, " +
    "and metadata replaces the whole previous value.",
  toolset: "users",
  // A user's email and name are theirs in every organization: only the pinned organization's own users change.
  organization: { owner: ownerOf({ user_id: soleOwnerOfUser }), hint: SOLE_USER_HINT },
  input: z.strictObject({
    user_id: userId.describe("The user to update (user_…)."),
    email: z.email().optional().describe("The new email; it reads unverified unless email_verified says so."),
    first_name: z.string().min(1).max(255).optional().describe("Given name."),
    last_name: z.string().min(1).max(255).optional().describe("Family name."),
    email_verified: z.boolean().optional().describe("Whether they own the email."),
    external_id: externalId
      .describe("Your own identifier for the user (unique, ASCII, up to 128 characters).")
      .nullable()
      .optional()
      .describe("Your own identifier for the user; null removes it."),
    metadata: metadata.optional().describe("Key-value strings stored on the user."),
  }),
  output: readable(user),
  summary: (updated) =>
    `Updated user ${quote.id(updated.id, USER_ID_PREFIX)}; data is the user as it is now.`,
  annotations: DESTRUCTIVE,
  handler: ({ user_id, ...body }, { client, signal }) =>
    client.put(path`/user_management/users/${user_id}`, { body, signal }),
});
