import { z } from "zod";
import type { Event } from "../workos/event.js";
import type { Route } from "./router.js";
import type { EmulatorStore } from "./store.js";

/**
 * A src/workos type as the emulator stores it: its named fields, without the index signature its loose schema
 * gives it (so Omit and Pick keep the names, and a misspelt field is an error).
 */
export type Stored<Wire> = { [K in keyof Wire as string extends K ? never : K]: Wire[K] };

/** An event a change emits: its type, its `data` and the organization the events filter knows it by. */
export interface EmittedEvent {
  type: Event["event"];
  data: Record<string, unknown>;
  organizationId: string | null;
  /** The event's `context`, e.g. an update's `previous_attributes`. */
  context?: Record<string, unknown>;
}

/** What a resource's seed loader gets: the store so far, and the clock and id source shared by all resources. */
export interface SeedLoader {
  readonly store: EmulatorStore;
  /** The next seed timestamp: seeded objects are a minute apart, in load order. */
  stamp(): string;
  /** The emulator's clock when the seed is (re)loaded, for entries dated relative to it. */
  now(): number;
  /** A deterministic id minted at `at`, numbered across the whole seed so reloading gives the same ids. */
  fixedId(prefix: string, at: string): string;
}

/** The whole seed, read by the entries of one resource. */
export interface SeedLookup {
  entries<S>(resource: Resource<{ id: string }, S>): readonly S[];
  /** Whether any entry of the seed has this explicit id. */
  has(id: string): boolean;
}

export interface SeedSpec<Entry> {
  /** One entry's shape; its messages complete `<collection>[i] (id "..."): "<field>" ...`. */
  readonly entry: z.ZodType<unknown, Entry>;
  /** A check across resources beyond `parents`; returns what is wrong, if anything. */
  check?(entry: Entry, seed: SeedLookup): string | undefined;
  /** Adds the (validated) entries to the store. */
  load(entries: readonly Entry[], loader: SeedLoader): void;
}

/**
 * Everything about one WorkOS resource in the emulator. The store, the seed loader and the router iterate
 * the list in resources/index.ts, so a new resource is one module plus one line there, over its model file in
 * src/workos (docs/emulator.md, "Adding a resource").
 */
export interface Resource<
  Model extends { id: string } = { id: string },
  Entry = unknown,
  Name extends string = string,
> {
  /** The seed file's key and the collection's name, e.g. "directory_users". */
  readonly name: Name;
  /** How a 404 names it: "<label> not found: '<id>'." */
  readonly label: string;
  /**
   * Fields holding a parent's id, by the parent resource's name: a seed entry must name a seeded parent, and
   * deleting the parent deletes this object first (in list order, each with its own event).
   */
  readonly parents?: Readonly<Record<string, string>>;
  readonly seed?: SeedSpec<Entry>;
  /** Its endpoints; a function so they can name the resource they belong to. */
  routes?(): readonly Route[];
  /**
   * The schema in src/workos of what it serializes; test/emulator/model.test.ts holds every served object to
   * it. Left out only by what serves no object of its own: emulator configuration (DNS records), internal stores
   * of codes and pending flows (authorization codes, password hashes), and routes-only resources.
   */
  readonly model?: z.ZodType;
  /** The WorkOS wire shape. */
  serialize?(value: Model, store: EmulatorStore): Record<string, unknown>;
  /** The event its deletion emits, if any. */
  deleted?(value: Model): EmittedEvent;
}

const REQUIRED = "is required and must be a non-empty string";

/** A string field a seed entry must have. */
export function requiredString() {
  return z.string({ error: REQUIRED }).min(1, { error: REQUIRED });
}

/** An optional field limited to one of WorkOS's values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional();
}

/** The optional explicit id every seed entry may carry. */
export const seedId = z
  .string({ error: "must be a string" })
  .min(1, { error: "must be a string" })
  .optional();

/** A JSON object of anything (raw_attributes, custom_attributes). */
export const anyObject = z.record(z.string(), z.unknown(), { error: "must be an object" });

/** When a seeded object was made and last changed; both default to its seed stamp. */
export const seedTimestamps = {
  created_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
  updated_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
};

/** Seed entries in creation order; those without created_at come first and are stamped in seed order. */
export function byCreation<T extends { created_at?: string | undefined }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.created_at ?? "").localeCompare(b.created_at ?? ""));
}

/** The wire shape of one object; a resource without a serializer is sent as stored. */
export function toWire<T extends { id: string }>(
  resource: Resource<T>,
  value: T,
  store: EmulatorStore,
): Record<string, unknown> {
  return resource.serialize ? resource.serialize(value, store) : { ...value };
}
