import type { Query } from "../../client/client.js";
import { closest } from "../../suggest.js";
import { ToolRefusal } from "../define.js";
import type { CatalogOperation, CatalogParam, CatalogType } from "./types.js";

// The catalog toolset's view of WorkOS's OpenAPI spec: the index scripts/catalog-operations.ts generates, loaded
// on the first catalog call (never at start-up: most servers never make one), searched by words, and the rule
// that checks a call's arguments against an operation before anything is sent.

let loaded: Promise<Catalog> | undefined;
let ready: Catalog | undefined;

/** The catalog, loaded once, on first use. */
export function catalog(): Promise<Catalog> {
  loaded ??= import("./operations.js").then(({ OPERATIONS }) => {
    ready = new Catalog(OPERATIONS);
    return ready;
  });
  return loaded;
}

/** An operation by its id once the catalog is loaded (as it is after any catalog call), for a result's words. */
export function loadedOperation(id: string): CatalogOperation | undefined {
  return ready?.byId(id);
}

/** Words that match nearly everything and tell nothing. */
const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "to",
  "in",
  "on",
  "by",
  "and",
  "or",
  "with",
  "from",
]);

/** A word as the search compares it: lower case, a plural's -s dropped. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The words of a text, split at anything that is not a letter or digit and between camelCase humps. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !STOP_WORDS.has(word))
    .map(stem);
}

/** How much a word counts where it is found: the summary says what an operation does; the rest, where. */
const WEIGHTS = { summary: 3, path: 2, id: 2, tag: 1, param: 0.5 } as const;

interface Document {
  operation: CatalogOperation;
  /** Each word's weight: the greatest of the places it appears. */
  weights: Map<string, number>;
}

function documentOf(operation: CatalogOperation): Document {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of words(text)) weights.set(word, Math.max(weights.get(word) ?? 0, weight));
  };
  // A word says more of a short summary than of a long one: "Delete a group" is about groups more than
  // "Remove a member from a group" is.
  add(operation.summary, WEIGHTS.summary * (1 + 1 / Math.max(1, words(operation.summary).length)));
  add(operation.path.replace(/\{[^}]*\}/g, ""), WEIGHTS.path);
  add(operation.id.replace(/Controller/g, ""), WEIGHTS.id);
  add(operation.tag, WEIGHTS.tag);
  for (const param of operation.params) add(param.name, WEIGHTS.param);
  for (const field of operation.body?.fields ?? []) add(field.name, WEIGHTS.param);
  return { operation, weights };
}

export class Catalog {
  readonly operations: readonly CatalogOperation[];
  readonly #byId: Map<string, CatalogOperation>;
  #documents: Document[] | undefined;
  #idf: Map<string, number> | undefined;

  constructor(operations: readonly CatalogOperation[]) {
    this.operations = operations;
    this.#byId = new Map(operations.map((operation) => [operation.id, operation]));
  }

