import { z } from "zod";
import { path } from "../../client/path.js";
import { type User, user } from "../../workos/user.js";
import { defineTool, READ, type ToolContext } from "../define.js";
import { ownerOfUser, USER_HINT } from "../owners.js";
import { userId } from "../params.js";
import { readable } from "../readable.js";

const byExternalId = (externalId: string, { client, signal }: ToolContext) =>
  client.get<User>(path`/user_management/users/external_id/${externalId}`, { signal });

export default defineTool({
  name: "get_user",
  title: "Get A User",
  description:
    "Fetch one AuthKit user by user_id or by your own external_id: email, whether it is verified, name, " +
    "metadata and last sign-in.",
  toolset: "users",
  organization: {
    owner: async ({ user_id, external_id }, context) =>
      ownerOfUser(
        typeof user_id === "string" ? user_id : (await byExternalId(external_id as string, context)).id,
        context,
      ),
    hint: USER_HINT,
  },
  input: z
    .strictObject({
      user_id: userId.optional().describe("The user id (user_…)."),
      external_id: z.string().min(1).max(128).optional().describe("Or your own identifier for the user."),
    })
    .refine((input) => input.user_id !== undefined || input.external_id !== undefined, {
      path: ["user_id"],
      message: "give user_id or external_id; list_users finds a user by email",
    })
    .refine((input) => input.user_id === undefined || input.external_id === undefined, {
      path: ["user_id"],
      message: "give user_id or external_id, not both",
    }),
  output: readable(user),
  annotations: READ,
  handler: ({ user_id, external_id }, context) =>
    user_id === undefined
      ? byExternalId(external_id as string, context)
      : context.client.get(path`/user_management/users/${user_id}`, { signal: context.signal }),
});
