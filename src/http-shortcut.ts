import type { IncomingMessage, ServerResponse } from "node:http";
import type { Implementation } from "@modelcontextprotocol/server";
import type { Pipeline } from "./mcp/pipeline.js";
import { envelopeKey, isPlainCall, modernResult, type Params, readToolNames } from "./stdio-shortcut.js";

/** A JSON-RPC request's own members; anything else is for the SDK to refuse. */
const MESSAGE_KEYS: readonly string[] = ["jsonrpc", "id", "method", "params"];
/** Distinct kinds of request remembered (tool × client); past it, the SDK serves the new ones. */
const KNOWN = 256;

/** A plain call's kind: the headers the SDK reads and the envelope, as one string. */
export interface Candidate {
  key: string;
  /** The SDK's answer headers for a request of this kind, once it has answered one. */
  headers: Readonly<Record<string, string>> | undefined;
}

/**
 * Plain 2026-07-28 tool calls over HTTP, answered without the SDK's stateless handler (which builds a Server
 * per request, classifies, checks headers and envelope, and schema-checks the message on its way in and out:
 * most of a call's CPU besides the call itself). The stdio shortcut's rules (src/stdio-shortcut.ts), with what
 * HTTP adds: only once the SDK has answered a request of the same kind with a JSON result, the same kind being
 * the same envelope and the same Content-Type, Accept and Mcp-* headers, for a tool named in Mcp-Name exactly
 * as in the body. The answer has the SDK's status and headers for that kind, and the body it would write.
 * test/mcp/http-shortcut.test.ts holds the answers byte for byte against the SDK's.
 */
export class HttpCallShortcut {
  readonly #pipeline: Pipeline;
  readonly #serverInfo: Implementation;
  readonly #reads: ReadonlySet<string>;
  readonly #known = new Map<string, Readonly<Record<string, string>>>();
  #served = 0;

  constructor(pipeline: Pipeline, serverInfo: Implementation) {
    this.#pipeline = pipeline;
    this.#serverInfo = serverInfo;
    this.#reads = readToolNames(pipeline);
  }

  /** Calls answered here rather than by the SDK. */
  get served(): number {
    return this.#served;
  }

  /** The kind of a plain 2026-07-28 call, or undefined for anything else. */
  candidate(req: IncomingMessage, message: unknown): Candidate | undefined {
    if (typeof message !== "object" || message === null || Array.isArray(message)) return undefined;
    const { jsonrpc, id, method, params } = message as Record<string, unknown>;
    if (jsonrpc !== "2.0" || method !== "tools/call") return undefined;
    if (typeof id !== "string" && !Number.isSafeInteger(id)) return undefined;
    if (Object.keys(message).some((key) => !MESSAGE_KEYS.includes(key))) return undefined;
    if (!isPlainCall(params as Params, this.#reads)) return undefined;
    const { name, _meta } = params as Params;
    const envelope = envelopeKey(_meta);
    if (envelope === undefined || req.headers["mcp-name"] !== name) return undefined;
    const key = `${headersRead(req)}\n${envelope}`;
    return { key, headers: this.#known.get(key) };
  }

  /** Remembers what the SDK answered a request of this kind with, when that was a JSON result. */
  learn(candidate: Candidate, status: number, headers: Record<string, string>, body: Buffer): void {
    if (
      status !== 200 ||
      this.#known.size >= KNOWN ||
      !headers["content-type"]?.startsWith("application/json")
    )
      return;
    let answer: unknown;
    try {
      answer = JSON.parse(body.toString("utf8"));
    } catch {
      return;
    }
    if (typeof answer !== "object" || answer === null || !("result" in answer)) return;
    const { "content-length": _, ...kept } = headers;
    this.#known.set(candidate.key, kept);
  }

  /** Runs the call and writes the answer the SDK would have written; a client gone first aborts the call. */
  async answer(candidate: Candidate, message: unknown, res: ServerResponse): Promise<void> {
    this.#served++;
    const { id, params } = message as { id: string | number; params: Params };
    const gone = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    const meta = params._meta as Record<string, { name?: string } | undefined>;
    const result = await this.#pipeline.callTool(
      params.name as string,
      (params.arguments ?? {}) as Record<string, unknown>,
      {
        signal: gone.signal,
        progress: () => {},
        clientName: meta["io.modelcontextprotocol/clientInfo"]?.name,
        confirmForm: undefined,
      },
    );
    if (gone.signal.aborted) return;
    const body = Buffer.from(
      JSON.stringify({ result: modernResult(result, this.#serverInfo), jsonrpc: "2.0", id }),
    );
    res.writeHead(200, { ...candidate.headers, "content-length": String(body.length) });
    res.end(body);
  }
}

/** The request headers the SDK's handler reads, as one string: Content-Type, Accept and every Mcp-* one. */
function headersRead(req: IncomingMessage): string {
  const read: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "content-type" || name === "accept" || name.startsWith("mcp-")) {
      read.push(`${name}: ${Array.isArray(value) ? value.join(", ") : value}`);
    }
  }
  return read.sort().join("\n");
}
