import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES } from "../../src/mcp/limits.js";
import { StdioTransport } from "../../src/stdio.js";
import { MAX_PAYLOAD_BYTES } from "../../src/webhooks/verify.js";
import { envelope } from "../support/wire.js";

// The built server over real stdio, fed raw lines as a careless or hostile client would send them.
const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

interface Session {
  child: ChildProcessWithoutNullStreams;
  send(message: unknown): void;
  /** The next response with this id. */
  response(id: number | string | null): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

let session: Session | undefined;
afterEach(() => {
  session?.child.kill();
  session = undefined;
});

/** Opens a session in an era: 2025-11-25 by initialize, 2026-07-28 by an enveloped server/discover. */
function start(era: "2025-11-25" | "2026-07-28" = "2025-11-25"): Session {
  const child = spawn(process.execPath, [CLI, "--emulator"], { stdio: ["pipe", "pipe", "pipe"] });
  const seen: Record<string, unknown>[] = [];
  const waiting: { id: number | string | null; resolve: (message: Record<string, unknown>) => void }[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (let newline = buffer.indexOf("\n"); newline !== -1; newline = buffer.indexOf("\n")) {
      const message = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>;
      buffer = buffer.slice(newline + 1);
      const index = waiting.findIndex((wait) => wait.id === message.id);
      if (index === -1) seen.push(message);
      else waiting.splice(index, 1)[0]?.resolve(message);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const created: Session = {
    child,
    exited,
    send: (message) =>
      child.stdin.write(typeof message === "string" ? message : `${JSON.stringify(message)}\n`),
    response: (id) =>
      new Promise((resolve) => {
        const index = seen.findIndex((message) => message.id === id);
        if (index !== -1) resolve(seen.splice(index, 1)[0] as Record<string, unknown>);
        else waiting.push({ id, resolve });
      }),
  };
  if (era === "2026-07-28") {
    created.send({ jsonrpc: "2.0", id: 0, method: "server/discover", params: { _meta: ENVELOPE } });
  } else {
    created.send({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
    });
    created.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  }
  session = created;
  return created;
}

/** What every request of the 2026-07-28 era carries in its params' _meta. */
const ENVELOPE = envelope();

const call = (id: number, name: string, args: Record<string, unknown>) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});

async function answersAfterwards(s: Session, id: number): Promise<void> {
  s.send(call(id, "list_organizations", { limit: 1 }));
  const response = await s.response(id);
  expect((response.result as { isError?: boolean }).isError).toBeFalsy();
}

describe("messages of any size end cleanly over stdio", () => {
  it("a message over the limit gets a JSON-RPC error naming the limit, and the session goes on", async () => {
    const s = start();
    await s.response(0);
    const payload = '"'.repeat(MAX_MESSAGE_BYTES);
    s.send(call(1, "validate_webhook", { payload, signature_header: "t=1, v1=00" }));
    const refused = await s.response(1);
    expect(refused.error).toEqual({
      code: -32600,
      message: `Message refused: it is larger than ${MAX_MESSAGE_BYTES} bytes, the most this server reads in one message.`,
    });
    await answersAfterwards(s, 2);
  });

  it("in the 2026-07-28 era too, its id found where the SDK's clients write it: last", async () => {
    const s = start("2026-07-28");
    expect((await s.response(0)).result).toMatchObject({ supportedVersions: ["2026-07-28"] });
    // An "id" early in the params is not the message's: taken for it, the refusal would answer call 7.
    const args = { id: 7, payload: "x".repeat(MAX_MESSAGE_BYTES) };
    s.send({
      method: "tools/call",
      params: { name: "validate_webhook", arguments: args, _meta: ENVELOPE },
      jsonrpc: "2.0",
      id: "big",
    });
    s.send({
      method: "tools/call",
      params: { name: "list_organizations", arguments: { limit: 1 }, _meta: ENVELOPE },
      jsonrpc: "2.0",
      id: 7,
    });
    expect((await s.response("big")).error).toEqual({
      code: -32600,
      message: `Message refused: it is larger than ${MAX_MESSAGE_BYTES} bytes, the most this server reads in one message.`,
    });
    const after = await s.response(7);
    expect(after.error).toBeUndefined();
    expect(after.result).toMatchObject({
      resultType: "complete",
      structuredContent: { data: [{ id: expect.stringMatching(/^org_/) }] },
    });
  });

  it.each([
    ['"', "quotes (2 bytes each, escaped)"],
    ["\u0001", "control characters (6 bytes each, escaped)"],
    ["東", "CJK sent \\u-escaped (6 bytes each)"],
  ])("validate_webhook's largest payload of %j fits in one message: %s", async (character) => {
    const s = start();
    await s.response(0);
    // The schema's limit is in characters: the largest payload it lets through.
    const payload = character.repeat(MAX_PAYLOAD_BYTES);
    const line = JSON.stringify(call(1, "validate_webhook", { payload, signature_header: "t=1, v1=00" }));
    // Escape every non-ASCII character, as some clients do.
    s.send(
      `${line.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`,
    );
    const response = await s.response(1);
    expect(response.error).toBeUndefined();
    expect(JSON.stringify(response.result)).toContain("NOT TRUSTED");
    await answersAfterwards(s, 2);
  });

  it("a line that is not JSON, or not JSON-RPC, is answered with an error and the session goes on", async () => {
    const s = start();
    await s.response(0);
    s.send("this is not json\n");
    expect((await s.response(null)).error).toMatchObject({ code: -32700 });
    s.send({ id: 7, hello: "world" });
    expect((await s.response(7)).error).toMatchObject({ code: -32600 });
    await answersAfterwards(s, 8);
  });

  it("a __proto__ key in a tool's arguments is a tool error that names where it is", async () => {
    const s = start();
    await s.response(0);
    s.send(
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_organizations","arguments":{"limit":1,"__proto__":{"admin":true}}}}\n',
    );
    s.send(
      '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"create_organization","arguments":{"name":"A","metadata":{"__proto__":{"x":"1"}}}}}\n',
    );
    const [top, nested] = await Promise.all([s.response(3), s.response(4)]);
    for (const [response, path] of [
      [top, "__proto__"],
      [nested, "metadata.__proto__"],
    ] as const) {
      const result = response.result as { isError?: boolean; content: { text: string }[] };
      expect(result.isError).toBe(true);
      expect(result.content[0]?.text).toContain(`- ${path}: a key named "__proto__" is refused`);
    }
    await answersAfterwards(s, 5);
  });

  it("a __proto__ key elsewhere in a message is refused, not silently dropped", async () => {
    const s = start();
    await s.response(0);
    s.send(
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_organizations","arguments":{},"__proto__":{"x":1}}}\n',
    );
    expect((await s.response(3)).error).toEqual({
      code: -32602,
      message: 'Invalid params: a "__proto__" key is refused; it is no parameter of any tool.',
    });
    await answersAfterwards(s, 4);
  });

  it("in the 2026-07-28 era, every request naming a revision not spoken is -32022, not only the first", async () => {
    const s = start("2026-07-28");
    await s.response(0);
    const list = (id: number, version: string) => ({
      jsonrpc: "2.0",
      id,
      method: "tools/list",
      params: { _meta: { ...ENVELOPE, "io.modelcontextprotocol/protocolVersion": version } },
    });
    // The first request after discover pins the connection to 2026-07-28.
    s.send(list(1, "2026-07-28"));
    expect((await s.response(1)).result).toMatchObject({ resultType: "complete" });
    for (const [id, version] of [
      [2, "2030-01-01"],
      [3, "2025-11-25"],
    ] as const) {
      s.send(list(id, version));
      expect((await s.response(id)).error, version).toEqual({
        code: -32022,
        message: `Unsupported protocol version: ${version}`,
        data: { supported: ["2026-07-28"], requested: version },
      });
    }
    s.send(list(4, "2026-07-28"));
    expect((await s.response(4)).result).toMatchObject({ resultType: "complete" });
  });

  it("in the 2026-07-28 era, removed methods are -32601 and a request without the envelope -32602", async () => {
    const s = start("2026-07-28");
    await s.response(0);
    s.send({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: ENVELOPE } });
    expect((await s.response(1)).result).toMatchObject({ resultType: "complete" });
    const removed = [
      ["ping", {}],
      [
        "initialize",
        { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "x", version: "0" } },
      ],
      ["logging/setLevel", { level: "info" }],
      ["resources/subscribe", { uri: "workos://webhooks/event-types" }],
    ] as const;
    for (const [index, [method, params]] of removed.entries()) {
      s.send({ jsonrpc: "2.0", id: 10 + index, method, params: { ...params, _meta: ENVELOPE } });
      expect((await s.response(10 + index)).error, method).toMatchObject({ code: -32601 });
    }
    s.send({ jsonrpc: "2.0", id: 20, method: "tools/list", params: {} });
    expect((await s.response(20)).error).toMatchObject({ code: -32602 });
  });

