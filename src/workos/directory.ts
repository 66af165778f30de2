import { z } from "zod";
import { DIRECTORY_STATES, DIRECTORY_TYPES } from "../workos-vocabulary.js";
import { idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const DIRECTORY_ID_PREFIX = "directory";

/** The counts WorkOS keeps in a directory's metadata: its `inactive` counts suspended users too. */
export const directoryCounts = z.looseObject({
  users: z.looseObject({ active: z.number(), inactive: z.number() }),
  groups: z.number(),
});

/** A directory: where an organization's users and groups are synced from (the spec's Directory). */
export const directory = z.looseObject({
  object: z.literal("directory"),
  id: idField(DIRECTORY_ID_PREFIX, "directory"),
  organization_id: z.string(),
  external_key: z.string(),
  name: z.string(),
  type: z.enum(DIRECTORY_TYPES).describe("The directory provider, e.g. okta scim v2.0 or gsuite directory."),
  state: z.enum(DIRECTORY_STATES),
  domain: z.string().optional(),
  metadata: directoryCounts
    .optional()
    .describe("User counts (active, and inactive which counts suspended users too) and the group count."),
  ...timestamps,
});

export type Directory = z.infer<typeof directory>;
export type DirectoryCounts = z.infer<typeof directoryCounts>;

const tally = z.union([z.number(), z.string()]).describe('A count; "n+" where counting stopped.');

/** A directory's users by state, in the three states a directory user can be in. */
export const directoryUsersByState = z.looseObject({
  active: tally.optional(),
  inactive: tally.optional(),
  suspended: tally.optional(),
  inactive_or_suspended: tally
    .optional()
    .describe(
      "Given instead of inactive and suspended where they were not told apart: WorkOS counts both as inactive.",
    ),
});

export type DirectoryUsersByState = Record<string, number | string>;

/**
 * The users by state as far as WorkOS's metadata tells them: it counts suspended users as inactive, so the two
 * are told apart only when there are none of either.
 */
export function usersFromMetadata(metadata: unknown): DirectoryUsersByState | undefined {
  const users = (metadata as Partial<DirectoryCounts> | undefined)?.users;
  if (users === undefined) return undefined;
  const active = users.active ?? 0;
  const inactive = users.inactive ?? 0;
  return inactive === 0 ? { active, inactive: 0, suspended: 0 } : { active, inactive_or_suspended: inactive };
}

export const directorySummary = defineSummary<Directory>({
  id: [z.string(), (dir) => dir.id],
  name: [optional.string(), (dir) => dir.name],
  type: [optional.string(), (dir) => dir.type],
  state: [optional.string(), (dir) => dir.state],
  organization_id: [optional.string(), (dir) => dir.organization_id],
  domain: [optional.string(), (dir) => dir.domain],
  users: [directoryUsersByState.optional(), (dir) => usersFromMetadata(dir.metadata)],
  groups: [z.number().optional(), (dir) => dir.metadata?.groups],
});
