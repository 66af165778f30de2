import { AssertionError } from "node:assert";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/** WorkOS's OpenAPI spec, vendored (source and licence: test/fixtures/README.md): always present, never skipped. */
export const specPath = fileURLToPath(
  new URL("../fixtures/workos-openapi/open-api-spec.yaml", import.meta.url),
);

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/** Checks one raw response body (and its content-type, unless undefined) against the spec. */
export type BodyValidator = (bodyText: string, contentType?: string | null) => ValidationResult;

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
}
interface SpecDocument {
  paths: Record<string, Record<string, Operation>>;
  security?: Record<string, string[]>[];
}

interface LoadedSpec {
  doc: SpecDocument;
  ajv: Ajv2020;
  declaredStatuses: Set<string>;
}

const SPEC_ID = "openapi";
// A oneOf over ~100 event types reports every branch; the first few name the problem.
const MAX_REPORTED_ERRORS = 25;
const JSON_MEDIA_TYPE = "application/json";

// Shape for cross-cutting errors (bad API key, wrong method) that the spec leaves undeclared per operation.
const GENERIC_ERROR_SCHEMA = {
  type: "object",
  properties: { message: { type: "string" } },
  required: ["message"],
};

/**
 * Refusals the emulator sends that the spec leaves out of these operations, checked against the generic error
 * shape. Each is the refusal WorkOS's other operations give for the same mistake, named here one by one:
 * POST /organization_domains declares only 201 and 409, and its verify only 201 and 400.
 */
const UNDECLARED: Readonly<Record<string, string>> = {
  "POST /organization_domains 404": "an organization_id that names no organization",
  "POST /organization_domains 422": "a body without a valid domain and organization_id, or not JSON",
  "POST /organization_domains/{id}/verify 404": "an id that names no organization domain",
  "GET /authorization/permissions 422": "a limit, order or cursor out of range, as on every paginated list",
  "GET /user_management/authorize 404": "an organization_id or login_hint that names nothing",
  "GET /user_management/authorize 422":
    "a request without response_type, client_id or an allowed redirect_uri (WorkOS shows an error page)",
  "GET /user_management/redirect_uris 422": "a limit, order or cursor out of range, refused as on every list",
  "GET /user_management/cors_origins 422": "a limit, order or cursor out of range, refused as on every list",
};

let loaded: LoadedSpec | undefined;
const cache = new Map<string, BodyValidator>();

function loadSpec(): LoadedSpec {
  if (loaded) return loaded;
  const doc = parse(readFileSync(specPath, "utf8")) as SpecDocument;
  // optimize off: the events oneOf over ~100 branches compiles in a third of the time.
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { optimize: false } });
  addFormats.default(ajv);
  // Registering the whole document under one $id lets every "#/components/..." ref resolve unchanged.
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  const declaredStatuses = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      for (const status of Object.keys(op.responses ?? {})) declaredStatuses.add(status);
    }
  }
  loaded = { doc, ajv, declaredStatuses };
  return loaded;
}

