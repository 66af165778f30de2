import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import { type DirectoryUser, directoryUser, listOf } from "../objects.js";
import { page } from "../page.js";
import { directoryGroupId, directoryId, listParams } from "../params.js";

export default defineTool({
  name: "list_directory_users",
  title: "List Directory Users",
  description:
    "List the users synced from a directory, or the members of one directory group; give directory_id or directory_group_id. " +
    "Use list_directories to find the directory_id. Returns one page of users and the cursor to the next.",
  toolset: "directory_sync",
  input: z
    .strictObject({
      directory_id: directoryId.optional().describe("The directory whose users to list (directory_…)."),
      directory_group_id: directoryGroupId
        .optional()
        .describe("Only members of this group (directory_group_…)."),
      email: z.email().optional().describe("Only the user with this email; needs directory_id."),
      idp_id: z
        .string()
        .min(1)
        .optional()
        .describe("Only the user with this identity-provider id; needs directory_id."),
      ...listParams,
    })
    .refine((input) => input.directory_id !== undefined || input.directory_group_id !== undefined, {
      path: ["directory_id"],
      message: "give directory_id or directory_group_id; use list_directories to find a directory",
    })
    .refine(
      (input) =>
        input.directory_id !== undefined || (input.email === undefined && input.idp_id === undefined),
      {
        path: ["directory_id"],
        message: "the email and idp_id filters need directory_id as well",
      },
    ),
  output: listOf(directoryUser),
  annotations: READ,
  handler: async ({ directory_id, directory_group_id, ...rest }, { client, signal }) => {
    const query = { directory: directory_id, group: directory_group_id, ...rest };
    return page(await client.get<List<DirectoryUser>>("/directory_users", { query, signal }));
  },
});
