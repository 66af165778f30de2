import { z } from "zod";
import { path } from "../../client/path.js";
import { directory, usersFromMetadata } from "../../workos/directory.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfDirectory } from "../owners.js";
import { directoryId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_directory",
  title: "Get A Directory",
  description:
    "Fetch one Directory Sync directory by id: provider type, state, organization and user and group counts. " +
    "Use list_directories to find the id.",
  toolset: "directory_sync",
  organization: { owner: ownerOf({ directory_id: ownerOfDirectory }) },
  input: z.strictObject({
    directory_id: directoryId.describe("The directory id (directory_…)."),
  }),
  output: readable(directory),
  resource: {
    uriTemplate: "workos://directories/{directory_id}",
    name: "directory",
    description:
      "A WorkOS Directory Sync directory: its provider, state, organization and user and group counts.",
  },
  notes: (dir) =>
    usersFromMetadata(dir.metadata)?.inactive_or_suspended === undefined
      ? []
      : [
          "metadata.users.inactive counts suspended users too: list_directory_users with state suspended or " +
            "inactive tells them apart.",
        ],
  annotations: READ,
  handler: ({ directory_id }, { client, signal }) =>
    client.get(path`/directories/${directory_id}`, { signal }),
});
