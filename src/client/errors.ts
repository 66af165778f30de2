import { defaultRetryPolicy, parseRetryAfter } from "./retry.js";

export type ErrorCategory =
  | "invalid_request"
  | "authentication"
  | "permission"
  | "not_found"
  | "conflict"
  | "validation"
  | "rate_limit"
  | "server"
  | "connection"
  | "timeout"
  | "aborted"
  | "invalid_response"
  | "invalid_path";

/** One entry of a WorkOS `errors[]` array (field-level problems); kept, unlike the official SDK. */
export interface FieldError {
  field?: string;
  code: string;
  message?: string;
}

export interface WorkOSErrorInit {
  category: ErrorCategory;
  retryable: boolean;
  status?: number | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  errors?: FieldError[] | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** Base class of everything the WorkOS client throws. `message` never contains the API key. */
export class WorkOSError extends Error {
  override name = "WorkOSError";
  readonly category: ErrorCategory;
  /** Whether the failure is transient (a retry of an idempotent request could succeed). */
  readonly retryable: boolean;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly errors: FieldError[];
  readonly retryAfterMs?: number;

  constructor(message: string, init: WorkOSErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.category = init.category;
    this.retryable = init.retryable;
    this.errors = init.errors ?? [];
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** One readable line for humans and models, e.g. `404 not_found: Organization not found. (request req_1)`. */
  get summary(): string {
    const head = [this.status, this.code].filter((part) => part !== undefined).join(" ");
    const fields = this.errors.map(formatFieldError).join("; ");
    let text = head === "" ? this.message : `${head}: ${this.message}`;
    if (fields !== "") text += ` [${fields}]`;
    if (this.requestId !== undefined) text += ` (request ${this.requestId})`;
    return text;
  }

  override toString(): string {
    return `${this.name}: ${this.summary}`;
  }
}

function formatFieldError(error: FieldError): string {
  const label = error.field === undefined ? error.code : `${error.field}: ${error.code}`;
  return error.message === undefined ? label : `${label} (${error.message})`;
}

export interface ApiErrorInit extends Omit<WorkOSErrorInit, "category" | "retryable" | "status"> {
  status: number;
  /** The parsed response body (JSON value), for callers that need more than the typed fields. */
  body?: unknown;
  retryable?: boolean;
  category?: ErrorCategory;
}

/** Any HTTP error status returned by WorkOS. */
export class WorkOSApiError extends WorkOSError {
  override name = "WorkOSApiError";
  declare readonly status: number;
  readonly body: unknown;

