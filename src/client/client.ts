import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Dispatcher } from "undici";
import { Redactor } from "../redact.js";
import type { List } from "../workos-vocabulary.js";
import {
  errorFromResponse,
  WorkOSAbortError,
  WorkOSConnectionError,
  WorkOSError,
  WorkOSParseError,
  WorkOSResponseTooLargeError,
  WorkOSTimeoutError,
} from "./errors.js";
import { paginate, paginateItems } from "./pagination.js";
import { assertSafePath } from "./path.js";
import { encodeQuery } from "./query.js";
import { isRetryable, type RetryPolicy, resolveRetryPolicy, retryDelayMs } from "./retry.js";
import { USER_AGENT } from "./version.js";

export interface ClientOptions {
  apiKey: string;
  /** Default https://api.workos.com; may carry a path prefix (http://host/v1). */
  baseUrl?: string;
  /** Per attempt; default 30 000 ms. */
  timeoutMs?: number;
  /** Shortcut for retry.maxRetries; default 3. */
  maxRetries?: number;
  retry?: Partial<RetryPolicy>;
  /** Replaces the default `workos-mcp/<version>`. */
  userAgent?: string;
  /** An HTTP(S) proxy URL to tunnel every request through (CONNECT), as corporate networks require. */
  proxy?: string;
  /** Sockets kept to WorkOS; default 16. A server for many users needs more, or slow calls starve the rest. */
  connections?: number;
  /** The largest response body read; default 32 MiB. A larger one is an invalid response, never read whole. */
  maxResponseBytes?: number;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type { List, ListMetadata } from "../workos-vocabulary.js";

export interface PaginateOptions {
  query?: Query;
  /** Items per request (the API's `limit`), 1-100; default 100. */
  pageSize?: number;
  maxItems?: number;
  /** Which cursor to follow; default "after". */
  direction?: "after" | "before";
  signal?: AbortSignal;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export const DEFAULT_BASE_URL = "https://api.workos.com";
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECTIONS = 16;
/** No WorkOS response comes near this (a page of 100 directory users with their raw SCIM is about 0.5 MiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const KEEP_ALIVE_TIMEOUT_MS = 10_000;
/** Deeper JSON is no WorkOS object; walking it would overflow the stack. */
const MAX_JSON_DEPTH = 64;
const REDACTED = "sk_…redacted";

type Attempt = { ok: true; value: unknown } | { ok: false; error: unknown; retryAfter?: string | undefined };

const CONNECTION_CODES = new Set([
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETDOWN",
  "ENETUNREACH",
  "EHOSTDOWN",
  "EHOSTUNREACH",
  "ETIMEDOUT",
]);
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === "string") return code;
  // Happy-eyeballs connects fail with an AggregateError whose members carry the code.
  return Array.isArray(errors) ? errorCode(errors[0]) : undefined;
}

/** How deeply a parsed JSON value nests, counted without recursion (a hostile body may nest 100,000 deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) if (typeof child === "object") stack.push([child, depth + 1]);
  }
  return deepest;
}

function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (
    code !== undefined &&
    (CONNECTION_CODES.has(code) || /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_)/.test(code))
  ) {
    return true;
  }
  return error instanceof Error && /other side closed|socket hang up/i.test(error.message);
}

/**
 * WorkOS REST client: one private request path owns the base URL, bearer auth, User-Agent, JSON,
 * query encoding, status -> typed error, per-attempt timeout, cancellation and retries.
 * Connections come from one keep-alive undici Pool per client (a ProxyAgent when a proxy is set), made on
 * the first request or by warm(): importing undici costs a third of the server's startup, and tools/list never
 * needs it.
 */
export class WorkOSClient {
  readonly baseUrl: string;
  readonly #apiKey: string;
  readonly #redactor: Redactor;
  readonly #pathPrefix: string;
  readonly #origin: string;
  readonly #proxy: string | undefined;
  readonly #connections: number;
  #dispatcher: Promise<Dispatcher> | undefined;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #userAgent: string;
  readonly #maxResponseBytes: number;
  #closing: Promise<void> | undefined;

  constructor(options: ClientOptions) {
    if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
      throw new TypeError("WorkOSClient needs a non-empty apiKey.");
    }
    let url: URL;
    try {
      url = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
    } catch {
      throw new TypeError("baseUrl must be an absolute http(s) URL.");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError("baseUrl must be an absolute http(s) URL.");
    }
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      throw new TypeError("baseUrl must not contain credentials, a query or a fragment.");
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError("timeoutMs must be a number > 0");

