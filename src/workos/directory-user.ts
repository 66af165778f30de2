import { z } from "zod";
import { DIRECTORY_USER_STATES } from "../workos-vocabulary.js";
import { directoryGroup } from "./directory-group.js";
import { DEPRECATED, idField, timestamps } from "./id.js";
import { slimRole } from "./role.js";
import { defineSummary, optional } from "./summary.js";

export const DIRECTORY_USER_ID_PREFIX = "directory_user";

/** A person synced from a directory, with the groups they are in (the spec's DirectoryUserWithGroups). */
export const directoryUser = z.looseObject({
  object: z.literal("directory_user"),
  id: idField(DIRECTORY_USER_ID_PREFIX, "user"),
  directory_id: z.string(),
  organization_id: z.string(),
  idp_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  emails: z
    .array(
      z.looseObject({
        primary: z.boolean().optional(),
        type: z.string().optional(),
        value: z.string().nullable().optional(),
      }),
    )
    .meta(DEPRECATED)
    .optional(),
  job_title: z.string().nullable().meta(DEPRECATED).optional(),
  username: z.string().nullable().meta(DEPRECATED).optional(),
  state: z.enum(DIRECTORY_USER_STATES),
  raw_attributes: z.record(z.string(), z.unknown()).meta(DEPRECATED),
  custom_attributes: z.record(z.string(), z.unknown()),
  role: slimRole.optional(),
  roles: z.array(slimRole).optional(),
  groups: z.array(directoryGroup).meta(DEPRECATED),
  ...timestamps,
});

export type DirectoryUser = z.infer<typeof directoryUser>;

/** A person's display name from whichever fields the identity provider filled. */
function personName(user: DirectoryUser): string | undefined {
  const parts = [user.first_name, user.last_name].filter((part) => typeof part === "string" && part !== "");
  if (parts.length > 0) return parts.join(" ");
  return typeof user.name === "string" && user.name !== "" ? user.name : undefined;
}

function primaryEmail(user: DirectoryUser): string | undefined {
  if (typeof user.email === "string" && user.email !== "") return user.email;
  const emails = user.emails ?? [];
  return (emails.find((email) => email.primary) ?? emails[0])?.value ?? undefined;
}

export const directoryUserSummary = defineSummary<DirectoryUser>({
  id: [z.string(), (user) => user.id],
  email: [optional.string(), primaryEmail],
  name: [optional.string(), personName],
  state: [
    optional.string("Shown only when not active."),
    (user) => (user.state === "active" ? undefined : user.state),
  ],
  directory_id: [optional.string(), (user) => user.directory_id],
});