  constructor(message: string, init: ApiErrorInit) {
    super(message, {
      ...init,
      category: init.category ?? categoryForStatus(init.status),
      retryable: init.retryable ?? defaultRetryPolicy.retryStatuses.includes(init.status),
    });
    this.body = init.body;
  }
}

export class BadRequestError extends WorkOSApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends WorkOSApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends WorkOSApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends WorkOSApiError {
  override name = "NotFoundError";
}
export class ConflictError extends WorkOSApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends WorkOSApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends WorkOSApiError {
  override name = "RateLimitError";
}
export class ServerError extends WorkOSApiError {
  override name = "ServerError";
}

/** The connection failed or was dropped before a complete response arrived. */
export class WorkOSConnectionError extends WorkOSError {
  override name = "WorkOSConnectionError";
  constructor(message: string, cause?: unknown) {
    super(message, { category: "connection", retryable: true, cause });
  }
}

/** No complete response within the per-attempt timeout. */
export class WorkOSTimeoutError extends WorkOSError {
  override name = "WorkOSTimeoutError";
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number, cause?: unknown) {
    super(message, { category: "timeout", retryable: true, cause });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired; never retried. */
export class WorkOSAbortError extends WorkOSError {
  override name = "WorkOSAbortError";
  constructor(message = "The request was aborted.", cause?: unknown) {
    super(message, { category: "aborted", retryable: false, cause });
  }
}

/** The response body was not the JSON it should be. */
export class WorkOSParseError extends WorkOSError {
  override name = "WorkOSParseError";
  declare readonly status: number;
  /** The first ~200 characters of the body, whitespace collapsed. */
  readonly excerpt: string;
  constructor(
    status: number,
    bodyText: string,
    init: { requestId?: string | undefined; cause?: unknown } = {},
  ) {
    const excerpt = makeExcerpt(bodyText);
    const shown = excerpt === "" ? "an empty body" : `"${excerpt}"`;
    super(`Expected a JSON response but got ${shown} (HTTP ${status}).`, {
      category: "invalid_response",
      // A 2xx that does not parse will not parse better next time; a gateway error page may.
      retryable: defaultRetryPolicy.retryStatuses.includes(status),
      status,
      requestId: init.requestId,
      cause: init.cause,
    });
    this.excerpt = excerpt;
  }
}

/** The response body was larger than the client reads (ClientOptions.maxResponseBytes); it was not read whole. */
export class WorkOSResponseTooLargeError extends WorkOSError {
  override name = "WorkOSResponseTooLargeError";
  readonly maxBytes: number;
  constructor(label: string, maxBytes: number, how: string) {
    super(
      `${label}: the response body ${how}, more than the ${formatBytes(maxBytes)} read of one response; ` +
        "no WorkOS response is that large, so it was dropped unread.",
      { category: "invalid_response", retryable: false },
    );
    this.maxBytes = maxBytes;
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** A path segment was empty, "." or "..", or not a string; thrown before any request is sent. */
export class InvalidPathError extends WorkOSError {
  override name = "InvalidPathError";
  constructor(message: string) {
    super(message, { category: "invalid_path", retryable: false });
  }
}

const EXCERPT_LENGTH = 200;

function makeExcerpt(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed.length > EXCERPT_LENGTH ? `${collapsed.slice(0, EXCERPT_LENGTH)}…` : collapsed;
}

function categoryForStatus(status: number): ErrorCategory {
  switch (status) {
    case 400:
      return "invalid_request";
    case 401:
      return "authentication";
    case 403:
      return "permission";
    case 404:
      return "not_found";
    case 408:
      return "timeout";
    case 409:
      return "conflict";
    case 422:
      return "validation";
    case 429:
      return "rate_limit";
    default:
      if (status >= 500) return "server";
      if (status >= 400) return "invalid_request";
      return "invalid_response";
  }
}

export type ResponseHeaders = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const result: FieldError[] = [];
  for (const item of value) {
    if (typeof item === "string") {
      result.push({ code: item });
      continue;
    }
    if (typeof item !== "object" || item === null) continue;
    const entry = item as Record<string, unknown>;
    const code = stringField(entry, "code") ?? stringField(entry, "message") ?? "invalid";
    const fieldError: FieldError = { code };
    const field = stringField(entry, "field");
    const message = stringField(entry, "message");
    if (field !== undefined) fieldError.field = field;
    if (message !== undefined && message !== code) fieldError.message = message;
    result.push(fieldError);
  }
  return result;
}

/**
 * The one place HTTP error responses become typed errors. Understands WorkOS bodies
 * `{message, code, error, error_description, errors: [{field, code, message?}]}` and bare JSON strings
 * such as `"Ratelimited"`; a body that is not JSON gives a WorkOSParseError with the status and an excerpt.
 * Callers must strip secrets from `bodyText` first.
 */
export function errorFromResponse(status: number, headers: ResponseHeaders, bodyText: string): WorkOSError {
  const requestId = headerValue(headers, "x-request-id");
  const retryAfterHeader = headerValue(headers, "retry-after");
  const retryAfterMs = retryAfterHeader === undefined ? undefined : parseRetryAfter(retryAfterHeader);

  let body: unknown;
  if (bodyText.trim() !== "") {
    try {
      body = JSON.parse(bodyText);
    } catch (cause) {
      return new WorkOSParseError(status, bodyText, { requestId, cause });
    }
  }

  let message: string | undefined;
  let code: string | undefined;
  let errors: FieldError[] = [];
  if (typeof body === "string" && body !== "") {
    message = body;
  } else if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    const oauthError = stringField(record, "error");
    const description = stringField(record, "error_description");
    code = stringField(record, "code") ?? oauthError;
    message = stringField(record, "message") ?? description ?? oauthError;
    errors = fieldErrors(record.errors);
  }
  message ??= reasonPhrase(status) ?? `HTTP ${status}`;

  const init: ApiErrorInit = { status, code, requestId, errors, retryAfterMs, body };
  switch (status) {
    case 400:
      return new BadRequestError(message, init);
    case 401:
      return new AuthenticationError(message, init);
    case 403:
      return new PermissionDeniedError(message, init);
    case 404:
      return new NotFoundError(message, init);
    case 409:
      return new ConflictError(message, init);
    case 422:
      return new UnprocessableEntityError(message, init);
    case 429:
      return new RateLimitError(message, init);
    default:
      return status >= 500 ? new ServerError(message, init) : new WorkOSApiError(message, init);
  }
}

/**
 * The status's reason phrase ("Bad Gateway"). node:http loads only when an error needs it: imported as an ES
 * module it costs a Node 24 start some 30 ms (its namespace's lazy getters load the whole fetch stack).
 */
function reasonPhrase(status: number): string | undefined {
  return process.getBuiltinModule("node:http").STATUS_CODES[status];
}
