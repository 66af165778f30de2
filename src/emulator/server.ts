import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import { hostAllowed, loopbackHosts, quoted } from "../host-check.js";
import { EVENT_ID_PREFIX } from "../workos/event.js";
import { type ControlTarget, handleControl } from "./control.js";
import { ApiError, notEmulated } from "./errors.js";
import { type Fault, FaultQueue, parseFault } from "./faults.js";
import { fingerprint, IdempotencyCache } from "./idempotency.js";
import { isoTime, newId } from "./ids.js";
import { OperationCoverage, type OperationsReport } from "./operations.js";
import { RateLimiter } from "./rate-limit.js";
import { loggableHeaders, queryObject, RequestLog } from "./request-log.js";
import type { EmittedEvent } from "./resource.js";
import { auditLogEvents } from "./resources/audit-log-events.js";
import { sentSms } from "./resources/authentication-factors.js";
import { publishTxt } from "./resources/dns-records.js";
import { events } from "./resources/events.js";
import { RESOURCES } from "./resources/index.js";
import { mintAccessToken } from "./resources/oauth-server.js";
import { webhookEndpoints } from "./resources/webhook-endpoints.js";
import { writeReply } from "./respond.js";
import { type EmulatorContext, type Reply, type Route, Router } from "./router.js";
import { applySeed, type Seed } from "./seed.js";
import { EmulatorStore } from "./store.js";
import { isRecord } from "./validate.js";
import { WebhookDispatcher } from "./webhook-delivery.js";

/** A larger request body gets 413: the emulator serves tests, and WorkOS bodies are small. */
export const MAX_BODY_BYTES = 1024 * 1024;

const ROUTES: Route[] = RESOURCES.flatMap((resource) => resource.routes?.() ?? []);
const COVERAGE = new OperationCoverage(ROUTES);

/** What the emulator remembers, each the most recent so many; older entries are forgotten. */
export interface Retention {
  /** Entries of the request log (/_emulator/requests). */
  requests: number;
  /** Events (GET /events and webhook replays). */
  events: number;
  /** Idempotency keys and their first responses. */
  idempotencyKeys: number;
}

export const DEFAULT_RETENTION: Retention = { requests: 1_000, events: 1_000, idempotencyKeys: 1_000 };

/** A request body above this is logged as its size only: the log is for tests, not an archive. */
const LOGGED_BODY_BYTES = 64 * 1024;

export interface ServerConfig {
  host: string;
  port: number;
  apiKey: string;
  seed: Seed;
  rateLimit?: { requests: number; windowMs: number };
  webhookRetryDelaysMs: number[];
  now: () => number;
  retain: Retention;
}

interface ParsedBody {
  text: string;
  value: unknown;
  /** Why the body cannot be used (not JSON, or nested too deeply); undefined when it can. */
  invalid: string | undefined;
}

/** Deeper JSON is refused: no WorkOS body comes near it, and fingerprinting or logging it would overflow the stack. */
const MAX_BODY_DEPTH = 64;

/** The HTTP front: control API, request log, faults, rate limit, auth, idempotency, then the routes. */
export class EmulatorServer implements ControlTarget {
  private store = new EmulatorStore(RESOURCES);
  private readonly router = new Router(ROUTES);
  private readonly faults = new FaultQueue();
  private readonly log: RequestLog;
  private readonly idempotency: IdempotencyCache;
  private readonly limiter: RateLimiter | undefined;
  private readonly webhooks: WebhookDispatcher;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private readonly context: EmulatorContext;
  private origin = "";
  /** The Host values answered: loopback names and the bound address, on the bound port (DNS rebinding). */
  private hosts: ReadonlySet<string> = new Set();
  private closed = false;

