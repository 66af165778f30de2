import { z } from "zod";
import { defineTool } from "../define.js";
import { effectOf, radarListInput, radarListPath, radarListResult } from "./radar-list.js";

export default defineTool({
  name: "add_radar_list_entry",
  title: "Block Or Allow Something In Radar",
  description:
    "Add an IP address, domain, email, device, user agent or country to Radar's block list (matching sign-ins " +
    "are blocked) or allow list (they skip Radar's checks).",
  toolset: "radar",
  // Radar's lists apply to every organization's sign-ins: a server pinned to one does not change them.
  organization: "environment",
  input: z.strictObject(radarListInput),
  output: radarListResult.extend({
    already_listed: z.boolean().describe("Whether the entry was on the list before this call."),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  summary: ({ type, action, already_listed }) =>
    `${already_listed ? "The entry was already" : "Added the entry"} on the Radar ${type} ${action} list.`,
  handler: async ({ type, action, entry }, { client, signal }) => {
    // WorkOS answers 201 (or 204) with no body when it adds the entry, 200 with a message when it was there.
    const answer = await client.post<{ message?: unknown } | undefined>(radarListPath(type, action), {
      body: { entry },
      signal,
    });
    const already = typeof answer === "object" && answer !== null && "message" in answer;
    return { type, action, entry, already_listed: already, effect: effectOf(action, true) };
  },
});
