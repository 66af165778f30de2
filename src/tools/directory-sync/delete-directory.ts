import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { directoryTarget } from "../impact.js";
import { ownerOf, ownerOfDirectory } from "../owners.js";
import { confirmationToken, directoryId } from "../params.js";

export default defineTool({
  name: "delete_directory",
  title: "Delete A Directory",
  description:
    "Permanently delete a Directory Sync directory and its synced users and groups; provisioning stops. Only on " +
    "the user's explicit request. The user confirms first: the client asks them, or the result previews what " +
    "would be lost and returns a confirmation_token to pass back once they agree.",
  toolset: "directory_sync",
  organization: { owner: ownerOf({ directory_id: ownerOfDirectory }) },
  input: z.strictObject({
    directory_id: directoryId.describe("The directory to delete (directory_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ directory_id }, { client, signal }) => directoryTarget(client, directory_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_directory", outcome),
  handler: async ({ directory_id }, { client, signal }) => {
    await client.delete(path`/directories/${directory_id}`, { signal });
    return { deleted: true as const, object: "directory", id: directory_id };
  },
});
