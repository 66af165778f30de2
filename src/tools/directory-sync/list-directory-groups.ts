import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import { type DirectoryGroup, directoryGroup, listOf } from "../objects.js";
import { page } from "../page.js";
import { directoryId, directoryUserId, listParams } from "../params.js";

export default defineTool({
  name: "list_directory_groups",
  title: "List Directory Groups",
  description:
    "List the groups synced from a directory, or the groups one directory user belongs to; give directory_id or directory_user_id. " +
    "Use list_directories to find the directory_id.",
  toolset: "directory_sync",
  input: z
    .strictObject({
      directory_id: directoryId.optional().describe("The directory whose groups to list (directory_…)."),
      directory_user_id: directoryUserId
        .optional()
        .describe("Only groups this user belongs to (directory_user_…)."),
      ...listParams,
    })
    .refine((input) => input.directory_id !== undefined || input.directory_user_id !== undefined, {
      path: ["directory_id"],
      message: "give directory_id or directory_user_id; use list_directories to find a directory",
    }),
  output: listOf(directoryGroup),
  annotations: READ,
  handler: async ({ directory_id, directory_user_id, ...rest }, { client, signal }) => {
    const query = { directory: directory_id, user: directory_user_id, ...rest };
    return page(await client.get<List<DirectoryGroup>>("/directory_groups", { query, signal }));
  },
});
