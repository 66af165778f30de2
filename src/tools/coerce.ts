import type { z } from "zod";

type Kind = "array" | "object" | "number" | "boolean" | "other";

/** The JSON kind a field expects, looking through optional, nullable, default and preprocess wrappers. */
function kindOf(schema: z.core.$ZodType): Kind {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; out?: z.core.$ZodType };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return def.innerType === undefined ? "other" : kindOf(def.innerType);
    case "pipe":
      return def.out === undefined ? "other" : kindOf(def.out);
    case "array":
    case "tuple":
      return "array";
    case "object":
    case "record":
      return "object";
    case "number":
    case "int":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "other";
  }
}

function coerce(kind: Kind, value: string): unknown {
  const text = value.trim();
  if (kind === "number") return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
  if (kind === "boolean") return text === "true" ? true : text === "false" ? false : value;
  const opener = kind === "array" ? "[" : "{";
  if (!text.startsWith(opener)) return value;
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

/**
 * Models often send an array or object as a JSON string, or a number as "10". Where the schema expects
 * that kind, the string is decoded before validation; anything else is left for the schema to reject.
 */
export function coerceArguments(input: z.ZodObject, args: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...args };
  for (const [key, value] of Object.entries(args)) {
    // Own keys only: shape["constructor"] is Object itself, not a field.
    const field = Object.hasOwn(input.shape, key) ? input.shape[key] : undefined;
    if (typeof value !== "string" || field === undefined) continue;
    const kind = kindOf(field);
    if (kind !== "other") result[key] = coerce(kind, value);
  }
  return result;
}
