import { z } from "zod";
import { DIRECTORY_ID_PREFIX, type Directory, directory } from "../../workos/directory.js";
import { DIRECTORY_STATES, DIRECTORY_TYPES } from "../../workos-vocabulary.js";
import { randomToken } from "../ids.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { byCreation, oneOf, requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorStore } from "../store.js";
import { contains } from "../validate.js";
import { directoryGroups } from "./directory-groups.js";
import { directoryUsers } from "./directory-users.js";
import { organizations } from "./organizations.js";

/** A directory as the emulator stores it: the wire object less its counts, which serialize() makes. */
export type StoredDirectory = Omit<Stored<Directory>, "metadata">;

const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  external_key: z.string().optional(),
  type: oneOf(DIRECTORY_TYPES),
  state: oneOf(DIRECTORY_STATES),
  name: z.string().optional(),
  /** Default: the organization's first domain. */
  domain: z.string().optional(),
  ...seedTimestamps,
});

export type SeedDirectory = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedDirectory[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const org = loader.store.of(organizations).get(s.organization_id);
    const dir: StoredDirectory = {
      object: "directory",
      id: s.id ?? loader.fixedId(DIRECTORY_ID_PREFIX, at),
      organization_id: s.organization_id,
      external_key: s.external_key ?? randomToken(12),
      type: s.type ?? "generic scim v2.0",
      state: s.state ?? "linked",
      name: s.name ?? `${org?.name ?? "Directory"} directory`,
      created_at: at,
      updated_at: s.updated_at ?? at,
    };
    const domain = s.domain ?? org?.domains[0]?.domain;
    if (domain !== undefined) dir.domain = domain;
    loader.store.of(directories).insert(dir);
  }
}

/** The REST object counts its users (active or not) and groups. */
function serialize(dir: StoredDirectory, store: EmulatorStore): Record<string, unknown> {
  let active = 0;
  let inactive = 0;
  for (const user of store.of(directoryUsers).values()) {
    if (user.directory_id !== dir.id) continue;
    if (user.state === "active") active += 1;
    else inactive += 1;
  }
  let groups = 0;
  for (const group of store.of(directoryGroups).values()) if (group.directory_id === dir.id) groups += 1;
  return { ...dir, metadata: { users: { active, inactive }, groups } };
}

/** Event payloads use active/inactive where the REST object says linked/unlinked. */
function eventData(dir: StoredDirectory): Record<string, unknown> {
  const { external_key: _key, domain: _domain, ...rest } = dir;
  const state = dir.state === "linked" ? "active" : dir.state === "unlinked" ? "inactive" : dir.state;
  return { ...rest, state };
}

export const directories: Resource<StoredDirectory, SeedDirectory, "directories"> = {
  name: "directories",
  label: "Directory",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  model: directory,
  serialize,
  deleted: (dir) => ({ type: "dsync.deleted", data: eventData(dir), organizationId: dir.organization_id }),
  routes: () => [
    listRoute(directories, "/directories", (req) => {
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search");
      const domain = req.query.get("domain")?.toLowerCase();
      return (d) =>
        (!organizationId || d.organization_id === organizationId) &&
        (!search || contains(d.name, search)) &&
        (!domain || d.domain?.toLowerCase() === domain);
    }),
    getRoute(directories, "/directories"),
    deleteRoute(directories, "/directories", 202),
  ],
};
