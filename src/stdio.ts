import {
  type JSONRPCMessage,
  ProtocolErrorCode,
  parseJSONRPCMessage,
  type RequestId,
  type Transport,
} from "@modelcontextprotocol/server";
import { forbiddenKeyIn, MAX_MESSAGE_BYTES } from "./mcp/limits.js";

/** How long calls in flight may take to finish once stdin has closed. */
const DRAIN_MS = 30_000;

/** Enough of a refused message to find its id: clients write `id` before `params`. */
const HEAD_BYTES = 512;

/**
 * MCP over stdio, newline-delimited JSON-RPC. Unlike the SDK's transport, a message over the limit or one
 * that is not JSON-RPC is answered with a JSON-RPC error and the session goes on (the SDK's closes the
 * transport without a word), lines are joined once instead of at every chunk, and when stdin closes the
 * calls already received are answered before the transport closes.
 */
export class StdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  readonly #stdin: NodeJS.ReadableStream;
  readonly #stdout: NodeJS.WritableStream;
  readonly #maxBytes: number;
  #parts: Buffer[] = [];
  #size = 0;
  /** Set while the rest of an oversized line is skipped: its first bytes, to find the id. */
  #refusedHead: string | undefined;
  readonly #pending = new Set<RequestId>();
  #ended = false;
  #closed = false;
  #onClosed: () => void = () => {};
  /** Settles when the transport has closed: whoever owns it (the SDK's serveStdio) may replace onclose. */
  readonly closed = new Promise<void>((resolve) => {
    this.#onClosed = resolve;
  });

  constructor(
    stdin: NodeJS.ReadableStream = process.stdin,
    stdout: NodeJS.WritableStream = process.stdout,
    maxBytes = MAX_MESSAGE_BYTES,
  ) {
    this.#stdin = stdin;
    this.#stdout = stdout;
    this.#maxBytes = maxBytes;
  }

  async start(): Promise<void> {
    this.#stdin.on("data", this.#onData);
    this.#stdin.on("error", this.#onError);
    this.#stdin.on("end", this.#onEnd);
  }

  readonly #onData = (chunk: Buffer | string): void => {
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10, start)) {
      this.#take(data.subarray(start, newline));
      this.#endLine();
      start = newline + 1;
    }
    if (start < data.length) this.#take(data.subarray(start));
  };

  readonly #onError = (error: Error): void => this.onerror?.(error);

  readonly #onEnd = (): void => {
    this.#ended = true;
    this.#closeWhenDrained();
    // A call that never finishes (a client gone mid-elicitation) must not keep the process alive.
    setTimeout(() => void this.close(), DRAIN_MS).unref();
  };

  #take(part: Buffer): void {
    if (this.#refusedHead !== undefined || part.length === 0) return;
    if (this.#size + part.length > this.#maxBytes) {
      this.#refusedHead = Buffer.concat([...this.#parts, part.subarray(0, HEAD_BYTES)])
        .subarray(0, HEAD_BYTES)
        .toString("utf8");
      this.#parts = [];
      this.#size = 0;
      return;
    }
    this.#parts.push(part);
    this.#size += part.length;
  }

  #endLine(): void {
    if (this.#refusedHead !== undefined) {
      const id = idIn(this.#refusedHead);
      this.#refusedHead = undefined;
      this.#reply(
        id,
        ProtocolErrorCode.InvalidRequest,
        `Message refused: it is larger than ${this.#maxBytes} bytes, the most this server reads in one message.`,
      );
      return;
    }
    const line = Buffer.concat(this.#parts, this.#size).toString("utf8").replace(/\r$/, "");
    this.#parts = [];
    this.#size = 0;
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      this.#reply(null, ProtocolErrorCode.ParseError, "Parse error: the message is not valid JSON.");
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(json);
    } catch {
      const id = (json as { id?: unknown } | null)?.id;
      this.#reply(
        typeof id === "string" || typeof id === "number" ? id : null,
        ProtocolErrorCode.InvalidRequest,
        "Invalid request: not a JSON-RPC 2.0 message.",
      );
      return;
    }
    const forbidden = forbiddenKeyIn(json);
    if (forbidden !== undefined) {
      const id = "id" in message ? (message.id ?? null) : null;
      this.#reply(
        id,
        ProtocolErrorCode.InvalidParams,
        `Invalid params: a "${forbidden}" key is refused; it is no parameter of any tool.`,
      );
      return;
    }
    if ("method" in message && "id" in message) this.#pending.add(message.id);
    this.onmessage?.(message);
  }

  #reply(id: RequestId | null, code: number, message: string): void {
    void this.#write({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.#write(message);
    if (!("method" in message) && "id" in message && message.id !== undefined) {
      this.#pending.delete(message.id);
      this.#closeWhenDrained();
    }
  }

  #write(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.#stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.#stdout.once("drain", resolve);
    });
  }

  #closeWhenDrained(): void {
    if (this.#ended && this.#pending.size === 0) void this.close();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stdin.off("data", this.#onData);
    this.#stdin.off("error", this.#onError);
    this.#stdin.off("end", this.#onEnd);
    this.#parts = [];
    this.onclose?.();
    this.#onClosed();
  }
}

/** The id of a message from its first bytes, when it can be read there. */
function idIn(head: string): RequestId | null {
  const match = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/.exec(head);
  if (match === null) return null;
  try {
    return JSON.parse(match[1] as string) as RequestId;
  } catch {
    return null;
  }
}
