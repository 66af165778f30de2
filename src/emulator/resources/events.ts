import { z } from "zod";
import { EVENT_ID_PREFIX, type Event, event as eventSchema } from "../../workos/event.js";
import { EVENT_TYPES } from "../../workos-vocabulary.js";
import { unprocessable } from "../errors.js";
import { isoTime } from "../ids.js";
import type { Resource, SeedLoader, SeedLookup, Stored } from "../resource.js";
import { anyObject, seedId, toWire } from "../resource.js";
import { listRoute } from "../resource-routes.js";
import type { EmulatorStore } from "../store.js";
import { commaList } from "../validate.js";

/** An event as the emulator stores it: the wire object, and the organization the events filter knows it by. */
export type StoredEvent = Stored<Event> & {
  /** Internal: used by the organization_id filter; never serialized. */
  organization_id: string | null;
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

const AGO = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

const seedEntry = z
  .object({
    id: seedId,
    event: z.enum(EVENT_TYPES, { error: "must be a WorkOS event type" }),
    /** The payload as WorkOS sends it (the object the event is about). */
    data: anyObject.optional(),
    /** The id of a seeded object: data is that object as the API serves it, then `data`'s fields over it. */
    about: z.string({ error: "must be the id of a seeded object" }).optional(),
    /** Default: data.organization_id, or data.id for organization.* events. */
    organization_id: z.string({ error: "must be a string" }).nullable().optional(),
    created_at: z.iso.datetime({ error: "must be an ISO-8601 timestamp" }).optional(),
    /** How long before the emulator (re)loads the seed it happened, e.g. "1d2h" or "45m"; instead of created_at. */
    ago: z
      .string()
      .regex(AGO, { error: 'must be a duration such as "1d", "26h" or "1d2h30m"' })
      .refine((v) => v !== "", { error: 'must be a duration such as "1d", "26h" or "1d2h30m"' })
      .optional(),
  })
  .refine((e) => e.created_at === undefined || e.ago === undefined, {
    path: ["ago"],
    error: "cannot be given with created_at",
  });

export type SeedEvent = z.input<typeof seedEntry>;

function agoMs(ago: string): number {
  const [, d = "0", h = "0", m = "0"] = AGO.exec(ago) ?? [];
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000;
}

/** The organization the events filter knows an event by. */
function organizationOf(type: string, data: Record<string, unknown>): string | null {
  if (typeof data.organization_id === "string") return data.organization_id;
  if (type.startsWith("organization.") && typeof data.id === "string") return data.id;
  return null;
}

function checkAbout(entry: SeedEvent, seed: SeedLookup): string | undefined {
  if (entry.about === undefined || seed.has(entry.about)) return undefined;
  return `about "${entry.about}" does not match the id of any seeded object`;
}

/** A seeded object as the API serves it, found in whichever collection holds it. */
function wireOf(store: EmulatorStore, id: string): Record<string, unknown> {
  for (const resource of store.resources) {
    const value = store.of(resource).get(id);
    if (value !== undefined) return toWire(resource, value, store);
  }
  return {};
}

function loadSeed(entries: readonly SeedEvent[], loader: SeedLoader): void {
  const now = loader.now();
  const dated = entries.map((e) => ({
    e,
    at: e.created_at ?? (e.ago === undefined ? loader.stamp() : isoTime(now - agoMs(e.ago))),
  }));
  // Events are listed in the order they happened, whatever order the seed gives them in.
  for (const { e, at } of dated.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const data = { ...(e.about === undefined ? {} : wireOf(loader.store, e.about)), ...e.data };
    loader.store.of(events).insert({
      object: "event",
      id: e.id ?? loader.fixedId(EVENT_ID_PREFIX, at),
      event: e.event,
      data,
      created_at: new Date(at).toISOString(),
      organization_id: e.organization_id === undefined ? organizationOf(e.event, data) : e.organization_id,
    });
  }
}

function parseTime(value: string | null, field: string): number | undefined {
  if (value === null || value === "") return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw unprocessable(`${field} must be an ISO-8601 date.`, [{ field, code: "invalid_date" }]);
  }
  return ms;
}

/**
 * What every change emits; the server records them here (bounded) and delivers them to webhook endpoints. A
 * seed may give a history of past events (delivered to no one), dated absolutely or relative to start-up.
 */
export const events: Resource<StoredEvent, SeedEvent, "events"> = {
  name: "events",
  label: "Event",
  seed: { entry: seedEntry, check: checkAbout, load: loadSeed },
  model: eventSchema,
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
