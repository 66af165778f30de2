import { z } from "zod";
import { path } from "../../client/path.js";
import { directoryGroup } from "../../workos/directory-group.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfDirectoryGroup } from "../owners.js";
import { directoryGroupId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_directory_group",
  title: "Get A Directory Group",
  description:
    "Fetch one group synced from a directory: its name, identity-provider id and directory. " +
    "Use list_directory_groups to find the id; list_directory_users with directory_group_id lists its members.",
  toolset: "directory_sync",
  organization: { owner: ownerOf({ directory_group_id: ownerOfDirectoryGroup }) },
  input: z.strictObject({
    directory_group_id: directoryGroupId.describe("The directory group id (directory_group_…)."),
  }),
  output: readable(directoryGroup),
  annotations: READ,
  handler: ({ directory_group_id }, { client, signal }) =>
    client.get(path`/directory_groups/${directory_group_id}`, { signal }),
});
