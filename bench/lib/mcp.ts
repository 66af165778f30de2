import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { Client as ModernClient } from "@modelcontextprotocol/client";
import { StdioClientTransport as ModernStdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
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
  /** The same one-tool server on the v1 SDK line, which served only 2025-11-25. */
  minimalV1: ServerSpec;
}

/**
 * The two MCP revisions the server speaks, each driven by the client most people run for it: the v1 SDK's
 * Client (@modelcontextprotocol/sdk) for 2025-11-25, the v2 Client (@modelcontextprotocol/client) pinned to
 * 2026-07-28. Over stdio that Client (2.4.0), pinned or 'auto', spawns the server twice: a throwaway sibling
 * answers its server/discover probe, then the real one serves. Only connecting pays for it; cold start speaks
 * raw JSON-RPC to one process.
 */
export const ERAS = ["2025-11-25", "2026-07-28"] as const;
export type Era = (typeof ERAS)[number];
export const MODERN: Era = "2026-07-28";

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
    minimalV1: reference("one-tool McpServer on SDK v1", "minimal-server-v1.mjs"),
  };
}

function argv(spec: ServerSpec): string[] {
  return [...(spec.nodeFlags ?? []), spec.script];
}

function environment(spec: ServerSpec): Record<string, string> {
  return { PATH: process.env.PATH ?? "", ...spec.env };
}

export interface Connection {
  era: Era;
  /** A transport failure rejects, a tool error resolves with isError set. */
  callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  pid: number;
  /** The server's stderr, line by line. */
  onStderrLine(listener: (line: string) => void): void;
  /** The last lines the server wrote to stderr, for error messages. */
  stderrTail(): string;
  close(): Promise<void>;
}

/** A 2025-11-25 connection, with the v1 Client itself for what only the benchmarks in that era ask. */
export interface LegacyConnection extends Connection {
  client: Client;
}

/** A real SDK Client over a StdioClientTransport that spawns the server: the v1 Client, in 2025-11-25. */
export async function connect(spec: ServerSpec): Promise<LegacyConnection> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: argv(spec),
    env: environment(spec),
    stderr: "pipe",
  });
  const stderr = drain(transport.stderr as Readable);
  const client = new Client({ name: "workos-mcp-bench", version: "1.0.0" });
  await client.connect(transport);
  return {
    era: "2025-11-25",
    client,
    callTool: (name, args) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    pid: transport.pid as number,
    ...stderr,
    close: () => client.close(),
  };
}

/** The v2 Client pinned to 2026-07-28 over its StdioClientTransport (which spawns a probe sibling first). */
export async function connectModern(spec: ServerSpec): Promise<Connection> {
  const transport = new ModernStdioClientTransport({
    command: process.execPath,
    args: argv(spec),
    env: environment(spec),
    stderr: "pipe",
  });
  const stderr = drain(transport.stderr as Readable);
  const client = new ModernClient(
    { name: "workos-mcp-bench", version: "1.0.0" },
    { versionNegotiation: { mode: { pin: MODERN } } },
  );
  await client.connect(transport);
  return {
    era: MODERN,
    callTool: (name, args) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    pid: transport.pid as number,
    ...stderr,
    close: () => client.close(),
  };
}

/** A connection in the given era, through that era's client. */
export function connectIn(era: Era, spec: ServerSpec): Promise<Connection> {
  return era === MODERN ? connectModern(spec) : connect(spec);
}

/** Reads the server's stderr line by line, always, so a chatty server never blocks on a full pipe. */
function drain(stderr: Readable): Pick<Connection, "onStderrLine" | "stderrTail"> {
  const tail: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  createInterface({ input: stderr }).on("line", (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
    for (const listener of listeners) listener(line);
  });
  return {
    onStderrLine: (listener) => listeners.push(listener),
    stderrTail: () => tail.join("\n"),
  };
}

/** The 2026-07-28 per-request envelope, as the v2 Client attaches it to every request. */
const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientInfo": { name: "workos-mcp-bench", version: "1.0.0" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

/**
 * Spawns the server and speaks raw JSON-RPC until tools/list is answered: ms from spawn to the answer. The
 * opening is the era's, as its client sends it: initialize (then notifications/initialized) for 2025-11-25,
 * server/discover for 2026-07-28 (what the pinned v2 Client asks first). Raw rather than an SDK Client so that
 * client-side parsing of the (differently sized) listings is not counted.
 */
export async function coldStart(spec: ServerSpec, era: Era = "2025-11-25"): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, argv(spec), {
    env: environment(spec),
    stdio: ["pipe", "pipe", "ignore"],
  });
  const exited = once(child, "exit");
  const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  if (era === MODERN) send({ id: 1, method: "server/discover", params: { _meta: ENVELOPE } });
  else {
    send({
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: era,
        capabilities: {},
        clientInfo: { name: "workos-mcp-bench", version: "1.0.0" },
      },
    });
  }
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] }; error?: unknown };
      if (message.error !== undefined) throw new Error(`${spec.label}: ${JSON.stringify(message.error)}`);
      if (message.id === 1) {
        if (era === MODERN) send({ id: 2, method: "tools/list", params: { _meta: ENVELOPE } });
        else {
          send({ method: "notifications/initialized" });
          send({ id: 2, method: "tools/list" });
        }
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

/** The i-th demo organization's id: the ids rotate, so no server sees one id only. */
export function organizationId(i: number): string {
  return ORGANIZATION_IDS[i % ORGANIZATION_IDS.length] as string;
}

/** get_organization on the i-th demo organization. */
export function getOrganization(connection: Connection, i: number): Promise<CallToolResult> {
  return connection.callTool("get_organization", { organization_id: organizationId(i) });
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
