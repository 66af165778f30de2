import { z } from "zod";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { effectOf, radarListInput, radarListPath, radarListResult } from "./radar-list.js";

export default defineTool({
  name: "remove_radar_list_entry",
  title: "Remove An Entry From A Radar List",
  description:
    "Remove an entry from Radar's block or allow list. Removing a block lets what it matched sign in again.",
  toolset: "radar",
  // Radar's lists apply to every organization's sign-ins: a server pinned to one does not change them.
  organization: "environment",
  input: z.strictObject(radarListInput),
  output: radarListResult.extend({ removed: z.literal(true) }),
  // Destructive: it takes a rule away, and a removed block loosens protection. Not confirmed like a delete:
  // the entry is all it loses, and add_radar_list_entry puts it back as it was.
  annotations: DESTRUCTIVE,
  notFound: ({ type, action }) =>
    `The entry is not on the ${type} ${action} list (WorkOS offers no way to list entries; check the spelling).`,
  summary: ({ type, action }) => `Removed the entry from the Radar ${type} ${action} list.`,
  handler: async ({ type, action, entry }, { client, signal }) => {
    await client.delete(radarListPath(type, action), { body: { entry }, signal });
    return { type, action, entry, removed: true as const, effect: effectOf(action, false) };
  },
});
