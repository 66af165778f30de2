import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type CallToolResult, LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import type { EmulatorProcess } from "./emulator.js";
import { CLI, REFERENCE } from "./paths.js";

/** How to start one MCP server over stdio: `node [nodeFlags] script`, with this environment. */
export interface ServerSpec {
  label: string;
  script: string;
  env: Record<string, string>;
  nodeFlags?: string[];
}

export interface ServerSpecs {
  ours: ServerSpec;
  floor: ServerSpec;
  sdk: ServerSpec;
  minimal: ServerSpec;
}

/** Every server reaches the emulator the same way: key and base URL in the environment, as a user sets them. */
export function serverSpecs(emulator: EmulatorProcess, oursFlags: string[] = []): ServerSpecs {
  const env = { WORKOS_API_KEY: emulator.apiKey, WORKOS_API_BASE_URL: emulator.url };
  const reference = (label: string, file: string): ServerSpec => ({
    label,
    script: join(REFERENCE, file),
    env,
  });
  return {
    ours: { label: "workos-mcp (dist/cli.js)", script: CLI, env, nodeFlags: oursFlags },
    floor: reference("floor (echo tool + one undici GET)", "floor-server.mjs"),
    sdk: reference("@workos-inc/node 8.13 in a tool", "sdk-server.mjs"),
    minimal: reference("one-tool McpServer", "minimal-server.mjs"),
  };
}

function argv(spec: ServerSpec): string[] {
  return [...(spec.nodeFlags ?? []), spec.script];
}

function environment(spec: ServerSpec): Record<string, string> {
  return { PATH: process.env.PATH ?? "", ...spec.env };
}

export interface Connection {
  client: Client;
  pid: number;
  /** The server's stderr, line by line. */
  onStderrLine(listener: (line: string) => void): void;
  /** The last lines the server wrote to stderr, for error messages. */
  stderrTail(): string;
  close(): Promise<void>;
}

/** A real SDK Client over a StdioClientTransport that spawns the server. */
export async function connect(spec: ServerSpec): Promise<Connection> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: argv(spec),
    env: environment(spec),
    stderr: "pipe",
  });
  const tail: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  // Always drained, so a chatty server never blocks on a full stderr pipe.
  createInterface({ input: transport.stderr as Readable }).on("line", (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
    for (const listener of listeners) listener(line);
  });
  const client = new Client({ name: "workos-mcp-bench", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    pid: transport.pid as number,
    onStderrLine: (listener) => listeners.push(listener),
    stderrTail: () => tail.join("\n"),
    close: () => client.close(),
  };
}

/** Calls a tool; a transport failure rejects, a tool error resolves with isError set. */
export function callTool(
  connection: Connection,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return connection.client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
}

/**
 * Spawns the server and speaks raw JSON-RPC until tools/list is answered: ms from spawn to the answer.
 * Raw rather than the SDK Client so that client-side parsing of the (differently sized) listings is not counted.
 */
export async function coldStart(spec: ServerSpec): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, argv(spec), {
    env: environment(spec),
    stdio: ["pipe", "pipe", "ignore"],
  });
  const exited = once(child, "exit");
  const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  send({
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: "workos-mcp-bench", version: "1.0.0" },
    },
  });
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] }; error?: unknown };
      if (message.error !== undefined) throw new Error(`${spec.label}: ${JSON.stringify(message.error)}`);
      if (message.id === 1) {
        send({ method: "notifications/initialized" });
        send({ id: 2, method: "tools/list" });
      } else if (message.id === 2) {
        const elapsed = performance.now() - start;
        if (!message.result?.tools?.length) throw new Error(`${spec.label}: tools/list returned no tools`);
        return elapsed;
      }
    }
    throw new Error(`${spec.label} closed stdout before answering tools/list`);
  } finally {
    // A clean exit (stdin closed) lets --cpu-prof write its profile; a stuck server is killed.
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
    await exited;
    clearTimeout(timer);
  }
}

const ORGANIZATION_IDS = Object.values(DEMO_IDS.organizations);

/** get_organization on the i-th demo organization (the ids rotate, so no server sees one id only). */
export function getOrganization(connection: Connection, i: number): Promise<CallToolResult> {
  const organization_id = ORGANIZATION_IDS[i % ORGANIZATION_IDS.length] as string;
  return callTool(connection, "get_organization", { organization_id });
}

/** Runs `count` get_organization calls, `concurrency` at a time; resolves to the number that failed. */
export async function callMany(connection: Connection, count: number, concurrency = 1): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const result = await getOrganization(connection, next++).catch(() => undefined);
      if (result === undefined || result.isError) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failed;
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (Linux, 100 ticks a second). */
export function cpuTimeMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
