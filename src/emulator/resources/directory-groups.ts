import { z } from "zod";
import type { DirectoryGroup } from "../../workos/directory-group.js";
import { DIRECTORY_GROUP_ID_PREFIX, directoryGroup } from "../../workos/directory-group.js";
import { unprocessable } from "../errors.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { anyObject, byCreation, requiredString, seedId, seedTimestamps } from "../resource.js";
import { findOr404, getRoute, listRoute } from "../resource-routes.js";
import { directories } from "./directories.js";
import { directoryUsers } from "./directory-users.js";

/** A group as the emulator stores it: the wire object, its raw attributes always kept (empty when none). */
export type StoredDirectoryGroup = Stored<DirectoryGroup> & { raw_attributes: Record<string, unknown> };

const seedEntry = z.object({
  id: seedId,
  directory_id: requiredString(),
  idp_id: z.string().optional(),
  name: requiredString(),
  raw_attributes: anyObject.optional(),
  ...seedTimestamps,
});

export type SeedDirectoryGroup = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedDirectoryGroup[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const dir = loader.store.of(directories).get(s.directory_id);
    const id = s.id ?? loader.fixedId(DIRECTORY_GROUP_ID_PREFIX, at);
    loader.store.of(directoryGroups).insert({
      object: "directory_group",
      id,
      idp_id: s.idp_id ?? id.slice(-12).toLowerCase(),
      directory_id: s.directory_id,
      organization_id: dir?.organization_id ?? "",
      name: s.name,
      raw_attributes: { ...(s.raw_attributes ?? {}) },
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

export const directoryGroups: Resource<StoredDirectoryGroup, SeedDirectoryGroup, "directory_groups"> = {
  name: "directory_groups",
  label: "Directory Group",
  parents: { directory_id: "directories" },
  seed: { entry: seedEntry, load: loadSeed },
  model: directoryGroup,
  serialize: (group) => ({ ...group, raw_attributes: { ...group.raw_attributes } }),
  routes: () => [
    listRoute(directoryGroups, "/directory_groups", (req, ctx) => {
      const directory = req.query.get("directory");
      const userId = req.query.get("user");
      if (!directory && !userId) {
        throw unprocessable("Either directory or user is required.", [
          { field: "directory", code: "directory_or_user_required" },
        ]);
      }
      if (directory) findOr404(ctx, directories, directory);
      const user = userId ? findOr404(ctx, directoryUsers, userId) : undefined;
      return (g) => (!directory || g.directory_id === directory) && (!user || user.group_ids.includes(g.id));
    }),
    getRoute(directoryGroups, "/directory_groups"),
  ],
};
