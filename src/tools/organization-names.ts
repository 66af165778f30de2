import { z } from "zod";
import type { WorkOSClient } from "../client/client.js";
import { WorkOSError } from "../client/errors.js";
import { path } from "../client/path.js";
import { type Connection, connection, connectionSummary } from "../workos/connection.js";
import { type Invitation, invitation, invitationSummary } from "../workos/invitation.js";
import { optional } from "../workos/summary.js";
import { collect } from "./impact.js";
import { readable } from "./readable.js";

/** Up to this many organizations are looked up one GET each, at once; more take one walk of the list. */
const MAX_GETS = 10;
/** The walk stops here: an environment with more organizations leaves the rest of a page unnamed. */
const MAX_WALKED = 500;

interface Named {
  id: string;
  name: string;
}

/**
 * The names of the organizations a page of items belongs to, so a list can say "Acme Inc" and not only
 * org_…: one GET per distinct id up to MAX_GETS, else one walk of /organizations. An organization WorkOS no
 * longer has (deleted since) stays unnamed.
 */
export async function organizationNames(
  client: WorkOSClient,
  ids: Iterable<string | null | undefined>,
  signal: AbortSignal,
): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const id of ids) if (typeof id === "string" && id !== "") wanted.add(id);
  if (wanted.size === 0) return new Map();
  if (wanted.size > MAX_GETS) {
    const all = await collect(client.items<Named>("/organizations", { maxItems: MAX_WALKED, signal }));
    return new Map(all.filter((org) => wanted.has(org.id)).map((org) => [org.id, org.name]));
  }
  const found = await Promise.all(
    [...wanted].map(async (id) => {
      try {
        const org = await client.get<Named>(path`/organizations/${id}`, { signal });
        return typeof org.name === "string" ? [[id, org.name] as const] : [];
      } catch (error) {
        if (error instanceof WorkOSError && error.category === "not_found") return [];
        throw error;
      }
    }),
  );
  return new Map(found.flat());
}

/** The items with `organization_name` beside their `organization_id`, where it is known. */
export async function withOrganizationNames<Item extends { organization_id?: string | null | undefined }>(
  client: WorkOSClient,
  items: Item[],
  signal: AbortSignal,
): Promise<(Item & { organization_name?: string })[]> {
  const names = await organizationNames(
    client,
    items.map((item) => item.organization_id),
    signal,
  );
  return items.map((item) => {
    const name = item.organization_id == null ? undefined : names.get(item.organization_id);
    return name === undefined ? item : { ...item, organization_name: name };
  });
}

/** What a tool that names organizations adds to a WorkOS object, which names its organization only by id. */
export const withOrganizationName = {
  organization_name: z.string().optional().describe("The organization's name, looked up by this server."),
};

type WithOrganizationName<T> = T & { organization_name?: string | undefined };

const organizationName = [
  optional.string(),
  (item: WithOrganizationName<unknown>) => item.organization_name,
] as const;

/** A connection or invitation as the tools that name its organization return it, and their summaries. */
export const namedConnection = readable(connection).extend(withOrganizationName);
export const namedInvitation = readable(invitation).extend(withOrganizationName);
export const namedConnectionSummary = connectionSummary.with<WithOrganizationName<Connection>>({
  organization_name: organizationName,
});
export const namedInvitationSummary = invitationSummary.with<WithOrganizationName<Invitation>>({
  organization_name: organizationName,
});
