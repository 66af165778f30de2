import { z } from "zod";
import { ROLE_TYPES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const ROLE_ID_PREFIX = "role";

/** An environment role, or an organization's custom role (the spec's Role). */
export const role = z.looseObject({
  object: z.literal("role"),
  id: z.string(),
  slug: z.string().describe("What memberships and invitations name the role by."),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(ROLE_TYPES).describe("OrganizationRole for an organization's custom role."),
  resource_type_slug: z.string(),
  permissions: z.array(z.string()),
  ...timestamps,
});

export type Role = z.infer<typeof role>;

/** A role as a membership names it (the spec's SlimRole). */
export const slimRole = z.looseObject({ slug: z.string() });

export const roleSummary = defineSummary<Role>({
  slug: [z.string(), (item) => item.slug],
  name: [optional.string(), (item) => item.name],
  custom: [
    optional.boolean("Set on an organization's own role."),
    (item) => (item.type === "OrganizationRole" ? true : undefined),
  ],
  permissions: [z.array(z.string()).optional(), (item) => item.permissions],
});
