import { z } from "zod";
import type { List } from "../../client/client.js";
import { EVENT_TYPES } from "../../workos-vocabulary.js";
import { defineTool, READ } from "../define.js";
import { event, eventSummary, listOf, summarizeEvent, type WorkOSEvent } from "../objects.js";
import { page } from "../page.js";
import { listParams, organizationId } from "../params.js";

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);

// A string checked here: the enum of 110 types would cost every turn hundreds of tokens.
const eventType = z.string().refine((type) => KNOWN.has(type), {
  error: "not a WorkOS event type, e.g. dsync.user.updated, connection.activated or organization.updated",
});

// Checked here too: zod's ISO pattern would add some 150 tokens to each listed field.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const timestamp = z.string().refine((value) => ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)), {
  error: "must be an ISO-8601 time, e.g. 2025-01-31T00:00:00Z",
});

export default defineTool({
  name: "list_events",
  title: "List Events",
  description:
    "List what changed in WorkOS, newest first: directory syncs, SSO connections, organizations, domains and more, " +
    "optionally for one organization, event types or time range. Each event has a one-line summary.",
  toolset: "events",
  organization: { param: "organization_id" },
  input: z.strictObject({
    events: z
      .array(eventType)
      .min(1)
      .max(50)
      .optional()
      .describe('Only these types, e.g. ["dsync.user.updated"].'),
    organization_id: organizationId.optional().describe("Only this organization's events (org_…)."),
    range_start: timestamp.optional().describe("Only events at or after this time."),
    range_end: timestamp.optional().describe("Only events before this time."),
    ...listParams,
  }),
  output: listOf(event),
  list: { noun: "event", summary: eventSummary, project: summarizeEvent },
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<WorkOSEvent>>("/events", { query, signal })),
});
