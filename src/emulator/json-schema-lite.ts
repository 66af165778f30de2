import { isRecord } from "./validate.js";

// WorkOS validates Audit Log metadata against the JSON Schemas an action's schema holds. The emulator checks
// the part of JSON Schema those schemas use (type, properties, required, additionalProperties, enum, items),
// enough for a wrong type or a missing field to be refused as WorkOS refuses it; other keywords are ignored.

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number",
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === "boolean",
  object: isRecord,
  array: Array.isArray,
  null: (v) => v === null,
};

/** The JSON pointers (Ajv's `instancePath`) at which `value` breaks `schema`; empty when it holds. */
export function schemaViolations(schema: unknown, value: unknown, path = ""): string[] {
  if (!isRecord(schema)) return [];
  const types =
    typeof schema.type === "string" ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  if (types.length > 0 && !types.some((t) => TYPE_CHECKS[String(t)]?.(value) ?? true)) return [path];
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) return [path];
  const found: string[] = [];
  if (isRecord(value)) {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (typeof key === "string" && !(key in value)) found.push(`${path}/${key}`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key in properties) found.push(...schemaViolations(properties[key], child, `${path}/${key}`));
      else if (schema.additionalProperties === false) found.push(`${path}/${key}`);
    }
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    value.forEach((item, i) => {
      found.push(...schemaViolations(schema.items, item, `${path}/${i}`));
    });
  }
  return found;
}
