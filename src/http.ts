import { createHash, timingSafeEqual } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type AuthInfo,
  createMcpHandler,
  isLegacyRequest,
  type McpHttpHandler,
  PROTOCOL_VERSION_META_KEY,
  UnsupportedProtocolVersionError,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import type { WorkOSClient } from "./client/client.js";
import type { Config, HttpConfig } from "./config.js";
import { hostAllowed, LOOPBACK_NAMES, loopbackHosts, quoted } from "./host-check.js";
import { log } from "./log.js";
import { forbiddenKeyIn, MAX_MESSAGE_BYTES } from "./mcp/limits.js";
import { httpServing } from "./server.js";
import { ResourceServer } from "./sign-in/resource-server.js";
import type { AnyTool } from "./tools/define.js";

export const MCP_PATH = "/mcp";
export const HEALTH_PATH = "/healthz";
/** Anything larger is refused before it is read: the same limit as stdio (see MAX_MESSAGE_BYTES). */
export const MAX_BODY_BYTES = MAX_MESSAGE_BYTES;
const SHUTDOWN_GRACE_MS = 10_000;

export interface HttpServerDeps {
  /** One WorkOS client (one connection pool) shared by every request. */
  client: WorkOSClient;
  /** The clock for confirmations (tokens and input_required states); tests move it. */
  now?: () => number;
  /** The tools to serve from (see PipelineDeps); the CLI passes those of the toolsets it uses. */
  tools?: readonly AnyTool[];
  /**
   * Whether plain 2026-07-28 tool calls may skip the SDK's handler (src/http-shortcut.ts); on unless a test
   * compares its answers with the SDK's.
   */
  shortcut?: boolean;
}

export interface RunningHttpServer {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (up to a grace period), then resolves. */
  close(): Promise<void>;
  /** Tool calls answered by the shortcut rather than the SDK's handler. */
  shortcutCalls(): number;
}

/**
 * Serves the MCP tools over Streamable HTTP in stateless mode: every POST gets a fresh Server and transport,
 * so requests share nothing but the WorkOS client and any number of replicas can sit behind a load balancer.
 * Every /mcp request must pass the Host/Origin allowlist (DNS-rebinding protection) and carry the bearer token:
 * the one shared token, or, when people sign in, their own AuthKit access token (the person it names goes with
 * the request to the handlers, as the SDK's authInfo).
 */
