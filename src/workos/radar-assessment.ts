import { z } from "zod";
import { RADAR_LIST_TYPES, RADAR_VERDICTS } from "../workos-vocabulary.js";

export const RADAR_ATTEMPT_ID_PREFIX = "radar_att";

/** Radar's verdict on one authentication attempt, and why. */
export const radarAssessment = z.looseObject({
  verdict: z.enum(RADAR_VERDICTS),
  reason: z.string(),
  attempt_id: z.string(),
  control: z
    .enum([
      "bot_detection",
      "brute_force_attack",
      "impossible_travel",
      "repeat_sign_up",
      "stale_account",
      "unrecognized_device",
      "restriction",
    ])
    .optional(),
  blocklist_type: z.enum(RADAR_LIST_TYPES).optional(),
});
export type RadarAssessment = z.infer<typeof radarAssessment>;
