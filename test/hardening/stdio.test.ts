import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES } from "../../src/mcp/limits.js";
import { MAX_PAYLOAD_BYTES } from "../../src/webhooks/verify.js";

// The built server over real stdio, fed raw lines as a careless or hostile client would send them.
const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

interface Session {
  child: ChildProcessWithoutNullStreams;
  send(message: unknown): void;
  /** The next response with this id. */
  response(id: number | null): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

let session: Session | undefined;
afterEach(() => {
  session?.child.kill();
  session = undefined;
});

function start(): Session {
  const child = spawn(process.execPath, [CLI, "--emulator"], { stdio: ["pipe", "pipe", "pipe"] });
  const seen: Record<string, unknown>[] = [];
  const waiting: { id: number | null; resolve: (message: Record<string, unknown>) => void }[] = [];
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
  created.send({
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
  });
  created.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  session = created;
  return created;
}

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

  it("a __proto__ argument is refused, not silently dropped", async () => {
    const s = start();
    await s.response(0);
    s.send(
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_organizations","arguments":{"limit":1,"__proto__":{"admin":true}}}}\n',
    );
    expect((await s.response(3)).error).toEqual({
      code: -32602,
      message: 'Invalid params: a "__proto__" key is refused; it is no parameter of any tool.',
    });
    await answersAfterwards(s, 4);
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
