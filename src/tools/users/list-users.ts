import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import { listOf, summarizeUser, type User, user, userSummary } from "../objects.js";
import { page } from "../page.js";
import { listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_users",
  title: "List Users",
  description:
    "List the people who sign in to your app (AuthKit users), newest first, optionally only an organization's " +
    "members or the one with an email. Finds user_id for the other user tools.",
  toolset: "users",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only members of this organization (org_…)."),
    email: z.email().optional().describe("Only the user with this email."),
    ...listParams,
  }),
  output: listOf(user),
  list: { noun: "user", summary: userSummary, project: summarizeUser },
  // Someone synced from a customer's directory is often not an AuthKit user at all.
  notes: (page, { email }) =>
    email !== undefined && page.data.length === 0
      ? [
          "No AuthKit user has this email. AuthKit users (who sign in to your app) and Directory Sync users " +
            "(synced from a customer's identity provider) are separate: list_directory_users with a directory_id " +
            "and search looks among a directory's users (list_directories finds the directory).",
        ]
      : [],
  finds: "user_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<User>>("/user_management/users", { query, signal })),
});
