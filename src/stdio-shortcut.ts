import type { Implementation, JSONRPCMessage, RequestId, Server } from "@modelcontextprotocol/server";
import type { Pipeline } from "./mcp/pipeline.js";

const PROTOCOL_VERSION_KEY = "io.modelcontextprotocol/protocolVersion";
const CLIENT_INFO_KEY = "io.modelcontextprotocol/clientInfo";
const CLIENT_CAPABILITIES_KEY = "io.modelcontextprotocol/clientCapabilities";
const SERVER_INFO_KEY = "io.modelcontextprotocol/serverInfo";
const ENVELOPE_KEYS: readonly string[] = [PROTOCOL_VERSION_KEY, CLIENT_INFO_KEY, CLIENT_CAPABILITIES_KEY];
/** The only params a plain call has; anything else (requestState, inputResponses, task…) goes to the SDK. */
const CALL_PARAMS: readonly string[] = ["name", "arguments", "_meta"];

/** Distinct envelopes remembered: a client sends one; more is a client changing its mind, or a flood. */
const KNOWN_ENVELOPES = 16;
/** Requests remembered until the SDK answers them (a cancelled one never is). */
const ASKED = 1_000;

/** The era serveStdio serves a connection in, as it tells the factory. */
export type Era = "legacy" | "modern";

/** The server serveStdio made for the connection, and its era. */
export interface Serving {
  era: Era;
  server: Server;
}

/** What the SDK was asked, so that its answer can tell what it accepts. */
interface Asked {
  method: string;
  /** The request's envelope as a key (modern), or undefined. */
  envelope: string | undefined;
}

export type Params = { name?: unknown; arguments?: unknown; _meta?: unknown };

/**
 * Plain tool calls over stdio, answered without the SDK's per-message work (in 2026-07-28 a good third of a
 * call's CPU: past this transport's own parse, the message is schema-checked a dozen times on its way in and
 * out, and each check that fails builds an error). Only calls whose answer is certain to be the one the SDK
 * would send are taken:
 *
 * - the connection is pinned: the SDK has answered a request other than server/discover on the server it
 *   made last, so its era is settled;
 * - a read (no tool with a delete target: those may ask the user), enabled, called with arguments that are
 *   an object, and no params but name, arguments and _meta;
 * - 2025-11-25: no _meta (a progress token goes to the SDK); 2026-07-28: a _meta of the envelope's three keys
 *   only, and exactly an envelope the SDK has already accepted on this connection (no second copy of its
 *   checks here: the SDK judged this very envelope).
 *
 * Everything else, and every other message, goes to the SDK as before. The result is the pipeline's, written
 * as the SDK writes it: in 2026-07-28 with resultType "complete" and the server's identity in _meta. A
 * cancellation aborts the call and leaves it unanswered, as the SDK does. test/mcp/stdio-shortcut.test.ts
 * holds the answers byte for byte against the SDK's.
 */
export class ToolCallShortcut {
  readonly #pipeline: Pipeline;
  readonly #serverInfo: Implementation;
  readonly #current: () => Serving | undefined;
  readonly #reads: ReadonlySet<string>;
  /** The server whose era the SDK has settled by answering on it. */
  #pinned: Server | undefined;
  readonly #envelopes = new Set<string>();
  readonly #asked = new Map<RequestId, Asked>();
  readonly #running = new Map<RequestId, AbortController>();
  #served = 0;

  constructor(pipeline: Pipeline, serverInfo: Implementation, current: () => Serving | undefined) {
    this.#pipeline = pipeline;
    this.#serverInfo = serverInfo;
    this.#current = current;
    this.#reads = readToolNames(pipeline);
  }

  /** Calls answered here rather than by the SDK. */
  get served(): number {
    return this.#served;
  }

