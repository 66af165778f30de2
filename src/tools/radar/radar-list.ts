import { z } from "zod";
import { path } from "../../client/path.js";
import { RADAR_LIST_ACTIONS, RADAR_LIST_TYPES } from "../../workos-vocabulary.js";

/** Which Radar list, and the entry: the arguments of both list tools, as WorkOS names them. */
export const radarListInput = {
  type: z.enum(RADAR_LIST_TYPES).describe("What the entry matches."),
  action: z.enum(RADAR_LIST_ACTIONS).describe("The block list or the allow list."),
  entry: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe("The value, e.g. 198.51.100.42, example.com, a@example.com or a country code."),
};

export const radarListPath = (type: string, action: string) => path`/radar/lists/${type}/${action}`;

/** What the entry does on its list, for a person: what changes for the sign-ins it matches. */
export function effectOf(action: string, adding: boolean): string {
  if (action === "block") {
    return adding
      ? "Sign-ins and sign-ups matching it are blocked."
      : "Sign-ins and sign-ups matching it are no longer blocked by this list.";
  }
  return adding
    ? "Sign-ins and sign-ups matching it are allowed without Radar's other checks."
    : "Sign-ins and sign-ups matching it go through Radar's checks again.";
}

/** The result of both list tools: which list, which entry, and what that changes. */
export const radarListResult = z.object({
  type: z.string(),
  action: z.string(),
  entry: z.string(),
  effect: z.string().describe("What the change means for the sign-ins the entry matches."),
});