    this.#apiKey = options.apiKey;
    this.#redactor = new Redactor([options.apiKey], REDACTED);
    // undici's Pool takes only an origin, so a path prefix (http://host/v1) is prepended per request.
    this.#pathPrefix = url.pathname.replace(/\/+$/, "");
    this.baseUrl = url.origin + this.#pathPrefix;
    this.#timeoutMs = timeoutMs;
    this.#retry = resolveRetryPolicy(options.maxRetries, options.retry);
    this.#userAgent = options.userAgent ?? USER_AGENT;
    this.#origin = url.origin;
    this.#proxy = options.proxy;
    this.#connections = options.connections ?? DEFAULT_CONNECTIONS;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(this.#maxResponseBytes > 0)) throw new RangeError("maxResponseBytes must be a number > 0");
  }

  /** Sends one request (with retries per the policy); resolves to the parsed JSON body, or undefined if empty. */
  request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    return this.#send(method, path, options) as Promise<T>;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("GET", path, options);
  }

  /** Always carries an Idempotency-Key (generated once per call if none is given) so it can be retried. */
  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>("POST", path, {
      ...options,
      idempotencyKey: options.idempotencyKey ?? `workos-mcp-${randomUUID()}`,
    });
  }

  put<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("PUT", path, options);
  }

  /** Not retried (PATCH is not idempotent by definition) unless it carries an Idempotency-Key. */
  patch<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("PATCH", path, options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("DELETE", path, options);
  }

  /** Pages of a list endpoint, one request each, following `list_metadata.after` (or `before`). */
  pages<T>(path: string, options: PaginateOptions = {}): AsyncGenerator<List<T>, void, undefined> {
    return paginate<T>(
      (query, signal) => this.get<List<T>>(path, signal === undefined ? { query } : { query, signal }),
      options,
    );
  }

  /** Items of a list endpoint across pages; stops at `maxItems`. */
  items<T>(path: string, options: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
    return paginateItems(this.pages<T>(path, options));
  }

  /**
   * Loads undici and makes the pool now instead of on the first request, whose time that import is most of (the
   * server warms its client once its tools are listed). Opens no connection.
   */
  warm(): void {
    if (this.#closing === undefined) this.#pool().catch(() => {});
  }

  #pool(): Promise<Dispatcher> {
    const pool = { connections: this.#connections, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS };
    this.#dispatcher ??= import("undici").then(({ Pool, ProxyAgent }) =>
      this.#proxy === undefined
        ? new Pool(this.#origin, pool)
        : new ProxyAgent({ uri: this.#proxy, ...pool }),
    );
    return this.#dispatcher;
  }

  /** Closes the connection pool; idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#dispatcher?.then((dispatcher) => dispatcher.close()) ?? Promise.resolve();
    return this.#closing;
  }

  async #send(method: HttpMethod, path: string, options: RequestOptions): Promise<unknown> {
    if (this.#closing !== undefined) {
      throw new WorkOSError("The WorkOS client is closed.", { category: "connection", retryable: false });
    }
    assertSafePath(path);
    const { signal, idempotencyKey } = options;
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError("timeoutMs must be a number > 0");
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.#apiKey}`,
      "User-Agent": this.#userAgent,
      Accept: "application/json",
    };
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (idempotencyKey !== undefined) {
      if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
        throw new TypeError("idempotencyKey must be 1-255 printable ASCII characters without spaces.");
      }
      headers["Idempotency-Key"] = idempotencyKey;
    }
    const request: Dispatcher.RequestOptions = {
      path: this.#pathPrefix + path + encodeQuery(options.query),
      method,
      headers,
      body: body ?? null,
      // Backstops for the AbortSignal timeout below; undici's own defaults are 300 s.
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    };
    const label = `${method} ${path}`;

    // An explicit loop instead of undici's RetryAgent/retry interceptor: it cannot retry POST only when
    // it carries an Idempotency-Key, shares one cap between backoff (8 s) and Retry-After (60 s), waits on
    // an un-abortable timer, does not re-arm a per-attempt timeout, and on exhausted retries throws
    // RequestRetryError without the final body (losing WorkOS message, code and errors[]).
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new WorkOSAbortError(`${label} was aborted.`, this.#sanitize(signal.reason));
      const attempt = await this.#attempt(request, label, timeoutMs, signal);
      if (attempt.ok) return attempt.value;
      if (
        retry >= this.#retry.maxRetries ||
        !isRetryable(method, idempotencyKey !== undefined, attempt.error, this.#retry)
      ) {
        throw attempt.error;
      }
      const delay = retryDelayMs(retry + 1, attempt.retryAfter, this.#retry);
      try {
        await sleep(delay, undefined, signal === undefined ? {} : { signal });
      } catch (cause) {
        throw new WorkOSAbortError(`${label} was aborted while waiting to retry.`, this.#sanitize(cause));
      }
    }
  }

  async #attempt(
    request: Dispatcher.RequestOptions,
    label: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<Attempt> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    // Forwarding the caller's abort costs far less per request than AbortSignal.any (weak refs in Node 20).
    const forward = () => timeout.abort(callerSignal?.reason);
    if (callerSignal?.aborted) forward();
    else callerSignal?.addEventListener("abort", forward, { once: true });
    const { signal } = timeout;
    let response: Dispatcher.ResponseData | undefined;
    try {
      response = await (await this.#pool()).request({ ...request, origin: this.#origin, signal });
      const text = await this.#readBody(response, label);
      return this.#interpret(response.statusCode, response.headers, text);
    } catch (error) {
      // Never leave a half-read body holding a socket.
      if (response !== undefined && !response.body.destroyed) response.body.destroy();
      if (error instanceof WorkOSResponseTooLargeError) return { ok: false, error };
      return {
        ok: false,
        error: this.#transportError(error, label, timeoutMs, callerSignal, timeout.signal),
      };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", forward);
    }
  }

  /**
   * The body as text, read only up to the limit: a Content-Length over it is refused before a byte is read,
   * and a body that grows past it while streaming is dropped there, with its connection.
   */
  async #readBody(response: Dispatcher.ResponseData, label: string): Promise<string> {
    const limit = this.#maxResponseBytes;
    const announced = Number(response.headers["content-length"]);
    if (announced > limit)
      throw new WorkOSResponseTooLargeError(label, limit, `was announced as ${announced} bytes`);
    const chunks: Buffer[] = [];
    let read = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > limit) throw new WorkOSResponseTooLargeError(label, limit, `went on past ${limit} bytes`);
      chunks.push(chunk);
    }
    // TextDecoder, as undici's body.text(): a byte-order mark is dropped, bad bytes become U+FFFD.
    return new TextDecoder().decode(Buffer.concat(chunks, read));
  }

  #interpret(status: number, rawHeaders: Dispatcher.ResponseData["headers"], text: string): Attempt {
    // The body goes into errors only, redacted; a good answer is parsed raw (the tools redact what they show).
    const safeText = () => this.#redact(text);
    // A request id is a header the upstream chose: it can echo the key like any body.
    const echoed = rawHeaders["x-request-id"];
    const headers =
      echoed === undefined
        ? rawHeaders
        : { ...rawHeaders, "x-request-id": this.#redact(Array.isArray(echoed) ? (echoed[0] ?? "") : echoed) };
    if (status >= 200 && status < 300) {
      if (text.trim() === "") return { ok: true, value: undefined };
      try {
        const value: unknown = JSON.parse(text);
        if (depthOf(value) > MAX_JSON_DEPTH) throw new Error(`nested deeper than ${MAX_JSON_DEPTH} levels`);
        return { ok: true, value };
      } catch (cause) {
        const requestId = headers["x-request-id"];
        return {
          ok: false,
          error: new WorkOSParseError(status, safeText(), {
            requestId: Array.isArray(requestId) ? requestId[0] : requestId,
            cause: this.#sanitize(cause),
          }),
        };
      }
    }
    const retryAfter = headers["retry-after"];
    return {
      ok: false,
      error: errorFromResponse(status, headers, safeText()),
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    };
  }

  #transportError(
    error: unknown,
    label: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    timeoutSignal: AbortSignal,
  ): unknown {
    const cause = this.#sanitize(error);
    if (callerSignal?.aborted) return new WorkOSAbortError(`${label} was aborted.`, cause);
    if (timeoutSignal.aborted || TIMEOUT_CODES.has(errorCode(error) ?? "")) {
      return new WorkOSTimeoutError(`${label} timed out after ${timeoutMs} ms.`, timeoutMs, cause);
    }
    const proxyStatus = /^Proxy response \((\d{3})\)/.exec(error instanceof Error ? error.message : "")?.[1];
    if (this.#proxy !== undefined && proxyStatus !== undefined) {
      return new WorkOSConnectionError(
        `${label} failed: the proxy refused to connect to ${this.baseUrl} (it answered HTTP ${proxyStatus}` +
          `${proxyStatus === "407" ? ", proxy authentication required" : ""}).`,
        cause,
      );
    }
    // An answer that is not HTTP at all (a bad status line, stray bytes, a body shorter than announced).
    const code = errorCode(error) ?? "";
    const name = error instanceof Error ? error.name : "";
    if (
      name === "HTTPParserError" ||
      code.startsWith("HPE_") ||
      code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"
    ) {
      return new WorkOSConnectionError(
        this.#redact(`${label} failed: ${this.baseUrl} did not answer in HTTP (${code || name}).`),
        cause,
      );
    }
    if (isConnectionFailure(error)) {
      const detail = [errorCode(error), error instanceof Error ? error.message : undefined]
        .filter((part) => part !== undefined && part !== "")
        .join(": ");
      return new WorkOSConnectionError(
        this.#redact(`${label} failed: connection to ${this.baseUrl} failed (${detail}).`),
        cause,
      );
    }
    return cause;
  }

  /** The key in any form it can be echoed in, whole or in part (see redact.ts), on the whole text. */
  #redact(text: string): string {
    return this.#redactor.redact(text);
  }

  /**
   * A fresh error carrying only name, message, stack, code and cause, each redacted: a transport error's
   * other properties (undici's parser keeps the raw response bytes in `data`) may hold anything.
   */
  #sanitize(error: unknown, depth = 0): unknown {
    if (typeof error === "string") return this.#redact(error);
    if (!(error instanceof Error)) return error;
    const original = error as Error & { code?: unknown };
    const copy = new Error(this.#redact(original.message)) as Error & { code?: unknown };
    copy.name = original.name;
    copy.stack = this.#redact(original.stack ?? "");
    if (typeof original.code === "string") copy.code = original.code;
    if (original.cause !== undefined && depth < 3) copy.cause = this.#sanitize(original.cause, depth + 1);
    return copy;
  }
}