  /**
   * The operations that best match the words, best first: each word counts, rarer words more (inverse document
   * frequency), a word of the summary more than one of the path; a word that only begins a word counts half.
   */
  find(query: string, limit: number): CatalogOperation[] {
    const documents = this.#index();
    const idf = this.#idf as Map<string, number>;
    const asked = [...new Set(words(query))];
    const scored = documents.map((document, order) => {
      let score = 0;
      for (const word of asked) {
        const exact = document.weights.get(word);
        if (exact !== undefined) {
          score += exact * (idf.get(word) ?? 0);
          continue;
        }
        if (word.length < 4) continue;
        let partial = 0;
        for (const [known, weight] of document.weights) {
          if (known.startsWith(word)) partial = Math.max(partial, (weight * (idf.get(known) ?? 0)) / 2);
        }
        score += partial;
      }
      return { operation: document.operation, score, order };
    });
    return scored
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, limit)
      .map(({ operation }) => operation);
  }

  byId(id: string): CatalogOperation | undefined {
    return this.#byId.get(id);
  }

  /**
   * The operation by its operationId, when it is of the kind asked (GET for workos_read, any other method for
   * workos_write); else a refusal naming the likeliest ones.
   */
  operation(id: string, kind: "read" | "write"): CatalogOperation {
    const found = this.#byId.get(id);
    if (found === undefined) {
      // A typo of an id first, then the operations its words find.
      const typed = closest(id, [...this.#byId.keys()]).map(
        (near) => this.#byId.get(near) as CatalogOperation,
      );
      const near = [...new Set([...typed, ...this.find(id, 5)])]
        .slice(0, 5)
        .map((operation) => `${operation.id} (${operation.method} ${operation.path})`)
        .join(", ");
      throw new ToolRefusal(
        `No WorkOS operation "${id.slice(0, 100)}"; nothing was sent to WorkOS. ` +
          (near === "" ? "" : `Closest: ${near}. `) +
          "find_workos_operations finds operations by words.",
      );
    }
    if (kind === "read" && found.method !== "GET") {
      throw new ToolRefusal(
        `${found.id} is ${found.method} ${found.path}, a change: call it with workos_write. Nothing was sent.`,
      );
    }
    if (kind === "write" && found.method === "GET") {
      throw new ToolRefusal(
        `${found.id} is GET ${found.path}, a read: call it with workos_read. Nothing was sent.`,
      );
    }
    return found;
  }

  /** The GET that reads what an operation addresses: its preview, or the GET of its path or its parent's. */
  readerOf(operation: CatalogOperation): CatalogOperation | undefined {
    if (operation.method === "GET") return operation;
    if (operation.preview !== undefined) return this.#byId.get(operation.preview);
    const parent = operation.path.replace(/\/[^/{}]+$/, "");
    const names = new Set(pathParams(operation).map((param) => param.name));
    return this.operations.find(
      (candidate) =>
        candidate.method === "GET" &&
        (candidate.path === operation.path || candidate.path === parent) &&
        pathParams(candidate).length > 0 &&
        pathParams(candidate).every((param) => names.has(param.name)),
    );
  }

  #index(): Document[] {
    if (this.#documents === undefined) {
      const documents = this.operations.map(documentOf);
      const frequency = new Map<string, number>();
      for (const { weights } of documents) {
        for (const word of weights.keys()) frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
      this.#idf = new Map(
        [...frequency].map(([word, count]) => [word, Math.log(1 + documents.length / count)]),
      );
      this.#documents = documents;
    }
    return this.#documents;
  }
}

export function pathParams(operation: CatalogOperation): CatalogParam[] {
  return operation.params.filter((param) => param.in === "path");
}

/** An operation's parameters in one line, a required one marked with *: `path: id*; query: limit; body: name*`. */
export function parametersLine(operation: CatalogOperation): string {
  const mark = (item: { name: string; required?: true }) => `${item.name}${item.required ? "*" : ""}`;
  const parts = [];
  const path = pathParams(operation);
  const query = operation.params.filter((param) => param.in === "query");
  if (path.length > 0) parts.push(`path: ${path.map(mark).join(", ")}`);
  if (query.length > 0) parts.push(`query: ${query.map(mark).join(", ")}`);
  if (operation.body !== undefined) {
    const fields = operation.body.fields.map(mark).join(", ");
    parts.push(`body${operation.body.required ? "*" : ""}: ${fields === "" ? "any object" : fields}`);
  }
  return parts.join("; ");
}

/** What a call sends, once its arguments hold against the operation. */
export interface CheckedCall {
  /** The path with every parameter filled in, each percent-encoded as one segment. */
  path: string;
  query: Query;
  body: Record<string, unknown> | undefined;
}

export interface CallArguments {
  path?: Record<string, string> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: Record<string, unknown> | undefined;
}

const JSON_TYPE_CHECKS: Record<CatalogType, (value: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  array: Array.isArray,
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

/** A query value as sent, or why it cannot be: the spec's type, given as JSON or as the text a URL carries. */
function queryValue(param: CatalogParam, value: unknown): { value: Query[string] } | { problem: string } {
  const given = Array.isArray(value) ? value : [value];
  const scalars: (string | number)[] = [];
  for (const item of given) {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      scalars.push(typeof item === "boolean" ? String(item) : item);
    } else
      return { problem: `must be a ${param.type ?? "string"}, not ${JSON.stringify(item)?.slice(0, 40)}` };
  }
  for (const item of scalars) {
    const text = String(item);
    if ((param.type === "integer" || param.type === "number") && !/^-?\d+(\.\d+)?$/.test(text)) {
      return { problem: `must be a number, not ${JSON.stringify(item)}` };
    }
    if (param.type === "integer" && !/^-?\d+$/.test(text)) return { problem: "must be a whole number" };
    if (param.type === "boolean" && text !== "true" && text !== "false") {
      return { problem: "must be true or false" };
    }
    if (param.enum !== undefined && !param.enum.includes(text)) {
      return { problem: `must be one of ${param.enum.join(", ")}` };
    }
  }
  if (Array.isArray(value) && param.type !== "array") return { problem: "takes one value, not a list" };
  return { value: Array.isArray(value) ? scalars : (scalars[0] as string | number) };
}

