import { path } from "../client/path.js";
import type { ToolContext } from "./define.js";

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

/** The owner of the first of these ids the call names, in the order given: the object the call is about. */
export function ownerOf(
  lookups: Record<string, (id: string, context: ToolContext) => Promise<string | undefined>>,
) {
  return async (input: Record<string, unknown>, context: ToolContext): Promise<string | undefined> => {
    for (const [param, lookup] of Object.entries(lookups)) {
      const id = input[param];
      if (typeof id === "string") return lookup(id, context);
    }
    return undefined;
  };
}

export const ownerOfOrganizationMembership = (id: string, context: ToolContext) =>
  ownerAt(path`/user_management/organization_memberships/${id}`, context);
export const ownerOfInvitation = (id: string, context: ToolContext) =>
  ownerAt(path`/user_management/invitations/${id}`, context);

const ALL_STATUSES = "active,inactive,pending";

/**
 * A user belongs to every organization it has a membership of (any status), so it is "in" the pinned one when
 * one of its memberships is there. With `only`, every membership must be there: deleting a user reaches all
 * its organizations.
 */
async function ownerOfUserId(id: string, context: ToolContext, only: boolean): Promise<string | undefined> {
  const pin = context.organization;
  if (pin === undefined) return undefined;
  const query = { user_id: id, statuses: ALL_STATUSES };
  const organizations = new Set<string>();
  for await (const m of context.client.items<{ organization_id: string }>(
    "/user_management/organization_memberships",
    { query, maxItems: 1000, signal: context.signal },
  ))
    organizations.add(m.organization_id);
  const inPin = organizations.has(pin);
  return inPin && (!only || organizations.size === 1) ? pin : undefined;
}

export const ownerOfUser = (id: string, context: ToolContext) => ownerOfUserId(id, context, false);
/** The pinned organization only when the user belongs to no other. */
export const soleOwnerOfUser = (id: string, context: ToolContext) => ownerOfUserId(id, context, true);
