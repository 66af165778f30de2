import { z } from "zod";

/** What follows an id's prefix and underscore: the characters of a ULID, as every WorkOS id has. */
const ID_TAIL = "[0-9A-Za-z]+";

/**
 * The organization id's prefix, here rather than with the organization's shape (./organization.ts re-exports it):
 * the configuration and the prompts check organization ids, and a start should not build that shape's schemas.
 */
export const ORGANIZATION_ID_PREFIX = "org";

/** What an id of the kind with this prefix looks like: `<prefix>_` then its ULID, e.g. org_01H…. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_${ID_TAIL}$`);
}

/** Whether the value is an id of the kind with this prefix. */
export function isIdOf(prefix: string, value: unknown): value is string {
  return typeof value === "string" && idPattern(prefix).test(value);
}

/** An id of one kind, checked for its prefix; `message` says what to do about a wrong one. */
export function prefixedId(prefix: string, message = `must be an id starting with "${prefix}_"`) {
  return z.string().regex(idPattern(prefix), message);
}

/**
 * An object's own `id` field on the wire: any string (what WorkOS returns is not refused for its form), described
 * with its prefix so a reader knows the kind.
 */
export function idField(prefix: string, noun: string) {
  return z.string().describe(`The ${noun} id (${prefix}_…).`);
}

/** When an object was made and last changed, as every WorkOS object has them: ISO 8601 strings. */
export const timestamps = { created_at: z.string(), updated_at: z.string() };

/**
 * What marks a field the spec calls deprecated: WorkOS still sends it, the tools do not list it in their schemas
 * (it still passes through), and the spec test checks the mark against the spec.
 */
export const DEPRECATED = { deprecated: true } as const;
