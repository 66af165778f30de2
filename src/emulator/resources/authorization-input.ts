import { AUTHORIZATION_LIMITS } from "../../workos-vocabulary.js";
import type { EmulatorStore } from "../store.js";
import type { FieldErrors } from "../validate.js";

interface StringRule {
  required?: boolean;
  max: number;
  pattern?: RegExp;
  /** What the pattern asks for, completing "<field> must ...". */
  shape?: string;
}

/** One string field of an Authorization API body (slug, name, resource_type_slug), checked against its DTO. */
export function readString(
  body: Record<string, unknown>,
  field: string,
  errors: FieldErrors,
  rule: StringRule,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (rule.required) errors.add(field, "required", `${field} is required.`);
    return undefined;
  }
  if (typeof value !== "string" || (rule.required && value.trim() === "")) {
    errors.add(field, "invalid_type", `${field} must be a non-empty string.`);
    return undefined;
  }
  if (value.length > rule.max) {
    errors.add(field, "too_long", `${field} must be at most ${rule.max} characters.`);
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    errors.add(field, "invalid_format", `${field} must ${rule.shape ?? "be well formed"}.`);
    return undefined;
  }
  return value;
}

/** `description`: absent (undefined), null to clear, or a string of at most 150 characters. */
export function readDescription(
  body: Record<string, unknown>,
  errors: FieldErrors,
): string | null | undefined {
  const value = body.description;
  if (value === undefined || value === null) return value;
  if (typeof value !== "string") {
    errors.add("description", "invalid_type", "description must be a string or null.");
    return undefined;
  }
  if (value.length > AUTHORIZATION_LIMITS.description) {
    errors.add(
      "description",
      "too_long",
      `description must be at most ${AUTHORIZATION_LIMITS.description} characters.`,
    );
    return undefined;
  }
  return value;
}

/** `name`, required on create and optional on update. */
export function readName(
  body: Record<string, unknown>,
  errors: FieldErrors,
  required: boolean,
): string | undefined {
  return readString(body, "name", errors, { required, max: AUTHORIZATION_LIMITS.name });
}

/** `resource_type_slug`; objects scoped to nothing else are scoped to the organization. */
export const DEFAULT_RESOURCE_TYPE = "organization";

export function readResourceType(body: Record<string, unknown>, errors: FieldErrors): string | undefined {
  return readString(body, "resource_type_slug", errors, {
    max: AUTHORIZATION_LIMITS.slug,
    pattern: /^[a-z0-9_-]+$/,
    shape: "contain only lowercase letters, digits, hyphens and underscores",
  });
}

/**
 * The stored objects of another resource, found by its name like `parents` name them: for the two places where
 * the Authorization modules reach back (a permission's deletion edits roles; a role's deletion checks its
 * assignments), so no two of them import each other.
 */
export function storedByName<T>(
  store: EmulatorStore,
  name: string,
): { values: T[]; replace(value: T): void } {
  const resource = store.resources.find((r) => r.name === name);
  if (!resource) throw new Error(`${name} is not in the emulator's list of resources`);
  const collection = store.of(resource);
  return {
    values: collection.values() as T[],
    replace: (value) => collection.replace(value as { id: string }),
  };
}
