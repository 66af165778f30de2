import { z } from "zod";
import { timestamps } from "./id.js";

/** A permission of the environment (RBAC): what a role grants, named by its slug. */
export const PERMISSION_ID_PREFIX = "perm";

export const permission = z.looseObject({
  object: z.literal("permission"),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  system: z.boolean(),
  resource_type_slug: z.string(),
  ...timestamps,
});

export type Permission = z.infer<typeof permission>;
