import { z } from "zod";
import { path } from "../../client/path.js";
import { connection } from "../../workos/connection.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfConnection } from "../owners.js";
import { connectionId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_connection",
  title: "Get Connection",
  description:
    "Fetch one SSO connection by id: its identity provider type, state, domains and organization. " +
    "Use list_connections to find the id.",
  toolset: "sso",
  organization: { owner: ownerOf({ connection_id: ownerOfConnection }) },
  input: z.strictObject({
    connection_id: connectionId.describe("The SSO connection id (conn_…)."),
  }),
  output: readable(connection),
  resource: {
    uriTemplate: "workos://connections/{connection_id}",
    name: "connection",
    description: "A WorkOS SSO connection: its identity provider type, state, organization and domains.",
  },
  annotations: READ,
  handler: ({ connection_id }, { client, signal }) =>
    client.get(path`/connections/${connection_id}`, { signal }),
});
