import { z } from "zod";
import type { List } from "../../client/client.js";
import { eventDetail } from "../../webhooks/summary.js";
import { type Event, event, organizationOfEvent } from "../../workos/event.js";
import { defineSummary, optional } from "../../workos/summary.js";
import { EVENT_TYPES } from "../../workos-vocabulary.js";
import { defineTool, READ } from "../define.js";
import { organizationNames, withOrganizationName } from "../organization-names.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId, timestamp } from "../params.js";

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);

// A string checked here: the enum of 110 types would cost every turn hundreds of tokens.
const eventType = z.string().refine((type) => KNOWN.has(type), {
  error: "not a WorkOS event type, e.g. dsync.user.updated, connection.activated or organization.updated",
});

/** An event as this tool returns it: with the name of the organization it names, where one is known. */
type NamedEvent = Event & { organization_name?: string | undefined };

const eventSummary = defineSummary<NamedEvent>({
  id: [z.string(), (item) => item.id],
  event: [optional.string(), (item) => item.event],
  created_at: [optional.string(), (item) => item.created_at],
  summary: [
    optional.string("What the event concerns, in one line."),
    (item) => {
      const organization = organizationOfEvent(item);
      return eventDetail(item.event, item.data, {
        context: item.context,
        organizationName: (id) => (id === organization ? item.organization_name : undefined),
      });
    },
  ],
});

export default defineTool({
  name: "list_events",
  title: "List Events",
  description:
    "List what changed in WorkOS, newest first: directory syncs, SSO connections, organizations, domains and more, " +
    "optionally for one organization, event types or time range. Each event has a one-line summary of what " +
    "changed; the result says the current time, for ranges like the last 24 hours.",
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
    range_start: timestamp
      .optional()
      .describe("Only events at or after this time (each result says the time now)."),
    range_end: timestamp.optional().describe("Only events before this time."),
    ...listParams,
  }),
  output: listOf(event.extend(withOrganizationName)),
  list: { noun: "event", ...eventSummary },
  annotations: READ,
  notes: () => [`It is now ${new Date().toISOString()} by this server's clock; event times are UTC.`],
  handler: async ({ detail: _, ...query }, { client, signal }) => {
    const events = page(await client.get<List<Event>>("/events", { query, signal }));
    // Filtered by organization, its name would only repeat on every line what the call already named.
    if (query.organization_id !== undefined) return events;
    const names = await organizationNames(client, events.data.map(organizationOfEvent), signal);
    return {
      ...events,
      data: events.data.map((item) => {
        const organization = organizationOfEvent(item);
        const name = organization === undefined ? undefined : names.get(organization);
        return name === undefined ? item : { ...item, organization_name: name };
      }),
    };
  },
});