export async function startHttpServer(config: Config, deps: HttpServerDeps): Promise<RunningHttpServer> {
  const http = config.http;
  if (http === undefined) throw new Error("startHttpServer needs config.http (--http)");
  const expectedToken = http.token === undefined ? undefined : digest(http.token);
  const resourceServer =
    http.signIn === undefined ? undefined : new ResourceServer(http.signIn, deps.client, deps.now);
  // Every request gets a fresh Server; what no request changes is made once, here.
  const { factory: newServer, shortcut } = httpServing(config, {
    client: deps.client,
    ...(deps.now === undefined ? {} : { now: deps.now }),
    ...(deps.tools === undefined ? {} : { tools: deps.tools }),
  });
  // Not when people sign in: each call is then checked against its person's permissions and logged by name, which
  // a kind of request learned from one person must never carry over to another's.
  const useShortcut = (deps.shortcut ?? true) && resourceServer === undefined;
  let allow: Allowlist | undefined;

  const server = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error("HTTP request failed", error);
      if (!res.headersSent) sendJsonRpcError(res, 500, -32603, "Internal server error");
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://placeholder").pathname;
    // Health checks come from load balancers with arbitrary Host headers; they reveal nothing.
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : '{"status":"ok"}');
      return;
    }
    // Public: the metadata tells a client where people sign in.
    const metadata = resourceServer?.metadataResponse(req.method ?? "GET", path);
    if (metadata !== undefined) return sendResponse(metadata, res);
    if (path !== MCP_PATH) return sendPlain(res, 404, "Not found. The MCP endpoint is /mcp.");

    // RFC 9112 3.2: a request with more than one Host is a bad request (Node would keep the first silently).
    if (countHeader(req, "host") > 1 || countHeader(req, "origin") > 1) {
      return sendJsonRpcError(res, 400, -32600, "Bad request: more than one Host or Origin header");
    }
    const refusal = allow?.check(req);
    if (refusal !== undefined) {
      log.info(`refused ${req.method} ${MCP_PATH}: ${refusal}`);
      return sendJsonRpcError(res, 403, -32000, `Forbidden: ${refusal}`);
    }
    let authInfo: AuthInfo | undefined;
    if (resourceServer !== undefined) {
      const signedIn = await resourceServer.authenticate(req);
      if (signedIn instanceof Response) return sendResponse(signedIn, res);
      authInfo = signedIn;
    } else if (!authorized(req.headers.authorization, expectedToken as Buffer)) {
      log.info(`refused ${req.method} ${MCP_PATH}: missing or wrong bearer token`);
      res.setHeader("www-authenticate", 'Bearer realm="workos-mcp"');
      return sendJsonRpcError(res, 401, -32000, "Unauthorized: send Authorization: Bearer <token>");
    }
    const who = authInfo === undefined ? {} : { authInfo };
    // Stateless: there is no session to stream to (GET) or to end (DELETE).
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJsonRpcError(res, 405, -32000, "Method not allowed: this server is stateless; POST only");
    }

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === "too_large") {
      log.info(`refused POST ${MCP_PATH}: body over ${MAX_BODY_BYTES} bytes`);
      res.setHeader("connection", "close");
      sendJsonRpcError(res, 413, -32000, `Payload too large: the limit is ${MAX_BODY_BYTES} bytes`);
      res.once("finish", () => req.destroy());
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(body.toString("utf8"));
    } catch {
      return sendJsonRpcError(res, 400, -32700, "Parse error: the body is not JSON");
    }
    const forbidden = forbiddenKeyIn(message);
    if (forbidden !== undefined) {
      return sendJsonRpcError(
        res,
        400,
        -32602,
        `Invalid params: a "${forbidden}" key is refused; it is no parameter of any tool.`,
        requestIdOf(message),
      );
    }

    // A plain 2026-07-28 call of a kind the SDK has answered before is answered as it was (src/http-shortcut.ts).
    const candidate = useShortcut ? shortcut.candidate(req, message) : undefined;
    if (candidate?.headers !== undefined) return shortcut.answer(candidate, message, res);

    const request = webRequest(req, res);
    // The SDK classifies each request once: what surely is 2026-07-28 goes to its handler, which classifies it.
    const legacy = !claimsModernEra(message) && (await isLegacyRequest(request, message));
    const response = legacy
      ? await serveLegacy(request, message, authInfo)
      : await modern.fetch(request, { parsedBody: message, ...who });
    await sendResponse(
      response,
      res,
      candidate === undefined || legacy
        ? undefined
        : (status, headers, body) => shortcut.learn(candidate, status, headers, body),
    );
  }

  /**
   * MCP 2026-07-28 (a request carrying the per-request envelope): the SDK's stateless handler validates the
   * envelope and the Mcp-Method/Mcp-Name headers, answers server/discover, and builds a server per request.
   */
  const modern: McpHttpHandler = createMcpHandler(newServer, {
    legacy: "reject",
    maxRequestBodySize: MAX_BODY_BYTES,
    onerror: (error) => {
      const refusal = clientMistake(error);
      if (refusal === undefined) log.error("MCP request failed", error);
      else log.info(`refused POST ${MCP_PATH}: ${refusal}`);
    },
  });

  /** MCP 2025-11-25, exactly as before: a fresh server and transport per request, answered as plain JSON. */
  async function serveLegacy(
    request: Request,
    message: unknown,
    authInfo: AuthInfo | undefined,
  ): Promise<Response> {
    const mcp = newServer();
    // No sessionIdGenerator means stateless mode (it is left out, not set to undefined, for the strict types).
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await mcp.connect(transport);
    const done = () => {
      void transport.close().catch(() => {});
      void mcp.close().catch(() => {});
    };
    // A client that goes away mid-call ends it: closing the server aborts its handlers' signals, and with them
    // the call's WorkOS requests (the transport alone would wait for the answer nobody reads).
    request.signal.addEventListener("abort", done, { once: true });
    const response = await transport.handleRequest(request, {
      parsedBody: message,
      ...(authInfo === undefined ? {} : { authInfo }),
    });
    // The body is complete once handleRequest resolves in JSON mode; the pair is done with.
    request.signal.removeEventListener("abort", done);
    done();
    return response;
  }

  // Longer than common load balancers' idle timeout (60 s), so they never reuse a socket Node just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(http.port, http.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  allow = new Allowlist(http, port);
  const url = `http://${formatHost(http.host)}:${port}${MCP_PATH}`;
  log.info(
    `serving MCP over Streamable HTTP at ${url} (stateless; ${
      http.signIn === undefined
        ? "bearer token required"
        : `people sign in with AuthKit at ${http.signIn.authkitDomain}, as ${http.signIn.publicUrl}`
    }; health at ${HEALTH_PATH})`,
  );
  if (!isLoopback(http.host) && http.allowedHosts.length === 0) {
    log.info(
      `listening on ${http.host}, but only localhost Host headers are accepted: ` +
        "set WORKOS_MCP_ALLOWED_HOSTS to the name clients use (e.g. mcp.example.com)",
    );
  }

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    shortcutCalls: () => shortcut.served,
    close() {
      closed ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

/** Host and Origin checks against DNS rebinding: a browser page on another site must not reach the server. */
class Allowlist {
  readonly #hosts: Set<string>;
  readonly #origins: Set<string>;

  constructor(http: HttpConfig, port: number) {
    this.#hosts = new Set([...loopbackHosts(port), ...http.allowedHosts]);
    this.#origins = new Set([
      ...LOOPBACK_NAMES.flatMap((name) => [`http://${name}:${port}`, `https://${name}:${port}`]),
      ...http.allowedOrigins,
    ]);
  }

  /** Why the request is refused, or undefined when it may go on. */
  check(req: IncomingMessage): string | undefined {
    const host = req.headers.host;
    if (!hostAllowed(host, this.#hosts)) {
      return `Host ${quoted(host?.toLowerCase() ?? "")} is not allowed (set WORKOS_MCP_ALLOWED_HOSTS)`;
    }
    // Non-browser clients send no Origin; a browser always does, and a foreign one is refused.
    const origin = req.headers.origin;
    if (origin !== undefined && !this.#origins.has(origin.toLowerCase())) {
      return `Origin ${quoted(origin)} is not allowed (set WORKOS_MCP_ALLOWED_ORIGINS)`;
    }
    return undefined;
  }
}

