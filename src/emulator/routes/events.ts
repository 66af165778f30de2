import { unprocessable } from "../errors.js";
import { EVENT_TYPES } from "../events.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Route } from "../router.js";
import { serializeEvent } from "../serialize.js";
import { commaList } from "../validate.js";

function parseTime(value: string | null, field: string): number | undefined {
  if (value === null || value === "") return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw unprocessable(`${field} must be an ISO-8601 date.`, [{ field, code: "invalid_date" }]);
  }
  return ms;
}

export const eventRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/events",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const types = commaList(req.query, "events");
      const unknown = types?.filter((t) => !EVENT_TYPES.has(t)) ?? [];
      if (unknown.length > 0) {
        throw unprocessable(`Unknown event type(s): ${unknown.join(", ")}.`, [
          { field: "events", code: "invalid_event_type" },
        ]);
      }
      const organizationId = req.query.get("organization_id");
      const start = parseTime(req.query.get("range_start"), "range_start");
      const end = parseTime(req.query.get("range_end"), "range_end");
      const entries = ctx.store.events.entries().filter(({ value: e }) => {
        if (types && !types.includes(e.event)) return false;
        if (organizationId && e.organization_id !== organizationId) return false;
        const at = Date.parse(e.created_at);
        return (start === undefined || at >= start) && (end === undefined || at < end);
      });
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, serializeEvent),
      };
    },
  },
];