  constructor(private readonly config: ServerConfig) {
    this.log = new RequestLog(config.retain.requests);
    this.idempotency = new IdempotencyCache(config.retain.idempotencyKeys);
    this.limiter = config.rateLimit
      ? new RateLimiter(config.rateLimit.requests, config.rateLimit.windowMs)
      : undefined;
    this.webhooks = new WebhookDispatcher(
      () => this.store.of(webhookEndpoints).values(),
      config.webhookRetryDelaysMs,
    );
    applySeed(this.store, config.seed, config.now);
    const self = this;
    this.context = {
      get store() {
        return self.store;
      },
      now: config.now,
      baseUrl: () => this.origin,
      emit: (event) => this.emit(event),
      apiKey: config.apiKey,
    };
    this.server = createServer({ keepAlive: true }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error("emulator: unexpected error", error);
        writeReply(res, { status: 500, body: { message: "Internal emulator error." } });
      });
    });
    // Node closes idle sockets after 5 s and tells clients so; a client whose event loop stalls past its 1 s
    // margin (a loaded test machine) then reuses a socket just closed and gets ECONNRESET. Tests reuse
    // sockets for a minute; close() still ends them all at once.
    this.server.keepAliveTimeout = 65_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.config.port, this.config.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "[::]" ? "[::1]" : host;
    this.origin = `http://${reachable}:${address.port}`;
    const bound = host === "0.0.0.0" || host === "[::]" ? [] : [`${host}:${address.port}`];
    this.hosts = new Set([...loopbackHosts(address.port), ...bound]);
    return this.origin;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.webhooks.close();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }

  addFault(raw: unknown): Record<string, unknown> {
    const fault = parseFault(raw);
    this.faults.add(fault);
    return { object: "fault", ...fault };
  }

  listFaults(): unknown[] {
    return this.faults.list();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listRequests(): readonly unknown[] {
    return this.log.list();
  }

  clearRequests(): void {
    this.log.clear();
  }

  listSmsMessages(): readonly unknown[] {
    return sentSms(this.store);
  }

  publishDnsRecord(raw: unknown): Record<string, unknown> {
    const { domain, value } = (isRecord(raw) ? raw : {}) as { domain?: unknown; value?: unknown };
    if (typeof domain !== "string" || typeof value !== "string" || domain === "" || value === "") {
      throw new ApiError(400, { message: 'A DNS record needs a "domain" and a "value" string.' });
    }
    return { object: "dns_record", ...publishTxt(this.store, domain, value) };
  }

  listOperations(): OperationsReport {
    return COVERAGE.report();
  }

  mintAccessToken(raw: unknown): { access_token: string } {
    return mintAccessToken(this.context, raw);
  }

  listAuditLogEvents(): readonly unknown[] {
    return this.store.of(auditLogEvents).values();
  }

  /** Back to the seed, as if freshly started: data, events, idempotency keys, links, faults, log. */
  reset(): void {
    this.webhooks.cancelAll();
    this.store = new EmulatorStore(RESOURCES);
    applySeed(this.store, this.config.seed, this.config.now);
    this.idempotency.clear();
    this.faults.clear();
    this.log.clear();
    this.limiter?.reset();
  }

  private emit({ type, data, organizationId, context }: EmittedEvent): void {
    const recorded = this.store.of(events);
    const event = recorded.insert({
      object: "event",
      id: newId(EVENT_ID_PREFIX),
      event: type,
      data,
      created_at: isoTime(this.config.now()),
      ...(context === undefined ? {} : { context }),
      organization_id: organizationId,
    });
    const entries = recorded.entries();
    while (entries.length > this.config.retain.events)
      recorded.delete((entries[0] as (typeof entries)[0]).value.id);
    this.webhooks.dispatch(event);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("X-Request-ID", newId("req"));
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    // The key is well known (sk_test_emulator): a foreign page whose name resolves to 127.0.0.1 must get nothing.
    if (!hostAllowed(req.headers.host, this.hosts)) {
      const message = `Host ${quoted(req.headers.host ?? "")} is not allowed: use ${this.origin}.`;
      writeReply(res, { status: 403, body: { message } });
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      writeReply(res, { status: 413, body: { message: "Request body too large." } });
      return;
    }

    if (path === "/_emulator" || path.startsWith("/_emulator/")) {
      writeReply(res, this.control(req, method, path, body));
      return;
    }

    this.log.add({
      request_id: String(res.getHeader("X-Request-ID")),
      method,
      path,
      query: queryObject(url.searchParams),
      headers: loggableHeaders(req.headers),
      body:
        body.text.length > LOGGED_BODY_BYTES
          ? { not_logged: `a body of ${Buffer.byteLength(body.text)} bytes` }
          : body.invalid !== undefined
            ? body.text
            : (body.value ?? null),
      received_at: isoTime(this.config.now()),
    });

    const fault = this.faults.take(method, path);
    if (fault?.delay_ms !== undefined && !(await this.sleep(fault.delay_ms))) return;
    if (fault && this.applyFault(fault, req, res)) return;

    const reply = await this.process(req, method, path, url.searchParams, body);
    if (fault?.action === "reset" && fault.after_handling) {
      req.socket.destroy();
      return;
    }
    writeReply(res, reply);
  }

  /** Returns true when the fault fully answered (or dropped) the request. */
  private applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.action) {
      case "reset":
        if (fault.after_handling) return false;
        req.socket.destroy();
        return true;
      case "hang":
        // Never answered; close() ends the socket.
        return true;
      case "malformed_json": {
        const payload = '{"object":"list","data":[{"object":"organization","id":"org_01';
        res.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "content-length": payload.length,
        });
        res.end(payload);
        return true;
      }
      default:
        break;
    }
    if (fault.status === undefined) return false;
    const reply: Reply = { status: fault.status, headers: fault.headers ?? {} };
    if (typeof fault.body === "string") reply.raw = fault.body;
    else reply.body = fault.body ?? { message: STATUS_CODES[fault.status] ?? "Injected fault" };
    writeReply(res, reply);
    return true;
  }

  private async process(
    req: IncomingMessage,
    method: string,
    path: string,
    query: URLSearchParams,
    body: ParsedBody,
  ): Promise<Reply> {
    try {
      const match = this.router.match(method, path);
      if (match.kind !== "found") {
        // Only a request no route serves pays for the spec lookup; like the 404, it needs no key.
        const operation = COVERAGE.notEmulated(method, path);
        if (operation) throw notEmulated(operation);
      }
      if (match.kind === "not_found")
        throw new ApiError(404, { message: `The requested path '${path}' could not be found.` });
      if (this.limiter) {
        const waitMs = this.limiter.check(this.config.now());
        if (waitMs > 0) return rateLimited(path, waitMs);
      }
      if (!(match.kind === "found" && match.route.public) && !this.authorized(req)) {
        throw new ApiError(401, {
          message: "Unauthorized: the API key is missing or invalid.",
          code: "unauthorized",
        });
      }
      if (match.kind === "method_not_allowed") {
        throw new ApiError(
          405,
          { message: `Method ${method} is not allowed on ${path}.` },
          { Allow: match.allowed.join(", ") },
        );
      }
      // 422: the spec's 400 bodies for these endpoints carry specific codes; 422 is its generic refusal.
      if (body.invalid !== undefined && (method === "POST" || method === "PUT" || method === "PATCH")) {
        throw new ApiError(422, { message: body.invalid });
      }
      const key = header(req, "idempotency-key");
      if (method !== "POST" || !key)
        return await this.route(match.route, match.params, method, path, query, body, req);
      const print = fingerprint(method, path, body.value);
      const prior = this.idempotency.get(key, this.config.now());
      if (prior) {
        if (prior.fingerprint !== print) {
          throw new ApiError(422, {
            code: "idempotency_key_reused",
            message:
              "This Idempotency-Key was already used with a different request; use a new key for a new request.",
            errors: [{ field: "Idempotency-Key", code: "idempotency_key_reused" }],
          });
        }
        return { ...prior.reply, headers: { ...prior.reply.headers, "Idempotent-Replayed": "true" } };
      }
      const reply = await this.route(match.route, match.params, method, path, query, body, req);
      // Only successful requests are remembered; a rejected one may be corrected and retried.
      if (reply.status < 500) this.idempotency.set(key, print, reply, this.config.now());
      return reply;
    } catch (error) {
      return errorReply(error);
    }
  }

  private route(
    route: Route,
    params: Record<string, string>,
    method: string,
    path: string,
    query: URLSearchParams,
    body: ParsedBody,
    req: IncomingMessage,
  ): Reply | Promise<Reply> {
    return route.handler(
      { method, path, params, query, body: body.value, headers: req.headers },
      this.context,
    );
  }

  private control(req: IncomingMessage, method: string, path: string, body: ParsedBody): Reply {
    try {
      if (!this.authorized(req))
        throw new ApiError(401, { message: "Unauthorized: the API key is missing or invalid." });
      if (body.invalid !== undefined) throw new ApiError(400, { message: body.invalid });
      return handleControl(method, path, body.value, this);
    } catch (error) {
      return errorReply(error);
    }
  }

  private authorized(req: IncomingMessage): boolean {
    const auth = header(req, "authorization");
    return auth !== undefined && auth === `Bearer ${this.config.apiKey}`;
  }

  /** Resolves false if the emulator closed while waiting. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(!this.closed);
      }, ms);
      this.timers.add(timer);
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
  throw error;
}

/** GET /directory_users declares its 429 body as the JSON string "Ratelimited"; the token endpoint its OAuth error. */
function rateLimited(path: string, waitMs: number): Reply {
  const headers = { "Retry-After": String(Math.max(1, Math.ceil(waitMs / 1000))) };
  if (path === "/directory_users") return { status: 429, body: "Ratelimited", headers };
  // The token endpoint refuses in OAuth's shape, as its spec declares.
  if (path === "/user_management/authenticate") {
    return {
      status: 429,
      body: {
        error: "too_many_requests",
        error_description: "Rate limit exceeded.",
        message: "Rate limit exceeded.",
      },
      headers,
    };
  }
  return { status: 429, body: { code: "rate_limit_exceeded", message: "Rate limit exceeded." }, headers };
}

async function readBody(req: IncomingMessage): Promise<ParsedBody | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { text, value: undefined, invalid: undefined };
  // OAuth endpoints (POST /sso/token) take form bodies, as the official SDK sends them.
  if (String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
    return { text, value: Object.fromEntries(new URLSearchParams(text)), invalid: undefined };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text, value: undefined, invalid: "The request body is not valid JSON." };
  }
  if (depthOf(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    return {
      text,
      value: undefined,
      invalid: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
    };
  }
  return { text, value, invalid: undefined };
}

/** How deeply arrays and objects nest in a parsed JSON value, counted without recursion and up to `limit` + 1. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