  it("closing stdin answers the calls already sent, then exits 0", async () => {
    const s = start();
    s.send(call(1, "list_organizations", { limit: 1 }));
    s.send(call(2, "get_organization_overview", { organization_id: "org_01HM65MJ70E0J7E51H3YVEKZR1" }));
    s.child.stdin.end();
    const [first, second] = await Promise.all([s.response(1), s.response(2)]);
    // Both answered in full, not with an error because the transport was closing.
    expect(first.error).toBeUndefined();
    expect(first.result).not.toHaveProperty("isError", true);
    expect(first.result).toMatchObject({
      structuredContent: { data: [{ id: expect.stringMatching(/^org_/) }] },
    });
    expect(second.error).toBeUndefined();
    expect(second.result).not.toHaveProperty("isError", true);
    expect(second.result).toMatchObject({
      structuredContent: { data: { organization: { id: "org_01HM65MJ70E0J7E51H3YVEKZR1" } } },
    });
    expect(await s.exited).toBe(0);
  });
});

describe("the stdio message limit, at its edge", () => {
  // The transport itself on in-memory streams, so each write arrives as one chunk exactly as written.
  function open() {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const transport = new StdioTransport(stdin, stdout);
    const received: unknown[] = [];
    const replies: { id: unknown; error?: { message: string } }[] = [];
    const waiting: { ready: () => boolean; resolve: () => void }[] = [];
    const settle = () => {
      for (const wait of [...waiting])
        if (wait.ready()) waiting.splice(waiting.indexOf(wait), 1)[0]?.resolve();
    };
    transport.onmessage = (message) => {
      received.push(message);
      settle();
    };
    let buffered = "";
    stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      for (let newline = buffered.indexOf("\n"); newline !== -1; newline = buffered.indexOf("\n")) {
        replies.push(JSON.parse(buffered.slice(0, newline)));
        buffered = buffered.slice(newline + 1);
      }
      settle();
    });
    const write = (chunk: string | Buffer) => void stdin.write(chunk);
    /** Resolves once `ready` holds, checked at every message read and every reply written. */
    const until = (ready: () => boolean) =>
      new Promise<void>((resolve) => {
        waiting.push({ ready, resolve });
        settle();
      });
    return { transport, received, replies, write, until };
  }

  const MARKER = { jsonrpc: "2.0", id: 99, method: "ping" };

  /** A valid JSON-RPC request of exactly `bytes` bytes, padded with JSON whitespace. */
  function messageOf(bytes: number, id: number): Buffer {
    const head = `{"jsonrpc":"2.0","id":${id},"method":"ping"`;
    return Buffer.from(`${head}${" ".repeat(bytes - head.length - 1)}}`);
  }

  it.each([
    ["in one chunk with its newline", (m: Buffer) => [Buffer.concat([m, Buffer.from("\n")])]],
    ["in 64 KiB chunks, the newline alone", (m: Buffer) => [...chunksOf(m, 64 * 1024), Buffer.from("\n")]],
    [
      "with the last byte and the newline in the last chunk",
      (m: Buffer) => [m.subarray(0, -1), Buffer.from([m.at(-1) as number, 10])],
    ],
  ])("a message of exactly the limit is read: %s", async (_, split) => {
    const { transport, received, replies, write, until } = open();
    await transport.start();
    const message = messageOf(MAX_MESSAGE_BYTES, 1);
    expect(message.length).toBe(MAX_MESSAGE_BYTES);
    for (const chunk of split(message)) write(chunk);
    // Lines are read in order: once the marker after it is read, the message was read or refused.
    write(`${JSON.stringify(MARKER)}\n`);
    await until(() => received.length + replies.length >= 2);
    expect(replies).toEqual([]);
    expect(received).toEqual([{ jsonrpc: "2.0", id: 1, method: "ping" }, MARKER]);
    await transport.close();
  });

  it.each([
    [
      "the byte over alone in the last chunk, then the newline",
      (m: Buffer) => [m.subarray(0, -1), m.subarray(-1), Buffer.from("\n")],
    ],
    [
      "the byte over and the newline in the last chunk",
      (m: Buffer) => [m.subarray(0, -1), Buffer.from([m.at(-1) as number, 10])],
    ],
    [
      "in 64 KiB chunks, the last one crossing the limit",
      (m: Buffer) => [...chunksOf(m, 64 * 1024), Buffer.from("\n")],
    ],
  ])("a message one byte over the limit is refused: %s", async (_, split) => {
    const { transport, received, replies, write, until } = open();
    await transport.start();
    const message = messageOf(MAX_MESSAGE_BYTES + 1, 2);
    for (const chunk of split(message)) write(chunk);
    write(`${JSON.stringify(MARKER)}\n`);
    await until(() => received.length + replies.length >= 2);
    expect(replies).toEqual([
      {
        jsonrpc: "2.0",
        id: 2,
        error: {
          code: -32600,
          message: `Message refused: it is larger than ${MAX_MESSAGE_BYTES} bytes, the most this server reads in one message.`,
        },
      },
    ]);
    // The session goes on: the next message is read.
    expect(received).toEqual([MARKER]);
    await transport.close();
  });

  it.each([
    ["in one chunk", (m: Buffer) => [Buffer.concat([m, Buffer.from("\n")])]],
    ["in 64 KiB chunks", (m: Buffer) => [...chunksOf(m, 64 * 1024), Buffer.from("\n")]],
    [
      "its id split across the last two chunks",
      (m: Buffer) => [m.subarray(0, -6), m.subarray(-6), Buffer.from("\n")],
    ],
  ])("a refused message's id is read at its end, where the SDK's clients write it: %s", async (_, split) => {
    const { transport, received, replies, write, until } = open();
    await transport.start();
    // Params first, with an "id" of their own that is not the message's; the message's id last.
    const head = '{"method":"ping","params":{"id":1},"jsonrpc":"2.0","pad":"';
    const tail = '","id":"late-3"}';
    const message = Buffer.from(
      `${head}${"x".repeat(MAX_MESSAGE_BYTES - head.length - tail.length + 1)}${tail}`,
    );
    expect(message.length).toBe(MAX_MESSAGE_BYTES + 1);
    for (const chunk of split(message)) write(chunk);
    write(`${JSON.stringify(MARKER)}\n`);
    await until(() => received.length + replies.length >= 2);
    expect(replies).toEqual([
      {
        jsonrpc: "2.0",
        id: "late-3",
        error: {
          code: -32600,
          message: `Message refused: it is larger than ${MAX_MESSAGE_BYTES} bytes, the most this server reads in one message.`,
        },
      },
    ]);
    expect(received).toEqual([MARKER]);
    await transport.close();
  });
});

function chunksOf(buffer: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < buffer.length; start += size) chunks.push(buffer.subarray(start, start + size));
  return chunks;
}
