import {
  type ClientCapabilities as ModernCapabilities,
  Client as ModernClient,
  InMemoryTransport as ModernInMemoryTransport,
} from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import {
  type CallToolResult,
  type ClientCapabilities,
  type ElicitRequest,
  ElicitRequestSchema,
  type ElicitResult,
} from "@modelcontextprotocol/sdk/types.js";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { afterEach } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { type Config, loadConfig } from "../../src/config.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { createServer } from "../../src/server.js";
import type { AnyTool } from "../../src/tools/define.js";
import { recordOutput, registerSecret } from "./secret-scan.js";

export interface Harness {
  emulator: RunningEmulator;
  mcp: Client;
  config: Config;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Sends a request to the emulator's control API. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** The emulator's request log, oldest first. */
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  argv?: string[];
  emulator?: EmulatorOptions;
  client?: { maxRetries?: number; timeoutMs?: number };
  /** Declare elicitation and answer each request with this; without it the client cannot elicit. */
  elicit?: (request: ElicitRequest["params"]) => ElicitResult | Promise<ElicitResult>;
  /** What the client declares, when not what `elicit` implies. */
  capabilities?: ClientCapabilities;
  /** The server's clock for confirmation tokens. */
  now?: () => number;
  /** How long the server waits for an answer to its confirmation form (tests of a client that never answers). */
  elicitationTimeoutMs?: number;
  /** The name the client gives in clientInfo (some clients get a smaller result budget). */
  clientName?: string;
  /**
   * The protocol revision spoken: "legacy" (2025-11-25, the v1 client, the default) or "modern" (2026-07-28,
   * the v2 client pinned to it, served as stdio is: the SDK's serveStdio pins the era from the first message).
   */
  era?: Era;
  /** The tools the server serves from, as the CLI passes those it loaded (default: every tool). */
  tools?: readonly AnyTool[];
}

export type Era = "legacy" | "modern";

/** The real stack in one process: emulator on loopback, WorkOS client, MCP server, and an MCP client over an in-memory transport. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options.emulator ?? {});
  registerSecret(emulator.apiKey);
  const config = {
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, ...options.env }, options.argv ?? []),
    baseUrl: emulator.url,
  };
  registerSecret(...config.webhookSecrets);
  const workos = new WorkOSClient({
    apiKey: config.apiKey ?? "",
    baseUrl: emulator.url,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options.client,
  });
  const server = createServer(config, {
    client: workos,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.tools === undefined ? {} : { tools: options.tools }),
    ...(options.elicitationTimeoutMs === undefined
      ? {}
      : { elicitationTimeoutMs: options.elicitationTimeoutMs }),
  });
  const capabilities = options.capabilities ?? (options.elicit === undefined ? {} : { elicitation: {} });
  const clientInfo = { name: options.clientName ?? "workos-mcp-test", version: "0.0.0" };
  const { elicit } = options;
  let mcp: Client;
  let stopServer: () => Promise<void>;
  if (options.era === "modern") {
    const modern = new ModernClient(clientInfo, {
      capabilities: capabilities as ModernCapabilities,
      versionNegotiation: { mode: { pin: "2026-07-28" } },
    });
    if (elicit !== undefined) {
      modern.setRequestHandler("elicitation/create", (request) =>
        elicit(request.params as ElicitRequest["params"]),
      );
    }
    const [clientTransport, serverTransport] = ModernInMemoryTransport.createLinkedPair();
    const serving = serveStdio(() => server, { transport: serverTransport });
    await modern.connect(clientTransport);
    // A harness that fell back to 2025-11-25 would test the old era twice and this one never.
    if (modern.getNegotiatedProtocolVersion() !== "2026-07-28" || modern.getProtocolEra() !== "modern") {
      throw new Error(`the modern harness negotiated ${modern.getNegotiatedProtocolVersion()}`);
    }
    // The same calls as the v1 client's (callTool, listTools, readResource…), typed as the v1 client for the tests.
    mcp = modern as unknown as Client;
    stopServer = () => serving.close();
  } else {
    const legacy = new Client(clientInfo, { capabilities });
    if (elicit !== undefined)
      legacy.setRequestHandler(ElicitRequestSchema, (request) => elicit(request.params));
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverTransport), legacy.connect(clientTransport)]);
    mcp = legacy;
    stopServer = () => server.close();
  }
  // Listing first makes the SDK client validate every structuredContent against the tool's outputSchema.
  await mcp.listTools();

  const control: Harness["control"] = async (method, path, body) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return text === "" ? undefined : JSON.parse(text);
  };

  return {
    emulator,
    mcp,
    config,
    async call(name, args = {}) {
      const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
      recordOutput(JSON.stringify(result));
      return result;
    },
    control,
    async requests() {
      return ((await control("GET", "/_emulator/requests")) as { data: LoggedRequest[] }).data;
    },
    async close() {
      await mcp.close();
      await stopServer();
      await workos.close();
      await emulator.close();
    },
  };
}

/** The text of a result's first content item. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

/**
 * For tests that each start their own harness (different options per test): returns the starter, and closes
 * what it started after each test.
 */
export function harnessPerTest(): (options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options = {}) => {
    current = await startHarness(options);
    return current;
  };
}
