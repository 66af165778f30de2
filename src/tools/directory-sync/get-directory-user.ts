import { z } from "zod";
import { path } from "../../client/path.js";
import { directoryUser } from "../../workos/directory-user.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfDirectoryUser } from "../owners.js";
import { directoryUserId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_directory_user",
  title: "Get A Directory User",
  description:
    "Fetch one user synced from a directory: name, emails, state, custom attributes and groups. " +
    "Use list_directory_users to find the id.",
  toolset: "directory_sync",
  organization: { owner: ownerOf({ directory_user_id: ownerOfDirectoryUser }) },
  input: z.strictObject({
    directory_user_id: directoryUserId.describe("The directory user id (directory_user_…)."),
  }),
  output: readable(directoryUser),
  annotations: READ,
  handler: ({ directory_user_id }, { client, signal }) =>
    client.get(path`/directory_users/${directory_user_id}`, { signal }),
});
