import type { WorkOSClient } from "../client/client.js";
import { path } from "../client/path.js";
import type { DeletionTarget } from "../confirm.js";
import {
  type Connection,
  type Directory,
  directory as directorySchema,
  type OrganizationMembership,
  organizationMembership as organizationMembershipSchema,
  organization as organizationSchema,
  standaloneDomain,
  user as userSchema,
} from "./objects.js";
import { expectShape } from "./shape.js";

// Counting stops here: enough to convey the scale without walking a huge directory.
const COUNT_CAP = 10_000;

/** How many items a list holds, up to a cap ("10000+" beyond it). */
export async function count(
  client: WorkOSClient,
  listPath: string,
  query: Record<string, string>,
  signal: AbortSignal,
) {
  let total = 0;
  for await (const page of client.pages(listPath, { query, maxItems: COUNT_CAP, signal }))
    total += page.data.length;
  return total >= COUNT_CAP ? `${COUNT_CAP}+` : total;
}

// Array.fromAsync arrives in Node 22; this runs on 20.
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

const plural = (count: number | string, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

async function directoryCounts(client: WorkOSClient, directory: Directory, signal: AbortSignal) {
  const metadata = directory.metadata as
    | { users?: { active?: number; inactive?: number }; groups?: number }
    | undefined;
  if (metadata?.users !== undefined && metadata.groups !== undefined) {
    return { users: (metadata.users.active ?? 0) + (metadata.users.inactive ?? 0), groups: metadata.groups };
  }
  const [users, groups] = await Promise.all([
    count(client, "/directory_users", { directory: directory.id }, signal),
    count(client, "/directory_groups", { directory: directory.id }, signal),
  ]);
  return { users, groups };
}

export async function organizationTarget(
  client: WorkOSClient,
  id: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const organization = expectShape(
    organizationSchema,
    await client.get(path`/organizations/${id}`, { signal }),
    "an organization",
  );
  const [connections, directories] = await Promise.all([
    collect(
      client.items<Connection>("/connections", { query: { organization_id: id }, maxItems: 1000, signal }),
    ),
    collect(
      client.items<Directory>("/directories", { query: { organization_id: id }, maxItems: 1000, signal }),
    ),
  ]);
  const withCounts = await Promise.all(
    directories.map(async (directory) => ({
      id: directory.id,
      name: directory.name,
      type: directory.type,
      ...(await directoryCounts(client, directory, signal)),
    })),
  );
  const directoryPhrases = withCounts.map(
    (directory) =>
      `${directory.name} (${plural(directory.users, "user")}, ${plural(directory.groups, "group")})`,
  );
  return {
    object: "organization",
    id,
    name: organization.name,
    summary:
      `${plural(connections.length, "SSO connection")} and ${plural(directories.length, "directory").replace(/ys$/, "ies")}` +
      (directoryPhrases.length > 0 ? `: ${directoryPhrases.join(", ")}` : ""),
    impact: {
      domains: organization.domains.map((domain) => domain.domain),
      sso_connections: connections.map(({ id, name, connection_type, state }) => ({
        id,
        name,
        connection_type,
        state,
      })),
      directories: withCounts,
    },
  };
}

export async function directoryTarget(
  client: WorkOSClient,
  id: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const directory = expectShape(
    directorySchema,
    await client.get(path`/directories/${id}`, { signal }),
    "a directory",
  );
  const counts = await directoryCounts(client, directory, signal);
  return {
    object: "directory",
    id,
    name: directory.name,
    summary: `its ${plural(counts.users, "synced user")} and ${plural(counts.groups, "group")}`,
    impact: {
      organization_id: directory.organization_id,
      type: directory.type,
      state: directory.state,
      directory_users: counts.users,
      directory_groups: counts.groups,
    },
  };
}

export async function userTarget(
  client: WorkOSClient,
  id: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const user = expectShape(
    userSchema,
    await client.get(path`/user_management/users/${id}`, { signal }),
    "a user",
  );
  const [memberships, sessions] = await Promise.all([
    collect(
      client.items<OrganizationMembership>("/user_management/organization_memberships", {
        query: { user_id: id, statuses: "active,inactive,pending" },
        maxItems: 1000,
        signal,
      }),
    ),
    count(client, path`/user_management/users/${id}/sessions`, {}, signal),
  ]);
  const where = memberships.map(
    (m) =>
      `${m.organization_name ?? m.organization_id} as ${m.role.slug}${m.status === "active" ? "" : ` (${m.status})`}`,
  );
  return {
    object: "user",
    id,
    name: user.email,
    summary:
      `${plural(memberships.length, "organization membership")}${where.length > 0 ? ` (${where.join(", ")})` : ""} ` +
      `and ${plural(sessions, "active session")}, which are signed out`,
    impact: {
      email: user.email,
      organization_memberships: memberships.map((m) => ({
        id: m.id,
        organization_id: m.organization_id,
        organization_name: m.organization_name,
        role: m.role.slug,
        status: m.status,
      })),
      active_sessions: sessions,
    },
  };
}

export async function organizationMembershipTarget(
  client: WorkOSClient,
  id: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const membership = expectShape(
    organizationMembershipSchema,
    await client.get(path`/user_management/organization_memberships/${id}`, { signal }),
    "an organization membership",
  );
  const email = membership.user?.email ?? membership.user_id;
  const organization = membership.organization_name ?? membership.organization_id;
  return {
    object: "organization_membership",
    id,
    name: email,
    summary: `${email}'s access to ${organization} (role ${membership.role.slug}); the user account stays`,
    impact: {
      user_id: membership.user_id,
      email: membership.user?.email,
      organization_id: membership.organization_id,
      organization_name: membership.organization_name,
      role: membership.role.slug,
      status: membership.status,
    },
  };
}

/** A domain, its organization and state, and the SSO connections that route sign-ins by it. */
export async function organizationDomainTarget(
  client: WorkOSClient,
  id: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const domain = expectShape(
    standaloneDomain,
    await client.get(path`/organization_domains/${id}`, { signal }),
    "an organization domain",
  );
  const [organization, connections] = await Promise.all([
    client.get(path`/organizations/${domain.organization_id}`, { signal }),
    collect(
      client.items<Connection>("/connections", {
        query: { organization_id: domain.organization_id },
        maxItems: 1000,
        signal,
      }),
    ),
  ]);
  const { name } = expectShape(organizationSchema, organization, "an organization");
  const using = connections.filter((conn) => conn.domains.some((d) => d.domain === domain.domain));
  return {
    object: "organization_domain",
    id,
    name: domain.domain,
    summary:
      `its place in ${name} (${domain.state ?? "unknown state"})` +
      (using.length > 0
        ? `; ${plural(using.length, "SSO connection")} route sign-ins by it: ${using.map((conn) => conn.name).join(", ")}`
        : ""),
    impact: {
      domain: domain.domain,
      organization_id: domain.organization_id,
      organization_name: name,
      state: domain.state,
      sso_connections: using.map(({ id, name, connection_type, state }) => ({
        id,
        name,
        connection_type,
        state,
      })),
    },
  };
}
