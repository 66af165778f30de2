import type { WorkOSClient } from "../client/client.js";
import { path } from "../client/path.js";
import type { DeletionTarget } from "../confirm.js";
import type { Connection } from "../workos/connection.js";
import {
  type Directory,
  type DirectoryUsersByState,
  directory as directoryModel,
  usersFromMetadata,
} from "../workos/directory.js";
import type { DirectoryUser } from "../workos/directory-user.js";
import { organization as organizationModel } from "../workos/organization.js";
import { organizationDomain } from "../workos/organization-domain.js";
import {
  type OrganizationMembership,
  organizationMembership as organizationMembershipModel,
} from "../workos/organization-membership.js";
import { user as userModel } from "../workos/user.js";
import { readable } from "./readable.js";
import { expectShape } from "./shape.js";

// What a deletion reads before it asks: the model's objects, read as the tools read them (enums open).
const organizationSchema = readable(organizationModel);
const directorySchema = readable(directoryModel);
const userSchema = readable(userModel);
const organizationMembershipSchema = readable(organizationMembershipModel);
const domainSchema = readable(organizationDomain);

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

/**
 * A directory's users in each of their three states. WorkOS's metadata counts suspended users as inactive, so
 * where it has any of either they are counted here by walking the users, up to COUNT_CAP; a larger directory
 * keeps WorkOS's own split (active, inactive_or_suspended).
 */
export async function directoryUserCounts(
  client: WorkOSClient,
  directory: Pick<Directory, "id" | "metadata">,
  signal: AbortSignal,
): Promise<DirectoryUsersByState> {
  const known = usersFromMetadata(directory.metadata);
  if (known !== undefined && known.inactive_or_suspended === undefined) return known;
  if (known !== undefined && Number(known.active) + Number(known.inactive_or_suspended) > COUNT_CAP)
    return known;
  const byState: Record<string, number> = { active: 0, inactive: 0, suspended: 0 };
  let seen = 0;
  const query = { directory: directory.id };
  for await (const page of client.pages<DirectoryUser>("/directory_users", {
    query,
    maxItems: COUNT_CAP,
    signal,
  })) {
    for (const user of page.data) byState[user.state] = (byState[user.state] ?? 0) + 1;
    seen += page.data.length;
  }
  if (seen < COUNT_CAP) return byState;
  return Object.fromEntries(Object.entries(byState).map(([state, n]) => [state, `${n}+`]));
}

/** All of a directory's users, whatever their state: "n+" where counting stopped. */
function totalOf(users: DirectoryUsersByState): number | string {
  const values = Object.values(users);
  const sum = values.reduce<number>((total, n) => total + Number.parseInt(String(n), 10), 0);
  return values.some((n) => typeof n === "string") ? `${sum}+` : sum;
}

/** "30 users, of whom 4 are inactive and 3 suspended": the total, and how many of them are not active. */
function usersPhrase(users: DirectoryUsersByState, noun: string): string {
  const notActive = Object.entries(users).filter(([state, n]) => state !== "active" && n !== 0);
  if (notActive.length === 0) return plural(totalOf(users), noun);
  // "4 are inactive", then "3 suspended": the verb only once.
  const parts = notActive.map(
    ([state, n], i) => `${n} ${i > 0 ? "" : n === 1 ? "is " : "are "}${state.replaceAll("_", " ")}`,
  );
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${plural(totalOf(users), noun)}, of whom ${listed}`;
}

async function directoryCounts(
  client: WorkOSClient,
  directory: Pick<Directory, "id" | "metadata">,
  signal: AbortSignal,
) {
  const groups = directory.metadata?.groups;
  const [users, groupCount] = await Promise.all([
    directoryUserCounts(client, directory, signal),
    groups ?? count(client, "/directory_groups", { directory: directory.id }, signal),
  ]);
  return { users, groups: groupCount };
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
      `${directory.name} (${plural(directory.groups, "group")} and ${usersPhrase(directory.users, "user")})`,
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
    summary: `its ${plural(counts.groups, "group")} and ${usersPhrase(counts.users, "synced user")}`,
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
    domainSchema,
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
