import { notFound, unprocessable } from "../errors.js";
import { CONNECTION_TYPES } from "../models.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Route } from "../router.js";
import { serializeConnection } from "../serialize.js";
import type { EmulatorContext } from "../state.js";
import { contains } from "../validate.js";
import { deleteConnection } from "./cascade.js";

function findConnection(ctx: EmulatorContext, id: string) {
  const conn = ctx.store.connections.get(id);
  if (!conn) throw notFound(`Connection not found: '${id}'.`);
  return conn;
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

export const ssoRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/connections",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const rawType = req.query.get("connection_type");
      const type = rawType ? resolveConnectionType(rawType) : undefined;
      const domain = req.query.get("domain")?.toLowerCase();
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search");
      const entries = ctx.store.connections
        .entries()
        .filter(
          ({ value: c }) =>
            (!type || c.connection_type === type) &&
            (!domain || c.domains.some((d) => d.domain.toLowerCase() === domain)) &&
            (!organizationId || c.organization_id === organizationId) &&
            (!search || contains(c.name, search)),
        );
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, serializeConnection),
      };
    },
  },
  {
    method: "GET",
    pattern: "/connections/:id",
    handler: (req, ctx) => ({
      status: 200,
      body: serializeConnection(findConnection(ctx, req.params.id ?? "")),
    }),
  },
  {
    method: "DELETE",
    pattern: "/connections/:id",
    handler: (req, ctx) => {
      deleteConnection(ctx, findConnection(ctx, req.params.id ?? ""));
      return { status: 204 };
    },
  },
];
