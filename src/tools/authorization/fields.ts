import { z } from "zod";
import { AUTHORIZATION_RESOURCE_ID_PREFIX } from "../../workos/authorization-resource.js";
import { prefixedId } from "../../workos/id.js";
import { AUTHORIZATION_LIMITS, PERMISSION_SLUG_PATTERN } from "../../workos-vocabulary.js";

/** The resource a role is assigned on or access is checked on: by its id, or by its type and your id for it. */
export const resourceParams = {
  resource_id: prefixedId(AUTHORIZATION_RESOURCE_ID_PREFIX)
    .optional()
    .describe(`${AUTHORIZATION_RESOURCE_ID_PREFIX}_…, or the two below.`),
  resource_type_slug: z
    .string()
    .min(1)
    .max(AUTHORIZATION_LIMITS.slug)
    .optional()
    .describe("Its type, e.g. project."),
  resource_external_id: z.string().min(1).optional().describe("Your id for it."),
};

type ResourceInput = {
  resource_id?: string | undefined;
  resource_type_slug?: string | undefined;
  resource_external_id?: string | undefined;
};

/** WorkOS takes one of the two forms: checked before anything is sent, naming the field that is missing. */
export function oneResource(input: ResourceInput, context: z.core.$RefinementCtx<ResourceInput>): void {
  const byId = input.resource_id !== undefined;
  const byType = input.resource_type_slug !== undefined;
  const byExternal = input.resource_external_id !== undefined;
  if (byId && (byType || byExternal)) {
    context.addIssue({
      code: "custom",
      path: ["resource_id"],
      message: "give resource_id, or resource_type_slug with resource_external_id, not both",
    });
  } else if (!byId && byType !== byExternal) {
    context.addIssue({
      code: "custom",
      path: [byType ? "resource_external_id" : "resource_type_slug"],
      message: "resource_type_slug and resource_external_id go together",
    });
  } else if (!byId && !byType) {
    context.addIssue({
      code: "custom",
      path: ["resource_id"],
      message: "name the resource: resource_id, or resource_type_slug with resource_external_id",
    });
  }
}

/** A permission's slug as WorkOS allows it. */
export const permissionSlug = z
  .string()
  .max(AUTHORIZATION_LIMITS.slug)
  .regex(
    PERMISSION_SLUG_PATTERN,
    "must be a permission slug such as project:edit (lowercase, digits, - _ : . *)",
  );

/** "1 permission", "3 permissions". */
export const permissionCount = (slugs: readonly unknown[]) =>
  `${slugs.length} permission${slugs.length === 1 ? "" : "s"}`;

/** A role's or permission's name and description, within WorkOS's limits. */
export const roleName = z.string().min(1).max(AUTHORIZATION_LIMITS.name);
export const roleDescription = z.string().max(AUTHORIZATION_LIMITS.description);
