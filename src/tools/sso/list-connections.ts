import { z } from "zod";
import type { List } from "../../client/client.js";
import type { Connection } from "../../workos/connection.js";
import { defineTool, READ } from "../define.js";
import { namedConnection, namedConnectionSummary, withOrganizationNames } from "../organization-names.js";
import { listOf, page } from "../page.js";
import { connectionType, listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_connections",
  title: "List Connections",
  description:
    "List SSO connections, newest first, optionally for one organization, identity provider type, domain or name. " +
    "Use it to see how an organization signs in and whether its connection is active.",
  toolset: "sso",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only connections of this organization (org_…)."),
    connection_type: connectionType.optional(),
    domain: z.string().min(1).optional().describe("Only connections for this domain, e.g. acme.com."),
    search: z.string().min(1).optional().describe("Only connections whose name contains this text."),
    ...listParams,
  }),
  output: listOf(namedConnection),
  list: { noun: "SSO connection", ...namedConnectionSummary },
  finds: "connection_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) => {
    const connections = page(await client.get<List<Connection>>("/connections", { query, signal }));
    // Filtered by organization, its name would only repeat on every item what the call already named.
    if (query.organization_id !== undefined) return connections;
    return { ...connections, data: await withOrganizationNames(client, connections.data, signal) };
  },
});
