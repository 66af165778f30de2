import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { USER_ID_PREFIX, user } from "../../workos/user.js";
import { defineTool, WRITE } from "../define.js";
import { externalId, metadata } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "create_user",
  title: "Create A User",
  description:
    "Create an AuthKit user from an email and optional name, external_id and metadata; no password is set " +
    "here. To give them access, add a membership (create_organization_membership) or use send_invitation instead.",
  toolset: "users",
  organization: "creates",
  input: z.strictObject({
    email: z.email().describe("The user's email address."),
    first_name: z.string().min(1).max(255).optional().describe("Given name."),
    last_name: z.string().min(1).max(255).optional().describe("Family name."),
    email_verified: z
      .boolean()
      .optional()
      .describe("true if you already know they own the email (default false)."),
    external_id: externalId.optional().describe("Your own identifier for the user (unique, ASCII)."),
    metadata: metadata.optional().describe("Key-value strings stored on the user."),
  }),
  output: readable(user),
  summary: (created) =>
    `Created user ${quote.id(created.id, USER_ID_PREFIX)} (${quote.email(created.email, "email in data")}).`,
  annotations: WRITE,
  handler: (body, { client, signal }) => client.post("/user_management/users", { body, signal }),
});
