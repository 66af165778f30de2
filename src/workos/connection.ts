import { z } from "zod";
import { CONNECTION_STATES, CONNECTION_STATUSES, CONNECTION_TYPES } from "../workos-vocabulary.js";
import { DEPRECATED, idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const CONNECTION_ID_PREFIX = "conn";
export const CONNECTION_DOMAIN_ID_PREFIX = "conn_domain";

/** An SSO connection: how an organization's people sign in through their identity provider (the spec's Connection). */
export const connection = z.looseObject({
  object: z.literal("connection"),
  id: idField(CONNECTION_ID_PREFIX, "connection"),
  organization_id: z.string().optional(),
  connection_type: z
    .enum(CONNECTION_TYPES)
    .describe("The identity provider protocol, e.g. OktaSAML or GoogleOAuth."),
  name: z.string(),
  state: z.enum(CONNECTION_STATES),
  status: z.enum(CONNECTION_STATUSES).meta(DEPRECATED),
  domains: z.array(
    z.looseObject({ object: z.literal("connection_domain"), id: z.string(), domain: z.string() }),
  ),
  ...timestamps,
});

export type Connection = z.infer<typeof connection>;

export const connectionSummary = defineSummary<Connection>({
  id: [z.string(), (conn) => conn.id],
  name: [optional.string(), (conn) => conn.name],
  connection_type: [optional.string(), (conn) => conn.connection_type],
  state: [optional.string(), (conn) => conn.state],
  organization_id: [optional.string(), (conn) => conn.organization_id],
  domains: [z.array(z.string()).optional(), (conn) => conn.domains.map(({ domain }) => domain)],
});
