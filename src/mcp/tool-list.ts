import type { Tool } from "@modelcontextprotocol/server";
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
 * The data object with the objects inside it as the view delivers them: visibleData drops nulls at every depth,
 * so a nested object's nullable field arrives missing instead. (The top level is made partial by the caller.)
 */
function nestedNullsDropped(schema: z.ZodObject): z.ZodObject {
  return schema.extend(mapShape(schema, delivered));
}

/** A value inside the data as the view delivers it: every object in it without its nulls. */
function delivered(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const fields = mapShape(schema, (field) =>
      hasNull(field) ? delivered(withoutNull(field)).optional() : delivered(field),
    );
    return described(schema.extend(fields), schema);
  }
  if (schema instanceof z.ZodArray) return described(z.array(delivered(schema.element as z.ZodType)), schema);
  if (schema instanceof z.ZodOptional)
    return described(delivered(schema.unwrap() as z.ZodType).optional(), schema);
  if (schema instanceof z.ZodNullable)
    return described(delivered(schema.unwrap() as z.ZodType).nullable(), schema);
  return schema;
}

function mapShape(schema: z.ZodObject, map: (field: z.ZodType) => z.ZodType): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => [name, map(field)]),
  );
}

function hasNull(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodNullable) return true;
  return schema instanceof z.ZodOptional && hasNull(schema.unwrap() as z.ZodType);
}

/** The field without its optional and nullable wrappers, keeping the description one of them carried. */
function withoutNull(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)) return schema;
  return described(withoutNull(schema.unwrap() as z.ZodType), schema);
}

function described(rebuilt: z.ZodType, original: z.ZodType): z.ZodType {
  return original.description === undefined ? rebuilt : rebuilt.describe(original.description);
}

// Built on first listing and kept: a stateless HTTP server makes a Server per request.
const definitions = { free: new WeakMap<AnyTool, Tool>(), pinned: new WeakMap<AnyTool, Tool>() };

/** A tool's JSON Schemas as tools/list gives them, the input with every parameter. */
export interface ToolSchemas {
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
}

/** Converts the tool's zod schemas: some 40 ms for all the tools, which the bundle pays at build time instead. */
export function toolSchemas(tool: AnyTool): ToolSchemas {
  return {
    inputSchema: jsonSchema(tool.input, "input"),
    outputSchema: jsonSchema(viewSchema(tool), "output"),
  };
}

/**
 * Every tool's toolSchemas by name, each as its own JSON text (so a start parses only the schemas of the tools it
 * lists), written into the bundled CLI by scripts/bundle.ts from this same source. Not defined when running from
 * source (tests, the library entry), which converts on first listing.
 */
declare const __WORKOS_MCP_TOOL_SCHEMAS__: string;
let prebuilt: Record<string, string> | undefined;

/**
 * The schemas the build made for this tool, by name: in the bundle every tool is a built-in one (only tests and
 * embedders, which run from source, can make others).
 */
function prebuiltSchemas(tool: AnyTool): ToolSchemas | undefined {
  if (typeof __WORKOS_MCP_TOOL_SCHEMAS__ === "undefined") return undefined;
  prebuilt ??= JSON.parse(__WORKOS_MCP_TOOL_SCHEMAS__) as Record<string, string>;
  const json = Object.hasOwn(prebuilt, tool.name) ? prebuilt[tool.name] : undefined;
  return json === undefined ? undefined : (JSON.parse(json) as ToolSchemas);
}

/**
 * The tool as tools/list gives it. On a server pinned to one organization the parameter the pin fills in
 * is left out: the model cannot get it wrong, and reads less.
 */
export function describeTool(tool: AnyTool, pinned = false): Tool {
  const cache = pinned ? definitions.pinned : definitions.free;
  let definition = cache.get(tool);
  if (definition === undefined) {
    const param = pinned ? pinnedParam(tool) : undefined;
    const { inputSchema, outputSchema } = prebuiltSchemas(tool) ?? toolSchemas(tool);
    definition = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: without(inputSchema, param) as Tool["inputSchema"],
      outputSchema: outputSchema as Tool["outputSchema"],
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
