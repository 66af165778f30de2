import { z } from "zod";
import { WorkOSError } from "../../client/errors.js";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { SESSION_ID_PREFIX, type Session, session } from "../../workos/session.js";
import { type User, user } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { ownerOfSession, SESSION_HINT } from "../owners.js";
import { sessionId, userId } from "../params.js";
import { readable } from "../readable.js";
import { expectShape } from "../shape.js";

const readUser = readable(user);

export default defineTool({
  name: "revoke_session",
  title: "Sign A User Out",
  description:
    "Sign a user out of one session (one device). list_user_sessions gives the session ids; revoke each to " +
    "sign them out everywhere.",
  toolset: "users",
  organization: { owner: ownerOfSession, hint: SESSION_HINT },
  input: z.strictObject({
    session_id: sessionId.describe("The session to end (session_…)."),
    // WorkOS has no way to read one session, so the user's own list is where it is found and named.
    user_id: userId.describe("Whose session it is (user_…), as list_user_sessions was called with."),
  }),
  output: z.object({
    revoked: z.literal(true),
    user: readUser.pick({ id: true, email: true }),
    session: readable(session)
      .omit({ updated_at: true, ended_at: true })
      .describe("The session as it is now: revoked."),
  }),
  summary: ({ user: who, session: ended }) =>
    `Signed ${quote.email(who.email, "the user")} out of session ${quote.id(ended.id, SESSION_ID_PREFIX)} ` +
    `(signed in by ${quote.word(ended.auth_method, "a method WorkOS names in data")}).`,
  annotations: DESTRUCTIVE,
  handler: async ({ session_id, user_id }, { client, signal }) => {
    const [owner, sessions] = await Promise.all([
      client.get<User>(path`/user_management/users/${user_id}`, { signal }),
      client.items<Session>(path`/user_management/users/${user_id}/sessions`, { maxItems: 1000, signal }),
    ]);
    let found: Session | undefined;
    for await (const candidate of sessions) if (candidate.id === session_id) found = candidate;
    if (found === undefined) {
      throw new WorkOSError(`User ${user_id} has no active session ${session_id}.`, {
        category: "not_found",
        retryable: false,
      });
    }
    await client.post("/user_management/sessions/revoke", { body: { session_id }, signal });
    const who = expectShape(readUser, owner, "a user");
    // WorkOS answers with no body, and lists only active sessions: the session is the one listed, now revoked.
    // When it changed and ended is WorkOS's to know, so those fields are left out rather than shown stale.
    const { updated_at: _, ended_at: __, ...rest } = found;
    const ended = { ...rest, status: "revoked" };
    return { revoked: true as const, user: { id: who.id, email: who.email }, session: ended };
  },
});
