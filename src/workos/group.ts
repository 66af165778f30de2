import { z } from "zod";

/** A group of an organization's members (AuthKit groups, not Directory Sync's directory groups). */
export const GROUP_ID_PREFIX = "group";

export const group = z.looseObject({
  object: z.literal("group"),
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Group = z.infer<typeof group>;
