import { z } from "zod";
import type { List } from "../../client/client.js";
import { type DirectoryUser, directoryUser, directoryUserSummary } from "../../workos/directory-user.js";
import { DIRECTORY_USER_STATES } from "../../workos-vocabulary.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfDirectory, ownerOfDirectoryGroup } from "../owners.js";
import { listOf, page } from "../page.js";
import { directoryGroupId, directoryId, listParams } from "../params.js";
import { containsFold, SCAN_LIMIT, scan } from "../scan.js";
import { wholeDirectoryUser } from "./whole-directory-user.js";

export default defineTool({
  name: "list_directory_users",
  title: "List Directory Users",
  description:
    "List the people in a Directory Sync directory or group, optionally only suspended, inactive or active ones, or " +
    "those whose name or email contains some text. Give directory_id or directory_group_id; list_directories finds a directory.",
  toolset: "directory_sync",
  organization: {
    owner: ownerOf({ directory_id: ownerOfDirectory, directory_group_id: ownerOfDirectoryGroup }),
  },
  input: z
    .strictObject({
      directory_id: directoryId.optional().describe("The directory whose users to list (directory_…)."),
      directory_group_id: directoryGroupId
        .optional()
        .describe("Only members of this group (directory_group_…)."),
      state: z.enum(DIRECTORY_USER_STATES).optional().describe("Only users in this state."),
      search: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe("Only users whose name or email contains this text, ignoring case and accents."),
      email: z.email().optional().describe("Only the user with this exact email; needs directory_id."),
      idp_id: z
        .string()
        .min(1)
        .optional()
        .describe("Only the user with this identity-provider id; needs directory_id."),
      ...listParams,
    })
    .refine((input) => input.directory_id !== undefined || input.directory_group_id !== undefined, {
      path: ["directory_id"],
      message: "give directory_id or directory_group_id; use list_directories to find a directory",
    })
    .refine(
      (input) =>
        input.directory_id !== undefined || (input.email === undefined && input.idp_id === undefined),
      {
        path: ["directory_id"],
        message: "the email and idp_id filters need directory_id as well",
      },
    ),
  output: listOf(directoryUser),
  list: {
    noun: "directory user",
    ...directoryUserSummary,
    full: wholeDirectoryUser,
    // With a state filter every user shown is in that state, and the state is left out as repeating it.
    legend: ({ state }) =>
      state === undefined ? "Users are active unless a state is shown." : `Every user shown is ${state}.`,
  },
  // Someone who signs in to the app is often not in any directory.
  notes: (page, { email, search, detail }) => [
    ...((email ?? search) !== undefined && page.data.length === 0 && page.list_metadata.after === null
      ? [
          "No directory user matches. Directory Sync users (synced from a customer's identity provider) and " +
            "AuthKit users (who sign in to your app) are separate: list_users with email looks for an AuthKit " +
            "user (users toolset).",
        ]
      : []),
    ...(detail === "full" && page.data.length > 0
      ? [
          "Left out as repeats: username and job_title where they equal email and custom_attributes.job_title, " +
            "and each group's directory and organization ids; get_directory_user has the object as WorkOS sends it.",
        ]
      : []),
  ],
  finds: "directory_user_id",
  instruction: `list_directory_users filters by state and by a name or email fragment itself, scanning up to ${SCAN_LIMIT} users a call: use those instead of walking pages.`,
  annotations: READ,
  handler: async (input, { client, signal, progress }) => {
    const { directory_id, directory_group_id, state, search, detail: _, ...rest } = input;
    const query = { directory: directory_id, group: directory_group_id, ...rest };
    if (state === undefined && search === undefined) {
      return page(await client.get<List<DirectoryUser>>("/directory_users", { query, signal }));
    }
    return scan<DirectoryUser>({
      client,
      path: "/directory_users",
      query: { ...query, limit: undefined },
      limit: input.limit ?? 10,
      matches: (user) =>
        (state === undefined || user.state === state) &&
        containsFold(search, user.email, user.first_name, user.last_name, user.name, fullName(user)),
      context: { signal, progress },
      noun: "user",
    });
  },
});

function fullName(user: DirectoryUser): string {
  return `${user.first_name ?? ""} ${user.last_name ?? ""}`;
}
