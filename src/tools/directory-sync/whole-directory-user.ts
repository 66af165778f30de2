import type { DirectoryUser } from "../../workos/directory-user.js";

/**
 * A directory user whole, less what only repeats it: WorkOS's deprecated `username` and `job_title` where they
 * equal `email` and `custom_attributes.job_title`, and in each of its (deprecated) `groups` the user's own
 * directory and organization ids, the object kind and empty raw attributes.
 */
export function wholeDirectoryUser(user: DirectoryUser): Record<string, unknown> {
  const custom = user.custom_attributes;
  const userRepeats = (key: string, value: unknown) =>
    (key === "username" && value === user.email) || (key === "job_title" && value === custom.job_title);
  const groupRepeats = (key: string, value: unknown) =>
    (key === "object" && value === "directory_group") ||
    ((key === "directory_id" || key === "organization_id") && value === user[key]) ||
    (key === "raw_attributes" && isEmptyObject(value));
  const whole: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) {
    if (userRepeats(key, value)) continue;
    whole[key] =
      key === "groups" && Array.isArray(value)
        ? value.map((group) =>
            isRecord(group)
              ? Object.fromEntries(Object.entries(group).filter(([field, v]) => !groupRepeats(field, v)))
              : group,
          )
        : value;
  }
  return whole;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}
