import { path } from "../client/path.js";
import type { ToolContext } from "./define.js";
import { SCAN_LIMIT } from "./scan.js";

// Which organization an object belongs to, for a server pinned to one: looked up before the call, so an id
// of another organization is refused before anything is read or changed.

type Owned = { organization_id?: string | null };

async function ownerAt(route: string, { client, signal }: ToolContext): Promise<string | undefined> {
  const found = await client.get<Owned>(route, { signal });
  return found?.organization_id ?? undefined;
}

export const ownerOfConnection = (id: string, context: ToolContext) =>
  ownerAt(path`/connections/${id}`, context);
export const ownerOfDirectory = (id: string, context: ToolContext) =>
  ownerAt(path`/directories/${id}`, context);
export const ownerOfDirectoryUser = (id: string, context: ToolContext) =>
  ownerAt(path`/directory_users/${id}`, context);
export const ownerOfDirectoryGroup = (id: string, context: ToolContext) =>
  ownerAt(path`/directory_groups/${id}`, context);
export const ownerOfOrganizationDomain = (id: string, context: ToolContext) =>
  ownerAt(path`/organization_domains/${id}`, context);

/**
 * The owner of every id of these the call names: an id of another organization beside one of the pinned
 * organization's must not slip through as a filter, so when they differ the call has no one owner.
 */
export function ownerOf(
  lookups: Record<string, (id: string, context: ToolContext) => Promise<string | undefined>>,
) {
  return async (input: Record<string, unknown>, context: ToolContext): Promise<string | undefined> => {
    const owners = new Set<string | undefined>();
    for (const [param, lookup] of Object.entries(lookups)) {
      const id = input[param];
      if (typeof id === "string") owners.add(await lookup(id, context));
    }
    return owners.size === 1 ? [...owners][0] : undefined;
  };
}

export const ownerOfOrganizationMembership = (id: string, context: ToolContext) =>
  ownerAt(path`/user_management/organization_memberships/${id}`, context);
export const ownerOfInvitation = (id: string, context: ToolContext) =>
  ownerAt(path`/user_management/invitations/${id}`, context);

const ALL_STATUSES = "active,inactive,pending";

/**
 * A user is the pinned organization's only through an ACTIVE membership there: an inactive or pending one
 * (suspended, or invited and not yet joined) does not make the rest of the user reachable. With `sole`, the
 * user must also have no membership of any other organization (whatever its status): changing or deleting a
 * user changes them in every organization they belong to.
 */
async function ownerOfUserId(id: string, context: ToolContext, sole: boolean): Promise<string | undefined> {
  const pin = context.organization;
  if (pin === undefined) return undefined;
  const query = { user_id: id, statuses: ALL_STATUSES };
  let active = false;
  let elsewhere = false;
  for await (const m of context.client.items<{ organization_id: string; status: string }>(
    "/user_management/organization_memberships",
    { query, maxItems: 1000, signal: context.signal },
  )) {
    if (m.organization_id !== pin) elsewhere = true;
    else if (m.status === "active") active = true;
  }
  return active && !(sole && elsewhere) ? pin : undefined;
}

export const ownerOfUser = (id: string, context: ToolContext) => ownerOfUserId(id, context, false);

/**
 * The users whose membership of this organization is inactive or pending: WorkOS lists them among its users,
 * but they are not its own (see ownerOfUserId). Usually few, so one request.
 */
export async function inactiveMembers(organizationId: string, context: ToolContext): Promise<Set<string>> {
  const query = { organization_id: organizationId, statuses: "inactive,pending" };
  const ids = new Set<string>();
  for await (const m of context.client.items<{ user_id: string }>(
    "/user_management/organization_memberships",
    {
      query,
      maxItems: SCAN_LIMIT,
      signal: context.signal,
    },
  ))
    ids.add(m.user_id);
  return ids;
}

// What a model may do instead when a user tool is refused on a pinned server.
export const USER_HINT =
  "A user is the pinned organization's only while their membership there is active " +
  "(reactivate_organization_membership restores a suspended one).";
export const SOLE_USER_HINT =
  `${USER_HINT} Changing or deleting a user also needs them to belong to no other organization: ` +
  "their account is the same in all of them.";
export const SESSION_HINT = `${USER_HINT} Only sessions signed in to the pinned organization can be ended.`;
/** The pinned organization only when the user is an active member there and belongs to no other. */
export const soleOwnerOfUser = (id: string, context: ToolContext) => ownerOfUserId(id, context, true);

/**
 * A session is its organization's (WorkOS stamps the organization it was signed in to); one of no organization is
 * no one's. Its user must be the pinned organization's too. WorkOS has no way to read one session, so it is found
 * in its user's list; a session not there is left for the tool to report as not found.
 */
export async function ownerOfSession(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<string | undefined> {
  const { session_id: sessionId, user_id: userId } = input as { session_id: string; user_id: string };
  const owner = await ownerOfUser(userId, context);
  if (owner === undefined) return undefined;
  const sessions = context.client.items<{ id: string; organization_id?: string | null }>(
    path`/user_management/users/${userId}/sessions`,
    { maxItems: 1000, signal: context.signal },
  );
  for await (const session of sessions)
    if (session.id === sessionId) return session.organization_id ?? undefined;
  return owner;
}

/**
 * Whom a pinned server may add to its organization: an active member already, or someone with a pending
 * invitation to it (by their email). Anyone else belongs to another organization, or to none, and adding them
 * would make them, their sessions and their profile reachable from here.
 */
export async function ownerOfNewMember(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<string | undefined> {
  const pin = context.organization;
  const userId = input.user_id as string;
  if (pin === undefined || (await ownerOfUser(userId, context)) === pin) return pin;
  const { client, signal } = context;
  const { email } = await client.get<{ email: string }>(path`/user_management/users/${userId}`, { signal });
  const query = { organization_id: pin, email };
  for await (const invitation of client.items<{
    email: string;
    state: string;
    organization_id: string | null;
  }>("/user_management/invitations", { query, maxItems: 1000, signal })) {
    const forThem = invitation.email.toLowerCase() === email.toLowerCase();
    if (forThem && invitation.state === "pending" && invitation.organization_id === pin) return pin;
  }
  return undefined;
}
