import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttpTransport,
} from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { Pool } from "undici";
import type { EmulatorProcess } from "./emulator.js";
import { type Connection, type Era, MODERN } from "./mcp.js";
import { CLI } from "./paths.js";

/** The bearer token the benchmark gives workos-mcp's HTTP mode (it needs 32+ characters). */
const TOKEN = "bench-http-token-0123456789abcdef0123456789";

export interface HttpServerProcess {
  url: string;
  /** Headers every request must carry (ours wants the bearer token). */
  headers: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Spawns an HTTP MCP server and waits for the URL it is listening at: a line on stdout or stderr that
 * `urlOf` finds it in.
 */
async function spawnHttp(
  args: string[],
  env: Record<string, string>,
  stream: "stdout" | "stderr",
  urlOf: (line: string) => string | undefined,
  headers: Record<string, string>,
): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", stream === "stdout" ? "pipe" : "ignore", stream === "stderr" ? "pipe" : "inherit"],
  });
  const exited = once(child, "exit");
  // Read to the end, so a server that logs never blocks on a full pipe.
  const lines = createInterface({ input: child[stream] as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line: string) => {
      const found = urlOf(line);
      if (found !== undefined) resolve(found);
    });
    void exited.then(([code]) =>
      reject(new Error(`${args.join(" ")} exited (code ${code}) before listening`)),
    );
  });
  return {
    url,
    headers,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** workos-mcp's HTTP mode (dist/cli.js --http) on a free port, against the emulator. */
export function spawnOursHttp(
  emulator: EmulatorProcess,
  nodeFlags: string[] = [],
): Promise<HttpServerProcess> {
  return spawnHttp(
    [...nodeFlags, CLI, "--http", "--port", "0"],
    { WORKOS_API_KEY: emulator.apiKey, WORKOS_API_BASE_URL: emulator.url, WORKOS_MCP_HTTP_TOKEN: TOKEN },
    "stderr",
    (line) => /Streamable HTTP at (\S+)/.exec(line)?.[1],
    { authorization: `Bearer ${TOKEN}` },
  );
}

/** The SDK's own minimal stateless handler with one tool (bench/reference/http-server.mjs). */
export function spawnReferenceHttp(emulator: EmulatorProcess, script: string): Promise<HttpServerProcess> {
  return spawnHttp(
    [script],
    { WORKOS_API_KEY: emulator.apiKey, WORKOS_API_BASE_URL: emulator.url },
    "stdout",
    (line) => (line.startsWith("{") ? (JSON.parse(line) as { url: string }).url : undefined),
    {},
  );
}

const INFO = { name: "workos-mcp-bench", version: "1.0.0" };

/** One HTTP client of a server in the given era: the v1 Client for 2025-11-25, the v2 one pinned for 2026-07-28. */
export async function connectHttp(era: Era, server: HttpServerProcess): Promise<Connection> {
  const url = new URL(server.url);
  const requestInit = { headers: server.headers };
  if (era === MODERN) {
    const client = new ModernClient(INFO, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(new ModernHttpTransport(url, { requestInit }));
    return httpConnection(
      era,
      (name, args) => client.callTool({ name, arguments: args }),
      () => client.close(),
    );
  }
  const client = new Client(INFO);
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit }));
  return httpConnection(
    era,
    (name, args) => client.callTool({ name, arguments: args }),
    () => client.close(),
  );
}

function httpConnection(
  era: Era,
  call: (name: string, args: Record<string, unknown>) => Promise<unknown>,
  close: () => Promise<void>,
): Connection {
  return {
    era,
    callTool: (name, args) => call(name, args) as Promise<CallToolResult>,
    // Over HTTP there is no child per connection: the server's process is measured as a whole.
    pid: 0,
    onStderrLine: () => {},
    stderrTail: () => "",
    close,
  };
}

/**
 * A lean load client: the tools/call request an era's client sends, POSTed as is over a keep-alive undici pool
 * of `connections` sockets, with none of an SDK Client's own work (schema checks of every result), so the
 * servers, not the benchmark's process, are what runs out of CPU. Resolves to false for any answer other
 * than a successful tool result.
 */
export function rawCaller(era: Era, server: HttpServerProcess, connections: number) {
  const url = new URL(server.url);
  const pool = new Pool(url.origin, { connections, pipelining: 1 });
  const modern = era === MODERN;
  let id = 0;
  const call = async (organizationId: string): Promise<boolean> => {
    const params = {
      name: "get_organization",
      arguments: { organization_id: organizationId },
      ...(modern ? { _meta: ENVELOPE } : {}),
    };
    const response = await pool.request({
      path: url.pathname,
      method: "POST",
      headers: {
        ...server.headers,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": era,
        ...(modern ? { "mcp-method": "tools/call", "mcp-name": "get_organization" } : {}),
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method: "tools/call", params }),
    });
    const text = await response.body.text();
    // JSON, or one SSE event whose data line is the JSON-RPC answer.
    const json = text.startsWith("{") ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? "");
    if (response.statusCode !== 200 || json === "") return false;
    const message = JSON.parse(json) as { result?: { isError?: boolean; content?: unknown[] } };
    return message.result !== undefined && message.result.isError !== true && text.includes(organizationId);
  };
  return { call, close: () => pool.close() };
}

/** The 2026-07-28 per-request envelope the v2 Client attaches. */
const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientInfo": INFO,
  "io.modelcontextprotocol/clientCapabilities": {},
};
