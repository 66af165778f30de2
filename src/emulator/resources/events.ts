import { EVENT_TYPES } from "../../workos-vocabulary.js";
import { unprocessable } from "../errors.js";
import type { Resource } from "../resource.js";
import { listRoute } from "../resource-routes.js";
import { commaList } from "../validate.js";

export interface WorkOSEvent {
  object: "event";
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  /** Internal: used by the organization_id filter; never serialized. */
  organization_id: string | null;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

function parseTime(value: string | null, field: string): number | undefined {
  if (value === null || value === "") return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw unprocessable(`${field} must be an ISO-8601 date.`, [{ field, code: "invalid_date" }]);
  }
  return ms;
}

/** What every change emits; the server records them here (bounded) and delivers them to webhook endpoints. */
export const events: Resource<WorkOSEvent, never, "events"> = {
  name: "events",
  label: "Event",
  serialize: ({ organization_id: _org, ...rest }) => rest,
  routes: () => [
    listRoute(events, "/events", (req) => {
      const types = commaList(req.query, "events");
      const unknown = types?.filter((t) => !KNOWN_TYPES.has(t)) ?? [];
      if (unknown.length > 0) {
        throw unprocessable(`Unknown event type(s): ${unknown.join(", ")}.`, [
          { field: "events", code: "invalid_event_type" },
        ]);
      }
      const organizationId = req.query.get("organization_id");
      const start = parseTime(req.query.get("range_start"), "range_start");
      const end = parseTime(req.query.get("range_end"), "range_end");
      return (e) => {
        if (types && !types.includes(e.event)) return false;
        if (organizationId && e.organization_id !== organizationId) return false;
        const at = Date.parse(e.created_at);
        return (start === undefined || at >= start) && (end === undefined || at < end);
      };
    }),
  ],
};