/** Where a problem is, and what: `path.id: required`. */
type Problem = string;

/**
 * The call an operation's arguments make, once they hold against the spec: every path parameter given and no
 * other, known query parameters of the right type, and a body with its required fields, no unknown field (unless
 * the spec leaves it open) and the right type at its top level. Else a refusal listing every problem: nothing is
 * sent.
 */
export function checkArguments(operation: CatalogOperation, args: CallArguments, tool: string): CheckedCall {
  const problems: Problem[] = [];
  const pathValues = args.path ?? {};
  const declared = pathParams(operation);
  for (const name of Object.keys(pathValues)) {
    if (!declared.some((param) => param.name === name)) {
      problems.push(`path.${name}: not a path parameter of ${operation.id}`);
    }
  }
  let path = operation.path;
  for (const param of declared) {
    const value = pathValues[param.name];
    if (value === undefined) problems.push(`path.${param.name}: required`);
    else if (value === "" || value === "." || value === "..") {
      problems.push(`path.${param.name}: must be an id or name, not ${JSON.stringify(value)}`);
    } else path = path.replace(`{${param.name}}`, encodeURIComponent(value));
  }

  const { body } = args;
  const spec = operation.body;
  const query: Query = {};
  const queryParams = operation.params.filter((param) => param.in === "query");
  for (const [name, value] of Object.entries(args.query ?? {})) {
    const param = queryParams.find((candidate) => candidate.name === name);
    if (param === undefined) {
      problems.push(`query.${name}: not a query parameter of ${operation.id}`);
      continue;
    }
    if (value === undefined || value === null) continue;
    const checked = queryValue(param, value);
    if ("problem" in checked) problems.push(`query.${name}: ${checked.problem}`);
    else query[name] = checked.value;
  }
  // Where the spec asks for a value both in the query and in the body (POST /sso/token), the body's will do.
  const inBody = (name: string) =>
    args.body?.[name] !== undefined && spec?.fields.some((f) => f.name === name);
  for (const param of queryParams) {
    const given =
      query[param.name] !== undefined || problems.some((p) => p.startsWith(`query.${param.name}:`));
    if (param.required && !given && !inBody(param.name)) problems.push(`query.${param.name}: required`);
  }

  if (spec === undefined && body !== undefined) {
    problems.push(`body: ${operation.id} takes no body`);
  } else if (spec !== undefined && body === undefined && spec.fields.some((f) => f.required)) {
    const required = spec.fields.filter((f) => f.required).map((f) => f.name);
    problems.push(`body: required, with ${required.join(", ")}`);
  } else if (spec !== undefined && body !== undefined) {
    for (const field of spec.fields) {
      if (field.required && body[field.name] === undefined) problems.push(`body.${field.name}: required`);
    }
    for (const [name, value] of Object.entries(body)) {
      const field = spec.fields.find((candidate) => candidate.name === name);
      if (field === undefined) {
        if (!spec.open) problems.push(`body.${name}: not a field of ${operation.id}'s body`);
        continue;
      }
      if (value !== null && field.type !== undefined && !JSON_TYPE_CHECKS[field.type](value)) {
        problems.push(`body.${name}: must be ${field.type === "integer" ? "an" : "a"} ${field.type}`);
      }
    }
  }

  if (problems.length > 0) {
    const listed = problems.slice(0, 10).map((problem) => `- ${problem}`);
    if (problems.length > 10) listed.push(`- and ${problems.length - 10} more problems`);
    throw new ToolRefusal(
      `Invalid arguments for ${tool} ${operation.id} (${operation.method} ${operation.path}); nothing was sent to WorkOS.\n` +
        `${listed.join("\n")}\nIts parameters (* required): ${parametersLine(operation) || "none"}.`,
    );
  }
  // A body the spec requires but whose fields are all optional (resend an invitation: locale) may be left out.
  return { path, query, body: spec === undefined ? undefined : (body ?? (spec.required ? {} : undefined)) };
}
