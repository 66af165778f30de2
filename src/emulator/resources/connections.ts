import { z } from "zod";
import type { Connection } from "../../workos/connection.js";
import { CONNECTION_DOMAIN_ID_PREFIX, CONNECTION_ID_PREFIX, connection } from "../../workos/connection.js";
import { CONNECTION_STATES, CONNECTION_TYPES } from "../../workos-vocabulary.js";
import { unprocessable } from "../errors.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { byCreation, oneOf, requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, getRoute, listRoute } from "../resource-routes.js";
import { contains } from "../validate.js";
import { organizations } from "./organizations.js";

/** A connection as the emulator stores it: the wire object less its deprecated `status`, which follows `state`. */
export type StoredConnection = Omit<Stored<Connection>, "status">;

const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  connection_type: oneOf(CONNECTION_TYPES),
  name: z.string().optional(),
  state: oneOf(CONNECTION_STATES),
  /** Default: the organization's verified domains. */
  domains: z.array(z.union([z.string(), z.object({ id: seedId, domain: z.string() })])).optional(),
  ...seedTimestamps,
});

export type SeedConnection = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedConnection[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const org = loader.store.of(organizations).get(s.organization_id);
    const domainList =
      s.domains ?? org?.domains.filter((d) => d.state === "verified").map((d) => d.domain) ?? [];
    loader.store.of(connections).insert({
      object: "connection",
      id: s.id ?? loader.fixedId(CONNECTION_ID_PREFIX, at),
      organization_id: s.organization_id,
      connection_type: s.connection_type ?? "GenericSAML",
      name: s.name ?? org?.name ?? "Connection",
      state: s.state ?? "active",
      domains: domainList.map((d) => ({
        object: "connection_domain",
        id: (typeof d === "string" ? undefined : d.id) ?? loader.fixedId(CONNECTION_DOMAIN_ID_PREFIX, at),
        domain: typeof d === "string" ? d : d.domain,
      })),
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

/** Event payloads have no domains and say draft where the REST object says requires_type. */
function eventData(conn: StoredConnection): Record<string, unknown> {
  const { domains: _domains, ...rest } = conn;
  return { ...rest, state: conn.state === "requires_type" ? "draft" : conn.state };
}

/** The filter enum spells GithubOAuth where objects say GitHubOAuth, so match case-insensitively. */
function resolveConnectionType(raw: string): string {
  const match = CONNECTION_TYPES.find((t) => t.toLowerCase() === raw.toLowerCase());
  if (!match) {
    throw unprocessable(`connection_type "${raw}" is not a valid connection type.`, [
      { field: "connection_type", code: "invalid_connection_type" },
    ]);
  }
  return match;
}

export const connections: Resource<StoredConnection, SeedConnection, "connections"> = {
  name: "connections",
  label: "Connection",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  model: connection,
  serialize: (conn) => ({
    ...conn,
    status: conn.state === "active" ? "linked" : "unlinked",
    domains: conn.domains.map((d) => ({ ...d })),
  }),
  deleted: (conn) => ({
    type: "connection.deleted",
    data: eventData(conn),
    organizationId: conn.organization_id ?? null,
  }),
  routes: () => [
    listRoute(connections, "/connections", (req) => {
      const rawType = req.query.get("connection_type");
      const type = rawType ? resolveConnectionType(rawType) : undefined;
      const domain = req.query.get("domain")?.toLowerCase();
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search");
      return (c) =>
        (!type || c.connection_type === type) &&
        (!domain || c.domains.some((d) => d.domain.toLowerCase() === domain)) &&
        (!organizationId || c.organization_id === organizationId) &&
        (!search || contains(c.name, search));
    }),
    getRoute(connections, "/connections"),
    deleteRoute(connections, "/connections", 204),
  ],
};
