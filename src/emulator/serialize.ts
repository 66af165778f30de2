import type {
  Connection,
  Directory,
  DirectoryGroup,
  DirectoryUser,
  Organization,
  WorkOSEvent,
} from "./models.js";
import type { EmulatorStore } from "./state.js";

export function serializeOrganization(org: Organization): Record<string, unknown> {
  return { ...org, domains: org.domains.map((d) => ({ ...d })), metadata: { ...org.metadata } };
}

export function serializeConnection(conn: Connection): Record<string, unknown> {
  return {
    ...conn,
    status: conn.state === "active" ? "linked" : "unlinked",
    domains: conn.domains.map((d) => ({ ...d })),
  };
}

export function serializeDirectory(store: EmulatorStore, dir: Directory): Record<string, unknown> {
  let active = 0;
  let inactive = 0;
  for (const user of store.directoryUsers.values()) {
    if (user.directory_id !== dir.id) continue;
    if (user.state === "active") active += 1;
    else inactive += 1;
  }
  let groups = 0;
  for (const group of store.directoryGroups.values()) if (group.directory_id === dir.id) groups += 1;
  return { ...dir, metadata: { users: { active, inactive }, groups } };
}

export function serializeGroup(group: DirectoryGroup): Record<string, unknown> {
  return { ...group, raw_attributes: { ...group.raw_attributes } };
}

export function serializeUser(store: EmulatorStore, user: DirectoryUser): Record<string, unknown> {
  const { group_ids, ...rest } = user;
  const groups: Record<string, unknown>[] = [];
  for (const id of group_ids) {
    const group = store.directoryGroups.get(id);
    if (group) groups.push(serializeGroup(group));
  }
  return { ...rest, groups };
}

export function serializeEvent(event: WorkOSEvent): Record<string, unknown> {
  const { organization_id: _org, ...rest } = event;
  return rest;
}

/** Event payloads for organization.* omit the deprecated allow_profiles_outside_organization. */
export function organizationEventData(org: Organization): Record<string, unknown> {
  const { allow_profiles_outside_organization: _ignored, ...rest } = serializeOrganization(org);
  return rest;
}

export function connectionEventData(conn: Connection): Record<string, unknown> {
  const { domains: _domains, ...rest } = conn;
  return { ...rest, state: conn.state === "requires_type" ? "draft" : conn.state };
}

/** Event payloads use active/inactive where the REST object says linked/unlinked. */
export function directoryEventData(dir: Directory): Record<string, unknown> {
  const { external_key: _key, domain: _domain, ...rest } = dir;
  const state = dir.state === "linked" ? "active" : dir.state === "unlinked" ? "inactive" : dir.state;
  return { ...rest, state };
}
