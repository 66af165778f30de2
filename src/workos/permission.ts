import { z } from "zod";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

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

export const permissionSummary = defineSummary<Permission>({
  slug: [z.string(), (item) => item.slug],
  name: [optional.string(), (item) => item.name],
  resource_type: [
    optional.string("Set when it applies to a resource type other than the organization."),
    (item) => (item.resource_type_slug === "organization" ? undefined : item.resource_type_slug),
  ],
});
