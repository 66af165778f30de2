import { z } from "zod";
import type { List } from "../../client/client.js";
import { type DirectoryGroup, directoryGroup, directoryGroupSummary } from "../../workos/directory-group.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfDirectory, ownerOfDirectoryUser } from "../owners.js";
import { listOf, page } from "../page.js";
import { directoryId, directoryUserId, listParams } from "../params.js";
import { containsFold, scan } from "../scan.js";

export default defineTool({
  name: "list_directory_groups",
  title: "List Directory Groups",
  description:
    "List the groups in a Directory Sync directory, or the groups one directory user belongs to, optionally only " +
    "those whose name contains some text. Give directory_id or directory_user_id; list_directories finds a directory.",
  toolset: "directory_sync",
  organization: {
    owner: ownerOf({ directory_id: ownerOfDirectory, directory_user_id: ownerOfDirectoryUser }),
  },
  input: z
    .strictObject({
      directory_id: directoryId.optional().describe("The directory whose groups to list (directory_…)."),
      directory_user_id: directoryUserId
        .optional()
        .describe("Only groups this user belongs to (directory_user_…)."),
      search: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe("Only groups whose name contains this text, ignoring case and accents."),
      ...listParams,
    })
    .refine((input) => input.directory_id !== undefined || input.directory_user_id !== undefined, {
      path: ["directory_id"],
      message: "give directory_id or directory_user_id; use list_directories to find a directory",
    }),
  output: listOf(directoryGroup),
  list: { noun: "directory group", ...directoryGroupSummary },
  finds: "directory_group_id",
  annotations: READ,
  handler: async (input, { client, signal, progress }) => {
    const { directory_id, directory_user_id, search, detail: _, ...rest } = input;
    const query = { directory: directory_id, user: directory_user_id, ...rest };
    if (search === undefined) {
      return page(await client.get<List<DirectoryGroup>>("/directory_groups", { query, signal }));
    }
    return scan<DirectoryGroup>({
      client,
      path: "/directory_groups",
      query: { ...query, limit: undefined },
      limit: input.limit ?? 10,
      matches: (group) => containsFold(search, group.name),
      context: { signal, progress },
      noun: "group",
    });
  },
});
