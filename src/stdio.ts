import {
  type JSONRPCMessage,
  ProtocolErrorCode,
  parseJSONRPCMessage,
  type RequestId,
  type Transport,
} from "@modelcontextprotocol/server";
import { forbiddenKeyIn, MAX_MESSAGE_BYTES } from "./mcp/limits.js";

/**
 * The revisions a request's `_meta` envelope may name (2025 ones are negotiated by initialize, without one).
 * The SDK checks only a connection's first message; every request is checked here, as the spec asks.
 */
const SPOKEN_REVISIONS: readonly string[] = ["2026-07-28"];
const PROTOCOL_VERSION_KEY = "io.modelcontextprotocol/protocolVersion";

/** How long calls in flight may take to finish once stdin has closed. */
const DRAIN_MS = 30_000;

/**
 * Enough of each end of a refused message to find its id: the SDK's clients write `id` last, after `params`;
 * others write it first.
 */
const END_BYTES = 512;

/** Answers some messages before the SDK sees them (src/stdio-shortcut.ts), and sees every message sent. */
export interface MessageShortcut {
  /** Answers the message through `reply` and returns true, or returns false for the SDK to serve it. */
  take(message: JSONRPCMessage, reply: (message: JSONRPCMessage) => Promise<void>): boolean;
  sent(message: JSONRPCMessage): void;
  close(): void;
}

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
  /** Set before the first message: messages it answers never reach onmessage. */
  shortcut?: MessageShortcut;

  readonly #stdin: NodeJS.ReadableStream;
  readonly #stdout: NodeJS.WritableStream;
  readonly #maxBytes: number;
  #parts: Buffer[] = [];
  #size = 0;
  /** Set while the rest of an oversized line is skipped: its first and last bytes, to find the id. */
  #refused: { head: Buffer; tail: Buffer } | undefined;
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
    if (part.length === 0) return;
    if (this.#refused !== undefined) {
      this.#refused.tail = lastBytes([this.#refused.tail, part]);
      return;
    }
    if (this.#size + part.length > this.#maxBytes) {
      const parts = [...this.#parts, part];
      this.#refused = { head: firstBytes(parts), tail: lastBytes(parts) };
      this.#parts = [];
      this.#size = 0;
      return;
    }
    this.#parts.push(part);
    this.#size += part.length;
  }

  #endLine(): void {
    if (this.#refused !== undefined) {
      const id = idIn(this.#refused.head.toString("utf8"), this.#refused.tail.toString("utf8"));
      this.#refused = undefined;
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
    const requested = unspokenRevision(message);
    if (requested !== undefined && "id" in message) {
      this.#reply(
        message.id ?? null,
        ProtocolErrorCode.UnsupportedProtocolVersion,
        `Unsupported protocol version: ${requested}`,
        { supported: [...SPOKEN_REVISIONS], requested },
      );
      return;
    }
    if ("method" in message && "id" in message) this.#pending.add(message.id);
    if (this.shortcut?.take(message, (answer) => this.send(answer))) return;
    this.onmessage?.(message);
  }

  #reply(id: RequestId | null, code: number, message: string, data?: unknown): void {
    const error = data === undefined ? { code, message } : { code, message, data };
    void this.#write({ jsonrpc: "2.0", id, error } as unknown as JSONRPCMessage);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.shortcut?.sent(message);
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
    this.shortcut?.close();
    this.onclose?.();
    this.#onClosed();
  }
}

function firstBytes(parts: Buffer[]): Buffer {
  const head: Buffer[] = [];
  let size = 0;
  for (const part of parts) {
    if (size >= END_BYTES) break;
    head.push(part.subarray(0, END_BYTES - size));
    size += head.at(-1)?.length ?? 0;
  }
  return Buffer.concat(head, size);
}

function lastBytes(parts: Buffer[]): Buffer {
  const tail: Buffer[] = [];
  let size = 0;
  for (const part of [...parts].reverse()) {
    if (size >= END_BYTES) break;
    tail.unshift(part.subarray(-(END_BYTES - size)));
    size += tail[0]?.length ?? 0;
  }
  return Buffer.concat(tail, size);
}

const ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.){0,200}")`;
const SCALAR = String.raw`(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)`;
/** `id` as the message's last member: `…,"id":7}`. A nested one would be followed by more than one `}`. */
const ID_LAST = new RegExp(String.raw`[{,]\s*"id"\s*:\s*${ID_VALUE}\s*\}\s*$`);
/** `id` among the message's first members, after scalar ones only, so that it is the message's own. */
const ID_FIRST = new RegExp(
  String.raw`^\s*\{(?:\s*"(?:[^"\\]|\\.)*"\s*:\s*${SCALAR}\s*,)*?\s*"id"\s*:\s*${ID_VALUE}`,
);

/** The revision a request's envelope names, when this server does not speak it. */
function unspokenRevision(message: JSONRPCMessage): string | undefined {
  if (!("method" in message)) return undefined;
  const meta = (message.params as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const requested = meta?.[PROTOCOL_VERSION_KEY];
  if (requested === undefined || SPOKEN_REVISIONS.includes(requested as string)) return undefined;
  return String(requested);
}

/** The id of a message from its first and last bytes, when it can be read there. */
function idIn(head: string, tail: string): RequestId | null {
  const match = ID_LAST.exec(tail) ?? ID_FIRST.exec(head);
  if (match === null) return null;
  try {
    return JSON.parse(match[1] as string) as RequestId;
  } catch {
    return null;
  }
}