  /**
   * Answers the message through `reply` and returns true, or returns false for the SDK to serve it. Sees every
   * message the transport receives, in order.
   */
  take(message: JSONRPCMessage, reply: (message: JSONRPCMessage) => Promise<void>): boolean {
    if (!("method" in message)) return false;
    const params = message.params as Params | undefined;
    if (!("id" in message)) {
      if (message.method === "notifications/cancelled") {
        const { requestId, reason } = (params ?? {}) as { requestId?: RequestId; reason?: unknown };
        if (requestId !== undefined) this.#running.get(requestId)?.abort(reason);
      }
      return false;
    }
    const { id } = message;
    const envelope = envelopeKey(params?._meta);
    const serving = this.#current();
    if (
      message.method !== "tools/call" ||
      serving === undefined ||
      serving.server !== this.#pinned ||
      this.#running.has(id) ||
      !isPlainCall(params, this.#reads) ||
      (serving.era === "legacy" ? params?._meta !== undefined : !this.#envelopes.has(envelope as string))
    ) {
      if (this.#asked.size >= ASKED) this.#asked.clear();
      this.#asked.set(id, { method: message.method, envelope });
      return false;
    }
    this.#served++;
    void this.#call(id, params as Params, serving, reply);
    return true;
  }

  /** Sees every message the transport sends: an answer of the SDK's tells what it accepted. */
  sent(message: JSONRPCMessage): void {
    if ("method" in message || !("id" in message) || message.id === undefined) return;
    const asked = this.#asked.get(message.id);
    if (asked === undefined) return;
    this.#asked.delete(message.id);
    if (!("result" in message) || asked.method === "server/discover") return;
    const serving = this.#current();
    if (serving === undefined) return;
    this.#pinned = serving.server;
    if (serving.era === "modern" && asked.envelope !== undefined && this.#envelopes.size < KNOWN_ENVELOPES) {
      this.#envelopes.add(asked.envelope);
    }
  }

  /** Aborts the calls still running; the SDK does the same with its own when the connection closes. */
  close(): void {
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
  }

  async #call(
    id: RequestId,
    params: Params,
    { era, server }: Serving,
    reply: (message: JSONRPCMessage) => Promise<void>,
  ): Promise<void> {
    const controller = new AbortController();
    this.#running.set(id, controller);
    const meta = params._meta as Record<string, { name?: string } | undefined> | undefined;
    const clientName = era === "legacy" ? server.getClientVersion()?.name : meta?.[CLIENT_INFO_KEY]?.name;
    let answer: JSONRPCMessage;
    try {
      const result = await this.#pipeline.callTool(
        params.name as string,
        (params.arguments ?? {}) as Record<string, unknown>,
        { signal: controller.signal, progress: () => {}, clientName, confirmForm: undefined },
      );
      const wire = era === "modern" ? modernResult(result, this.#serverInfo) : result;
      answer = { result: wire, jsonrpc: "2.0", id } as JSONRPCMessage;
    } catch (error) {
      answer = errorAnswer(id, error);
    } finally {
      if (this.#running.get(id) === controller) this.#running.delete(id);
    }
    if (!controller.signal.aborted) await reply(answer);
  }
}

/** The tool names a shortcut may call: the enabled tools that never ask the user (no delete target). */
export function readToolNames(pipeline: Pipeline): ReadonlySet<string> {
  return new Set(pipeline.enabled.filter((tool) => tool.target === undefined).map((tool) => tool.name));
}

/** A tools/call result as the SDK's 2026-07-28 codec writes it: resultType, and who answered in _meta. */
export function modernResult(result: object, serverInfo: Implementation): object {
  return { ...result, resultType: "complete", _meta: { [SERVER_INFO_KEY]: serverInfo } };
}

/**
 * The envelope as one string, when _meta holds its keys and nothing else: as sent, so that only the very same
 * envelope matches (a client sends the same one every time).
 */
export function envelopeKey(meta: unknown): string | undefined {
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return undefined;
  const keys = Object.keys(meta);
  if (keys.length === 0 || keys.some((key) => !ENVELOPE_KEYS.includes(key))) return undefined;
  return JSON.stringify(meta);
}

export function isPlainCall(params: Params | undefined, reads: ReadonlySet<string>): boolean {
  if (typeof params !== "object" || params === null) return false;
  if (Object.keys(params).some((key) => !CALL_PARAMS.includes(key))) return false;
  const args = params.arguments;
  return (
    typeof params.name === "string" &&
    reads.has(params.name) &&
    (args === undefined || (typeof args === "object" && args !== null && !Array.isArray(args)))
  );
}

/** A failure as the SDK answers one thrown by a handler (its codec maps -32002 to -32602 in both eras). */
function errorAnswer(id: RequestId, error: unknown): JSONRPCMessage {
  const { code, message, data } = (error ?? {}) as { code?: unknown; message?: string; data?: unknown };
  const thrown = Number.isSafeInteger(code) ? (code as number) : -32603;
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: thrown === -32002 ? -32602 : thrown,
      message: message ?? "Internal error",
      ...(data === undefined ? {} : { data }),
    },
  } as JSONRPCMessage;
}
