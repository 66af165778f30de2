import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { AnyTool } from "../tools/define.js";
import { pinnedParam } from "./pin.js";

/** The schema of the view a tool's results take (see ModelView): what structuredContent holds. */
export function viewSchema(tool: AnyTool): z.ZodObject {
  return z.object({
    summary: z.string().describe("The result in one line."),
    notes: z.array(z.string()).optional().describe("What to heed with this result."),
    data: dataSchema(tool),
    next: z
      .object({ tool: z.string(), arguments: z.record(z.string(), z.unknown()) })
      .optional()
      .describe("The exact call for the next page; absent on the last page."),
  });
}

function dataSchema(tool: AnyTool): z.ZodType {
  if (tool.list === undefined) {
    // Any field may be left out: nulls say nothing, and an object over the budget is cut field by field.
    return nestedNullsDropped(tool.output).partial();
  }
  const item = (tool.output.shape.data as z.ZodArray<z.ZodObject>).element;
  return z
    .array(z.union([tool.list.summary, nestedNullsDropped(item).partial()]))
    .describe('The items: their key facts by default, whole WorkOS objects with detail: "full".');
}

/**
 * The object with a nullable field of any object inside it optional instead: the view drops nulls at every
 * depth (visibleData), so a nested object WorkOS sent with a null arrives without that field.
 */
function nestedNullsDropped(schema: z.ZodObject): z.ZodObject {
  return schema.extend(
    Object.fromEntries(
      Object.entries(schema.shape).map(([name, field]) => [name, nested(field as z.ZodType)]),
    ),
  );
}

function nested(schema: z.ZodType): z.ZodType {
  const rebuilt = nestedRebuilt(schema);
  if (rebuilt === schema || schema.description === undefined) return rebuilt;
  return rebuilt.describe(schema.description);
}

function nestedRebuilt(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = nested(schema.unwrap() as z.ZodType);
    return inner === schema.unwrap()
      ? schema
      : schema instanceof z.ZodOptional
        ? inner.optional()
        : inner.nullable();
  }
  if (schema instanceof z.ZodArray) {
    const element = nested(schema.element as z.ZodType);
    return element === schema.element ? schema : z.array(element);
  }
  if (schema instanceof z.ZodObject) return nullsDropped(schema);
  return schema;
}

/** An object inside the data: each nullable field optional and never null, at any depth. */
function nullsDropped(schema: z.ZodObject): z.ZodObject {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>);
  if (!fields.some(([, field]) => hasNull(field)) && fields.every(([, field]) => nested(field) === field))
    return schema;
  return schema.extend(
    Object.fromEntries(
      fields.map(([name, field]) => [name, hasNull(field) ? withoutNull(field).optional() : nested(field)]),
    ),
  );
}

function hasNull(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodNullable) return true;
  return schema instanceof z.ZodOptional && hasNull(schema.unwrap() as z.ZodType);
}

/** The field's schema without its null (and without optional, which the caller adds back), its description kept. */
function withoutNull(schema: z.ZodType): z.ZodType {
  const inner = nested(
    schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
      ? withoutNull(schema.unwrap() as z.ZodType)
      : schema,
  );
  return schema.description === undefined ? inner : inner.describe(schema.description);
}

// Built on first listing and kept: a stateless HTTP server makes a Server per request.
const definitions = { free: new WeakMap<AnyTool, Tool>(), pinned: new WeakMap<AnyTool, Tool>() };

/**
 * The tool as tools/list gives it. On a server pinned to one organization the parameter the pin fills in
 * is left out: the model cannot get it wrong, and reads less.
 */
export function describeTool(tool: AnyTool, pinned = false): Tool {
  const cache = pinned ? definitions.pinned : definitions.free;
  let definition = cache.get(tool);
  if (definition === undefined) {
    const param = pinned ? pinnedParam(tool) : undefined;
    definition = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: without(jsonSchema(tool.input, "input"), param) as Tool["inputSchema"],
      outputSchema: jsonSchema(viewSchema(tool), "output") as Tool["outputSchema"],
      annotations: { title: tool.title, ...tool.annotations },
    };
    cache.set(tool, definition);
  }
  return definition;
}

// Left out of the JSON Schema rather than with zod's omit, which refuses a refined object ("give this or that").
function without(schema: Record<string, unknown>, param: string | undefined): Record<string, unknown> {
  if (param === undefined) return schema;
  const { [param]: _, ...properties } = schema.properties as Record<string, unknown>;
  const required = ((schema.required as string[] | undefined) ?? []).filter((name) => name !== param);
  const { required: __, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  // draft-07 is what the widest range of MCP clients validate against.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-7", unrepresentable: "any" });
  return lean(rest) as Record<string, unknown>;
}

/**
 * Every listed input schema is read by the model on every turn, so what says nothing to it is dropped: open
 * objects' `additionalProperties: {}`, records' `propertyNames: {type: string}`, and regex patterns (an id's
 * prefix is in its description; the server checks every value with zod and says in words what is wrong).
 */
function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (typeof node !== "object" || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const empty = typeof value === "object" && value !== null && Object.keys(value).length === 0;
    if (key === "additionalProperties" && empty) continue;
    if (key === "propertyNames" && (value as { type?: unknown }).type === "string") continue;
    if (key === "pattern" && typeof value === "string") continue;
    result[key] = lean(value);
  }
  return result;
}
