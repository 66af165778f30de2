// `npm run catalog-operations` (after the vendored spec changes; test/tools/catalog.test.ts fails while it is
// stale): rewrites src/tools/catalog/operations.ts,
// the catalog toolset's compact index of the vendored spec's operations (what find_workos_operations searches and
// workos_read / workos_write check arguments against), from test/fixtures/workos-openapi/open-api-spec.yaml. The
// server never parses the 1 MB YAML: it loads this index on the first catalog call. test/tools/catalog.test.ts
// fails when the index is not current.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { CatalogField, CatalogOperation, CatalogType } from "../src/tools/catalog/types.js";
import { SPEC_FILE } from "./spec-operations.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");
export const CATALOG_FILE = resolve(ROOT, "src/tools/catalog/operations.ts");

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * Operations that destroy or revoke without being a DELETE: their summary says so. They need the user's
 * confirmation as a DELETE does.
 */
const DESTRUCTIVE_WORDS = /\b(delete|revoke|remove|expire|destroy|purge)\b/i;

type Json = Record<string, unknown>;

interface Spec {
  paths: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json> };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The schema with its $ref followed (the spec's refs all point into components.schemas). */
function resolved(spec: Spec, schema: unknown, depth = 0): Json {
  if (!isObject(schema) || depth > 10) return {};
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  return resolved(spec, spec.components?.schemas?.[name], depth + 1);
}

/** A schema's JSON type, as far as a top-level check needs it; undefined when it may be several. */
function typeOf(spec: Spec, schema: unknown): CatalogType | undefined {
  const s = resolved(spec, schema);
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== "null") : [s.type];
  if (type.length === 1 && typeof type[0] === "string") return type[0] as CatalogType;
  if (s.properties !== undefined) return "object";
  if (Array.isArray(s.enum)) return "string";
  return undefined;
}

/** The fields of an object schema: allOf merged; oneOf/anyOf branches united, required only where every branch requires it. */
function fieldsOf(spec: Spec, schema: unknown): { fields: Map<string, CatalogField>; open: boolean } {
  const s = resolved(spec, schema);
  const fields = new Map<string, CatalogField>();
  let open = s.additionalProperties !== undefined && s.additionalProperties !== false;
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(branches)) {
    const each = branches.map((branch) => fieldsOf(spec, branch));
    for (const branch of each) {
      open ||= branch.open;
      for (const [name, field] of branch.fields) {
        const inAll = each.every((other) => other.fields.get(name)?.required === true);
        const type = each.every((other) => [undefined, field.type].includes(other.fields.get(name)?.type))
          ? field.type
          : undefined;
        fields.set(name, { name, ...(inAll ? { required: true } : {}), ...(type ? { type } : {}) });
      }
    }
  }
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const merged = fieldsOf(spec, part);
    open ||= merged.open;
    for (const [name, field] of merged.fields) fields.set(name, field);
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  for (const [name, property] of Object.entries(isObject(s.properties) ? s.properties : {})) {
    const type = typeOf(spec, property);
    fields.set(name, { name, ...(required.has(name) ? { required: true } : {}), ...(type ? { type } : {}) });
  }
  if (fields.size === 0 && s.type === undefined && !Array.isArray(branches)) open = true;
  return { fields, open };
}

/** The summary in one line: the spec's summary, or its description's first sentence. */
function oneLine(operation: Json): string {
  const text = String(operation.summary ?? operation.description ?? "").trim();
  return (text.split("\n")[0] ?? "").replace(/\s+/g, " ");
}

/** The catalog's index of a spec (YAML text): every operation, in the spec's order. */
export function catalogIndex(specText: string): CatalogOperation[] {
  const spec = parse(specText) as Spec;
  const operations: CatalogOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [key, raw] of Object.entries(item)) {
      const method = METHODS.find((m) => m === key);
      if (method === undefined || !isObject(raw)) continue;
      const params = [
        ...((item.parameters as unknown as unknown[]) ?? []),
        ...((raw.parameters as unknown[]) ?? []),
      ]
        .filter(isObject)
        .filter((p) => p.in === "path" || p.in === "query")
        .map((p) => {
          const type = typeOf(spec, p.schema);
          const values = resolved(spec, p.schema).enum;
          return {
            name: String(p.name),
            in: p.in as "path" | "query",
            ...(p.required === true || p.in === "path" ? { required: true as const } : {}),
            ...(type ? { type } : {}),
            ...(Array.isArray(values) ? { enum: values.map(String) } : {}),
          };
        });
      const requestBody = resolved(spec, raw.requestBody);
      const bodySchema = (requestBody.content as Json | undefined)?.["application/json"] as Json | undefined;
      const summary = oneLine(raw);
      const entry: CatalogOperation = {
        id: String(raw.operationId),
        method: method.toUpperCase() as CatalogOperation["method"],
        path: template,
        summary,
        tag: String((raw.tags as unknown[] | undefined)?.[0] ?? ""),
        params,
      };
      if (bodySchema !== undefined) {
        const { fields, open } = fieldsOf(spec, bodySchema.schema);
        entry.body = {
          ...(requestBody.required === true ? { required: true as const } : {}),
          ...(open ? { open: true as const } : {}),
          fields: [...fields.values()],
        };
      }
      if (method === "delete" || (method !== "get" && DESTRUCTIVE_WORDS.test(summary))) {
        entry.destructive = true;
      }
      operations.push(entry);
    }
  }
  // What a confirmation previews: the GET of the same path, or of the path without its last (literal) segment.
  for (const entry of operations) {
    if (entry.destructive !== true) continue;
    const parent = entry.path.replace(/\/[^/{}]+$/, "");
    const read =
      operations.find((o) => o.method === "GET" && o.path === entry.path) ??
      operations.find((o) => o.method === "GET" && o.path === parent && parent !== entry.path);
    if (read?.params.some((p) => p.in === "path")) entry.preview = read.id;
  }
  return operations;
}

/**
 * The generated module's text: the index as one JSON string, which loads faster than the same object literal,
 * in single quotes as the formatter writes a string full of double quotes.
 */
export function renderCatalog(specText: string): string {
  const index = catalogIndex(specText);
  return `// Generated by \`npm run catalog-operations\` (scripts/catalog-operations.ts) from
// test/fixtures/workos-openapi/open-api-spec.yaml: do not edit. test/tools/catalog.test.ts checks it is current.
import type { CatalogOperation } from "./types.js";

/** Every operation of the vendored spec (${index.length}), in the spec's order. Loaded on the first catalog call. */
export const OPERATIONS: readonly CatalogOperation[] = JSON.parse(
  '${JSON.stringify(index).replaceAll("\\", "\\\\").replaceAll("'", "\\'")}',
);
`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(CATALOG_FILE, renderCatalog(readFileSync(SPEC_FILE, "utf8")));
  console.log(`wrote ${CATALOG_FILE}`);
}
