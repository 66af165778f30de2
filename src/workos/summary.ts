import { z } from "zod";

/** One field of a summary: its schema as the summary declares it, and how it is read from the object. */
export type SummaryField<T> = readonly [schema: z.ZodType, read: (value: T) => unknown];

/**
 * A summary of one kind of object: the facts a person asks about it, in the fewest tokens. `summary` is the
 * schema of what `project` returns; both come from one list of fields, so they cannot disagree.
 */
export interface Summary<T> {
  readonly summary: z.ZodObject;
  project(value: T): Record<string, unknown>;
  /** The summary with more fields (e.g. what a reader adds to the object), read from a wider object. */
  with<U extends T>(fields: Readonly<Record<string, SummaryField<U>>>): Summary<U>;
}

/** A summary from its fields, in the order they are listed. */
export function defineSummary<T>(fields: Readonly<Record<string, SummaryField<T>>>): Summary<T> {
  const entries = Object.entries(fields);
  return {
    summary: z.looseObject(Object.fromEntries(entries.map(([name, [schema]]) => [name, schema]))),
    project: (value) => Object.fromEntries(entries.map(([name, [, read]]) => [name, read(value)])),
    with: <U extends T>(more: Readonly<Record<string, SummaryField<U>>>) =>
      defineSummary<U>({ ...(fields as Readonly<Record<string, SummaryField<U>>>), ...more }),
  };
}

/** An optional field of a summary: what is empty is left out of it. */
export const optional = {
  string: (description?: string) => withDescription(z.string().optional(), description),
  boolean: (description?: string) => withDescription(z.boolean().optional(), description),
};

function withDescription<S extends z.ZodType>(schema: S, description: string | undefined): S {
  return description === undefined ? schema : schema.describe(description);
}