function pointer(...tokens: string[]): string {
  return tokens.map((t) => encodeURIComponent(t.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");
}

function formatAjvError(e: ErrorObject): string {
  const where = e.instancePath === "" ? "(root)" : e.instancePath;
  return `${where} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`;
}

function usesBearer(spec: LoadedSpec, op: Operation): boolean {
  const security = op.security ?? spec.doc.security ?? [];
  return security.some((req) => "bearer" in req);
}

function isEmptySchema(schema: unknown): boolean {
  return (
    schema === true || (typeof schema === "object" && schema !== null && Object.keys(schema).length === 0)
  );
}

function failing(message: string): BodyValidator {
  return () => ({ valid: false, errors: [message] });
}

function jsonValidator(
  validate: (data: unknown) => boolean,
  getErrors: () => ErrorObject[] | null | undefined,
  allowEmpty: boolean,
): BodyValidator {
  return (bodyText, contentType) => {
    if (bodyText.length === 0) {
      return allowEmpty
        ? { valid: true, errors: [] }
        : { valid: false, errors: [`empty body, but the spec declares ${JSON_MEDIA_TYPE}`] };
    }
    const errors: string[] = [];
    // undefined means "not checked"; null is a response that sent no content-type at all.
    if (contentType !== undefined && !(contentType ?? "").toLowerCase().startsWith(JSON_MEDIA_TYPE)) {
      errors.push(`content-type is ${JSON.stringify(contentType)}, the spec declares ${JSON_MEDIA_TYPE}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(bodyText);
    } catch {
      return { valid: false, errors: [...errors, `body is not JSON: ${bodyText.slice(0, 200)}`] };
    }
    if (!validate(data)) errors.push(...(getErrors() ?? []).map(formatAjvError));
    return { valid: errors.length === 0, errors };
  };
}

function genericErrorValidator(spec: LoadedSpec): BodyValidator {
  const validate = spec.ajv.compile(GENERIC_ERROR_SCHEMA);
  return jsonValidator(validate, () => validate.errors, false);
}

function buildValidator(method: HttpMethod, pathTemplate: string, status: number): BodyValidator {
  const spec = loadSpec();
  const label = `${method} ${pathTemplate} ${status}`;
  const verb = method.toLowerCase();
  const code = String(status);
  const pathItem = spec.doc.paths[pathTemplate];
  const op = pathItem?.[verb];
  if (!op?.responses) {
    // A status no operation declares (405 for an unserved method) is cross-cutting, so any known path may send it.
    if (pathItem && !spec.declaredStatuses.has(code)) return genericErrorValidator(spec);
    return failing(`${label}: the spec has no operation ${method} ${pathTemplate}`);
  }
  const responses = op.responses;
  const key = [code, `${code[0]}XX`, "default"].find((k) => k in responses);
  if (key === undefined) {
    // 401 follows from the global bearer security and 429 from the account-wide rate limits, not per operation.
    // The spec declares 404 for GET /organizations/{id} and /directories/{id} but not for their DELETEs, nor
    // for POST /user_management/invitations/{id}/revoke; an unknown id in the path is assumed to be refused
    // alike (a documented difference, not a loosened shape).
    const crossCutting =
      (code === "401" && usesBearer(spec, op)) ||
      code === "429" ||
      (code === "404" && (verb === "delete" || pathTemplate.includes("{"))) ||
      UNDECLARED[label] !== undefined;
    if (!crossCutting && spec.declaredStatuses.has(code)) {
      const declared = Object.keys(responses).join(", ");
      return failing(
        `${label}: the spec declares no ${code} response for this operation (declared: ${declared})`,
      );
    }
    return genericErrorValidator(spec);
  }
  const response = responses[key];
  const media = response?.content?.[JSON_MEDIA_TYPE];
  // Pipes' operations declare their 401 without a schema: the same cross-cutting refusal as everywhere else.
  if (!response?.content && code === "401" && usesBearer(spec, op)) return genericErrorValidator(spec);
  if (!response?.content) {
    return (bodyText) =>
      bodyText.length === 0
        ? { valid: true, errors: [] }
        : { valid: false, errors: [`${label}: the spec declares no body, got ${bodyText.slice(0, 200)}`] };
  }
  if (!media) {
    const types = Object.keys(response.content).join(", ");
    return failing(`${label}: the spec declares only ${types} for this response`);
  }
  const ref = `${SPEC_ID}#/${pointer("paths", pathTemplate, verb, "responses", key, "content", JSON_MEDIA_TYPE, "schema")}`;
  const validate = spec.ajv.compile({ $ref: ref });
  // An empty schema is what the generator emits for a body-less 202, so it cannot demand a JSON document.
  return jsonValidator(validate, () => validate.errors, isEmptySchema(media.schema));
}

/** Whether the spec puts the operation behind the API key (its `security`, or the document's). */
export function requiresApiKey(method: HttpMethod, pathTemplate: string): boolean {
  const spec = loadSpec();
  const op = spec.doc.paths[pathTemplate]?.[method.toLowerCase()];
  return op === undefined || usesBearer(spec, op);
}

/** The response statuses the spec declares for one operation (empty when the operation is missing). */
export function declaredStatuses(method: HttpMethod, pathTemplate: string): string[] {
  const op = loadSpec().doc.paths[pathTemplate]?.[method.toLowerCase()];
  return Object.keys(op?.responses ?? {});
}

/** Returns a cached validator for one (method, path template, status) as declared in the spec. */
export function responseValidator(method: HttpMethod, pathTemplate: string, status: number): BodyValidator {
  const key = `${method} ${pathTemplate} ${status}`;
  let validator = cache.get(key);
  if (!validator) {
    validator = buildValidator(method, pathTemplate, status);
    cache.set(key, validator);
  }
  return validator;
}

export interface ObservedResponse {
  method: HttpMethod;
  pathTemplate: string;
  status: number;
  contentType: string | null;
  bodyText: string;
}

/** Throws an AssertionError listing every schema violation of the response. */
export function assertMatchesSpec(res: ObservedResponse): void {
  const result = responseValidator(res.method, res.pathTemplate, res.status)(res.bodyText, res.contentType);
  if (result.valid) return;
  const message = [
    `${res.method} ${res.pathTemplate} -> ${res.status} does not match the OpenAPI spec:`,
    ...result.errors.slice(0, MAX_REPORTED_ERRORS).map((e) => `  - ${e}`),
    ...(result.errors.length > MAX_REPORTED_ERRORS
      ? [`  ... and ${result.errors.length - MAX_REPORTED_ERRORS} more`]
      : []),
    `  body: ${res.bodyText.slice(0, 500)}`,
  ].join("\n");
  throw new AssertionError({ message });
}
