import { z } from "zod";

// A tool reads what WorkOS answers through the model's schema (src/workos), and lists that schema to clients,
// with two differences:
// - an enum of the spec is open here: WorkOS adds values (a new identity provider, a new sign-in method) before
//   the vendored spec knows them, and a tool that refused an answer for that would fail a sound call;
// - a field the spec calls deprecated is not listed: WorkOS still sends it and it passes through (every object
//   is loose), but no client is told to rely on it, and no token is spent on describing it.

/** The most values an open enum lists in its description; a longer enum keeps only its own (its examples). */
const LISTED = 10;

export type Readable<S> = S extends z.ZodEnum
  ? z.ZodString
  : S extends z.ZodOptional<infer Inner>
    ? z.ZodOptional<Readable<Inner>>
    : S extends z.ZodNullable<infer Inner>
      ? z.ZodNullable<Readable<Inner>>
      : S extends z.ZodArray<infer Item>
        ? z.ZodArray<Readable<Item>>
        : S extends z.ZodObject<infer Shape, infer Config>
          ? z.ZodObject<{ -readonly [K in keyof Shape]: Readable<Shape[K]> }, Config>
          : S;

/** An object as a tool reads it from WorkOS: the model's type with every enum a string. */
export type Read<S extends z.ZodObject> = z.infer<Readable<S>>;

/** The enum as a string, its values in its description (they say what to expect, not what is allowed). */
function openEnum(schema: z.ZodEnum): z.ZodString {
  const values = schema.options.map(String);
  const own = schema.description;
  const listed = values.length <= LISTED ? `One of ${values.join(", ")}.` : undefined;
  const description = [own, listed].filter((part) => part !== undefined).join(" ");
  return description === "" ? z.string() : z.string().describe(description);
}

function open(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodEnum) return openEnum(schema);
  const rebuilt = rebuild(schema);
  if (rebuilt === schema) return schema;
  const description = schema.description;
  return description === undefined ? rebuilt : rebuilt.describe(description);
}

function rebuild(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional) return open(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return open(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodArray) return z.array(open(schema.element as z.ZodType));
  if (schema instanceof z.ZodObject) return readable(schema);
  return schema;
}

/** Whether the field, or what its optional or nullable wraps, carries the model's deprecated mark. */
function deprecated(schema: z.ZodType): boolean {
  if (schema.meta()?.deprecated === true) return true;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return deprecated(schema.unwrap() as z.ZodType);
  return false;
}

/**
 * The model's schema as the tools read and list it: every enum in it, at any depth, open (a string, its values
 * named in the description), and the deprecated fields left unlisted. The type says so (an enum is a string);
 * it keeps the deprecated fields, which the object still carries.
 */
export function readable<S extends z.ZodObject>(schema: S): Readable<S> {
  const shape = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => !deprecated(field))
    .map(([name, field]) => [name, open(field)]);
  return z.looseObject(Object.fromEntries(shape)) as unknown as Readable<S>;
}
