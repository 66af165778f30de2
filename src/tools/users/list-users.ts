import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import { listOf, summarizeUser, type User, user, userSummary } from "../objects.js";
import { inactiveMembers } from "../owners.js";
import { page } from "../page.js";
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
  list: { noun: "user", summary: userSummary, project: summarizeUser },
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
