import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type Session, session, sessionSummary } from "../../workos/session.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfUser, USER_HINT } from "../owners.js";
import { listOf, page } from "../page.js";
import { listParams, userId } from "../params.js";
import { scan } from "../scan.js";

export default defineTool({
  name: "list_user_sessions",
  title: "List A User's Sessions",
  description:
    "List where a user is signed in: their active sessions, with how they signed in, IP address and device.",
  toolset: "users",
  organization: { owner: ownerOf({ user_id: ownerOfUser }), hint: USER_HINT },
  input: z.strictObject({
    user_id: userId.describe("The user (user_…)."),
    ...listParams,
  }),
  output: listOf(session),
  list: { noun: "session", ...sessionSummary },
  notes: () => ["Only active sessions are listed: WorkOS lists no expired or revoked ones."],
  finds: "session_id",
  annotations: READ,
  handler: async ({ user_id, detail: _, ...query }, { client, signal, progress, organization: pinned }) => {
    const route = path`/user_management/users/${user_id}/sessions`;
    if (pinned === undefined) return page(await client.get<List<Session>>(route, { query, signal }));
    // Pinned: only the sessions signed in to the pinned organization; the user's others are another's.
    return scan<Session>({
      client,
      path: route,
      query: { ...query, limit: undefined },
      limit: query.limit ?? 10,
      matches: (s) => s.organization_id === pinned,
      context: { signal, progress },
      noun: "session",
    });
  },
});
