import type { Connection, Directory, Organization } from "../models.js";
import { connectionEventData, directoryEventData, organizationEventData } from "../serialize.js";
import type { EmulatorContext } from "../state.js";

export function deleteConnection(ctx: EmulatorContext, conn: Connection): void {
  ctx.store.connections.delete(conn.id);
  ctx.emit("connection.deleted", connectionEventData(conn), conn.organization_id ?? null);
}

/** A directory takes its users and groups with it. */
export function deleteDirectory(ctx: EmulatorContext, dir: Directory): void {
  for (const user of ctx.store.directoryUsers.values()) {
    if (user.directory_id === dir.id) ctx.store.directoryUsers.delete(user.id);
  }
  for (const group of ctx.store.directoryGroups.values()) {
    if (group.directory_id === dir.id) ctx.store.directoryGroups.delete(group.id);
  }
  ctx.store.directories.delete(dir.id);
  ctx.emit("dsync.deleted", directoryEventData(dir), dir.organization_id);
}

/** Deleting an organization deletes its connections and directories first, each with its own event. */
export function deleteOrganizationCascade(ctx: EmulatorContext, org: Organization): void {
  for (const conn of ctx.store.connections.values())
    if (conn.organization_id === org.id) deleteConnection(ctx, conn);
  for (const dir of ctx.store.directories.values())
    if (dir.organization_id === org.id) deleteDirectory(ctx, dir);
  for (const [token, link] of ctx.store.portalLinks)
    if (link.organization === org.id) ctx.store.portalLinks.delete(token);
  ctx.store.organizations.delete(org.id);
  ctx.emit("organization.deleted", organizationEventData(org), org.id);
}
