import { z } from "zod";
import type { List } from "../../client/client.js";
import { type User, user, userSummary } from "../../workos/user.js";
import { defineTool, READ } from "../define.js";
import { inactiveMembers } from "../owners.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId } from "../params.js";
import { scan } from "../scan.js";

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
  list: { noun: "user", ...userSummary },
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
  handler: async ({ detail: _, ...query }, context) => {
    const { client, signal, organization: pinned } = context;
    const all = async () => page(await client.get<List<User>>("/user_management/users", { query, signal }));
    if (pinned === undefined) return all();
    // Pinned: a suspended or invited member is not the organization's own user, as get_user says too.
    const away = await inactiveMembers(pinned, context);
    if (away.size === 0) return all();
    return scan<User>({
      client,
      path: "/user_management/users",
      query: { ...query, limit: undefined },
      limit: query.limit ?? 10,
      matches: (u) => !away.has(u.id),
      context,
      noun: "user",
    });
  },
});
