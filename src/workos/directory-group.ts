import { z } from "zod";
import { idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const DIRECTORY_GROUP_ID_PREFIX = "directory_group";

/** A group synced from a directory (the spec's DirectoryGroup). */
export const directoryGroup = z.looseObject({
  object: z.literal("directory_group"),
  id: idField(DIRECTORY_GROUP_ID_PREFIX, "group"),
  idp_id: z.string(),
  directory_id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  raw_attributes: z.record(z.string(), z.unknown()).optional(),
  ...timestamps,
});

export type DirectoryGroup = z.infer<typeof directoryGroup>;

export const directoryGroupSummary = defineSummary<DirectoryGroup>({
  id: [z.string(), (group) => group.id],
  name: [optional.string(), (group) => group.name],
  directory_id: [optional.string(), (group) => group.directory_id],
});
