import { z } from "zod";
import { DIRECTORY_USER_ID_PREFIX, type DirectoryUser, directoryUser } from "../../workos/directory-user.js";
import { DIRECTORY_USER_STATES } from "../../workos-vocabulary.js";
import { unprocessable } from "../errors.js";
import type { Resource, SeedLoader, SeedLookup, Stored } from "../resource.js";
import { anyObject, byCreation, oneOf, requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import { findOr404, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorStore } from "../store.js";
import { directories } from "./directories.js";
import { directoryGroups } from "./directory-groups.js";

/** A directory user as the emulator stores it: the wire object with its groups by id, serialized whole. */
export type StoredDirectoryUser = Omit<Stored<DirectoryUser>, "groups"> & {
  /** Internal: membership by group id; serialized as `groups`. */
  group_ids: string[];
};

const role = z.object({ slug: z.string() });
const nullableString = z.string().nullable().optional();

const seedEntry = z.object({
  id: seedId,
  directory_id: requiredString(),
  idp_id: z.string().optional(),
  email: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  name: nullableString,
  job_title: nullableString,
  username: nullableString,
  state: oneOf(DIRECTORY_USER_STATES),
  emails: z
    .array(z.object({ primary: z.boolean(), type: z.string(), value: z.string().nullable() }))
    .optional(),
  raw_attributes: anyObject.optional(),
  custom_attributes: anyObject.optional(),
  role: role.optional(),
  roles: z.array(role).optional(),
  /** Ids of directory groups in the same directory. */
  groups: z.array(z.string(), { error: "must be an array of group ids" }).optional(),
  ...seedTimestamps,
});

export type SeedDirectoryUser = z.input<typeof seedEntry>;

/** Every group a user names exists and is in the user's directory. */
function checkGroups(user: SeedDirectoryUser, seed: SeedLookup): string | undefined {
  for (const groupId of user.groups ?? []) {
    const group = seed.entries(directoryGroups).find((g) => g.id === groupId);
    if (!group) return `group "${groupId}" does not match any directory group`;
    if (group.directory_id !== user.directory_id) return `group "${groupId}" belongs to another directory`;
  }
  return undefined;
}

function loadSeed(entries: readonly SeedDirectoryUser[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const dir = loader.store.of(directories).get(s.directory_id);
    const id = s.id ?? loader.fixedId(DIRECTORY_USER_ID_PREFIX, at);
    const email = s.email ?? null;
    const firstName = s.first_name ?? null;
    const lastName = s.last_name ?? null;
    const user: StoredDirectoryUser = {
      object: "directory_user",
      id,
      directory_id: s.directory_id,
      organization_id: dir?.organization_id ?? "",
      idp_id: s.idp_id ?? id.slice(-10).toLowerCase(),
      email,
      first_name: firstName,
      last_name: lastName,
      name: s.name ?? ([firstName, lastName].filter(Boolean).join(" ") || null),
      emails: s.emails ?? (email === null ? [] : [{ primary: true, type: "work", value: email }]),
      job_title: s.job_title ?? null,
      username: s.username ?? email,
      state: s.state ?? "active",
      raw_attributes: { ...(s.raw_attributes ?? {}) },
      custom_attributes: { ...(s.custom_attributes ?? {}) },
      created_at: at,
      updated_at: s.updated_at ?? at,
      group_ids: [...(s.groups ?? [])],
    };
    if (s.role !== undefined) user.role = s.role;
    if (s.roles !== undefined) user.roles = s.roles;
    loader.store.of(directoryUsers).insert(user);
  }
}

/** The REST object embeds the user's groups. */
function serializeUser(user: StoredDirectoryUser, store: EmulatorStore): Record<string, unknown> {
  const { group_ids, ...rest } = user;
  const groups: Record<string, unknown>[] = [];
  for (const id of group_ids) {
    const group = store.of(directoryGroups).get(id);
    if (group) groups.push(toWire(directoryGroups, group, store));
  }
  return { ...rest, groups };
}

export const directoryUsers: Resource<StoredDirectoryUser, SeedDirectoryUser, "directory_users"> = {
  name: "directory_users",
  label: "Directory User",
  parents: { directory_id: "directories" },
  seed: { entry: seedEntry, check: checkGroups, load: loadSeed },
  model: directoryUser,
  serialize: serializeUser,
  routes: () => [
    listRoute(directoryUsers, "/directory_users", (req, ctx) => {
      const directory = req.query.get("directory");
      const group = req.query.get("group");
      const idpId = req.query.get("idp_id");
      const email = req.query.get("email")?.toLowerCase();
      if (!directory && !group) {
        throw unprocessable("Either directory or group is required.", [
          { field: "directory", code: "directory_or_group_required" },
        ]);
      }
      if ((idpId || email) && !directory) {
        throw unprocessable("idp_id and email filters require the directory parameter.", [
          { field: idpId ? "idp_id" : "email", code: "directory_required" },
        ]);
      }
      if (directory) findOr404(ctx, directories, directory);
      if (group) findOr404(ctx, directoryGroups, group);
      return (u) =>
        (!directory || u.directory_id === directory) &&
        (!group || u.group_ids.includes(group)) &&
        (!idpId || u.idp_id === idpId) &&
        (!email || u.email?.toLowerCase() === email);
    }),
    getRoute(directoryUsers, "/directory_users"),
  ],
};
