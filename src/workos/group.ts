import { z } from "zod";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

/** A group of an organization's members (AuthKit groups, not Directory Sync's directory groups). */
export const GROUP_ID_PREFIX = "group";

export const group = z.looseObject({
  object: z.literal("group"),
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ...timestamps,
});
export type Group = z.infer<typeof group>;

export const groupSummary = defineSummary<Group>({
  id: [z.string(), (value) => value.id],
  name: [z.string(), (value) => value.name],
  description: [optional.string(), (value) => value.description ?? undefined],
});
