import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { defineTool, READ } from "../define.js";
import { listOf, type Session, session, sessionSummary, summarizeSession } from "../objects.js";
import { ownerOf, ownerOfUser } from "../owners.js";
import { page } from "../page.js";
import { listParams, userId } from "../params.js";

export default defineTool({
  name: "list_user_sessions",
  title: "List A User's Sessions",
  description:
    "List where a user is signed in: their active sessions, with how they signed in, IP address and device.",
  toolset: "users",
  organization: { owner: ownerOf({ user_id: ownerOfUser }) },
  input: z.strictObject({
    user_id: userId.describe("The user (user_…)."),
    ...listParams,
  }),
  output: listOf(session),
  list: { noun: "session", summary: sessionSummary, project: summarizeSession },
  notes: () => ["Only active sessions are listed: WorkOS lists no expired or revoked ones."],
  finds: "session_id",
  annotations: READ,
  handler: async ({ user_id, detail: _, ...query }, { client, signal }) =>
    page(
      await client.get<List<Session>>(path`/user_management/users/${user_id}/sessions`, { query, signal }),
    ),
});
