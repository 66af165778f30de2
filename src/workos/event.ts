import { z } from "zod";
import { EVENT_TYPES } from "../workos-vocabulary.js";
import { idField } from "./id.js";

export const EVENT_ID_PREFIX = "event";

/** Something that happened in the environment, with the object it is about as it was then (the spec's EventSchema). */
export const event = z.looseObject({
  object: z.literal("event"),
  id: idField(EVENT_ID_PREFIX, "event"),
  event: z.enum(EVENT_TYPES).describe("The event type, e.g. dsync.user.updated."),
  data: z.record(z.string(), z.unknown()).describe("The object the event is about, as it was then."),
  context: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string(),
});

export type Event = z.infer<typeof event>;

/** The organization an event names by id: its object's, or the one nested in a connection, domain or user. */
export function organizationOfEvent(item: Pick<Event, "data">): string | undefined {
  for (const holder of [item.data, item.data.connection, item.data.organization_domain, item.data.user]) {
    const id = (holder as { organization_id?: unknown } | null | undefined)?.organization_id;
    if (typeof id === "string" && id !== "") return id;
  }
  return undefined;
}
