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
  finds: "user_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<User>>("/user_management/users", { query, signal })),
});