/**
 * What the SDK reports when it refuses a client's malformed 2026-07-28 request (envelope, headers, version):
 * the client was answered with an error; for the operator it is a refusal like this server's own, one line.
 */
function clientMistake(error: Error): string | undefined {
  if (error instanceof UnsupportedProtocolVersionError) return error.message;
  return /^Rejected inbound request \([\w-]+\): (.*)$/s.exec(error.message)?.[1];
}

function countHeader(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]?.toLowerCase() === name) count += 1;
  return count;
}

function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost";
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant time: both sides are hashed to the same length before comparing. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const token = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "")?.[1];
  return timingSafeEqual(digest(token ?? ""), expected) && token !== undefined;
}

/** Reads the body up to `limit` bytes; stops reading at once past it (Content-Length or streamed). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too_large"> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.pause();
    return Promise.resolve("too_large");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.pause();
      resolve("too_large");
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * The request as a web Request for the SDK: its headers and URL, no body (the SDK gets the body already read
 * and parsed, within this server's own limit), and a signal that aborts when the client goes away before its
 * answer is sent (the call's WorkOS requests end with it). A response that finished closes too: aborting then
 * would cancel nothing, and would run every abort listener the call left on the signal, on every request.
 */
function webRequest(req: IncomingMessage, res: ServerResponse): Request {
  // A record (Node's names are lowercase and unique; no prototype, so any name is a key): the Request fills
  // its own Headers from it once.
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  return new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method ?? "POST",
    headers,
    signal: gone.signal,
  });
}

/**
 * Writes the SDK's Response to Node's: a JSON answer whole, in one write with its Content-Length (written
 * piecewise it would go chunked, its end a second write on the socket), an SSE body as it comes.
 */
async function sendResponse(
  response: Response,
  res: ServerResponse,
  sentJson?: (status: number, headers: Record<string, string>, body: Buffer) => void,
): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (response.body !== null && headers["content-type"]?.startsWith("application/json") === true) {
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...headers, "content-length": String(body.length) });
    res.end(body);
    sentJson?.(response.status, headers, body);
    return;
  }
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  for await (const chunk of response.body) {
    if (res.destroyed) break;
    res.write(chunk);
  }
  res.end();
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

/** `id` is null only where the request's id is not known: refused before its body was read, or not JSON. */
function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  id: string | number | null = null,
): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id }));
}

/**
 * Whether the SDK's classification (classifyInboundRequest, behind both isLegacyRequest and createMcpHandler)
 * would route this parsed POST body to the 2026-07-28 side, answered as told here without running it: one
 * JSON-RPC object, not a response, not `initialize` (which a malformed claim leaves in the 2025 era), whose
 * params' `_meta` holds the protocol-version key. The SDK routes any such body to the modern side, whatever
 * the headers say and however malformed the rest of the envelope (its modern side refuses what is wrong).
 * False means "ask isLegacyRequest", never "legacy".
 */
export function claimsModernEra(message: unknown): boolean {
  if (!isPlainObject(message) || message.method === "initialize") return false;
  if (Object.hasOwn(message, "result") || Object.hasOwn(message, "error")) return false;
  const meta = isPlainObject(message.params) ? message.params._meta : undefined;
  return isPlainObject(meta) && PROTOCOL_VERSION_META_KEY in meta;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A parsed message's id, for its error response (JSON-RPC: the same id as the request, when it can be read). */
function requestIdOf(message: unknown): string | number | null {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}
