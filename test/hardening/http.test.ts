import { connect as netConnect } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { clientOptions, loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { MAX_PAYLOAD_BYTES } from "../../src/webhooks/verify.js";
import { registerSecret } from "../support/secret-scan.js";

// The team server, attacked as a careless client or a hostile page would: refused cleanly, never starved.
const TOKEN = "hardening-token-0123456789abcdef0123456789";
registerSecret(TOKEN);

let emulator: RunningEmulator;
let http: RunningHttpServer;
let workos: WorkOSClient;
let port: number;

beforeAll(async () => {
  emulator = await startEmulator();
  const config = {
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN }, [
      "--http",
      "--port",
      "0",
    ]),
    baseUrl: emulator.url,
  };
  // The client exactly as the CLI makes it for --http: its pool is what is under test.
  workos = new WorkOSClient({ ...clientOptions(config), maxRetries: 0, timeoutMs: 20_000 });
  http = await startHttpServer(config, { client: workos });
  port = http.port;
});
afterAll(async () => {
  await emulator.close();
  await http.close();
  await workos.close();
});

/** Raw bytes over a socket: duplicate headers and anything else a library would tidy away. */
function rawRequest(head: string, body = ""): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, "127.0.0.1", () =>
      socket.end(`${head}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`),
    );
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    socket.on("end", () => resolve({ status: Number(text.slice(9, 12)), text }));
    socket.on("error", reject);
  });
}

async function connectClient(): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(http.url), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
  });
  const client = new Client({ name: "hardening", version: "0" });
  await client.connect(transport);
  return client;
}

const ping = '{"jsonrpc":"2.0","id":1,"method":"ping"}';

describe("HTTP requests a server must refuse", () => {
  it("two Host headers are a 400 (RFC 9112)", async () => {
    const response = await rawRequest(
      `POST /mcp HTTP/1.1\r\nhost: localhost:${port}\r\nhost: evil.example\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream`,
      ping,
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain("more than one Host or Origin header");
  });

  it("a 15 KB Origin is refused without being echoed into the body or the log", async () => {
    const origin = `https://${"a".repeat(15_000)}.example`;
    const shown = `Origin ${JSON.stringify(`${origin.slice(0, 100)}…`)} (${origin.length} characters) is not allowed`;
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const response = await rawRequest(
        `POST /mcp HTTP/1.1\r\nhost: localhost:${port}\r\norigin: ${origin}\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json`,
        ping,
      );
      expect(response.status).toBe(403);
      // The body, without the head and any chunk framing.
      const body = JSON.parse(
        response.text.slice(response.text.indexOf("{"), response.text.lastIndexOf("}") + 1),
      );
      expect(body.error.message).toBe(`Forbidden: ${shown} (set WORKOS_MCP_ALLOWED_ORIGINS)`);
    } finally {
      process.stderr.write = write;
    }
    expect(logged.join("")).toContain(shown);
    expect(logged.join("")).not.toContain(origin.slice(0, 200));
  });

  it("validate_webhook's largest payload, every character escaped, fits the body limit", async () => {
    const client = await connectClient();
    try {
      const result = (await client.callTool({
        name: "validate_webhook",
        arguments: { payload: "\u0001".repeat(MAX_PAYLOAD_BYTES), signature_header: "t=1, v1=00" },
      })) as CallToolResult;
      expect(JSON.stringify(result)).toContain("NOT TRUSTED");
    } finally {
      await client.close();
    }
  });
});

describe("slow upstream calls do not starve the rest", () => {
  it("20 hanging WorkOS calls leave room for another user's call", async () => {
    const control = (path: string, body: unknown) =>
      fetch(`${emulator.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const directoryRequests = async () => {
      const log = await fetch(`${emulator.url}/_emulator/requests`, {
        headers: { authorization: `Bearer ${emulator.apiKey}` },
      });
      const { data } = (await log.json()) as { data: { path: string }[] };
      return data.filter((request) => request.path === "/directories").length;
    };
    const before = await directoryRequests();
    const waitForHanging = async (count: number) => {
      while ((await directoryRequests()) < before + count);
    };
    await control("/_emulator/faults", { method: "GET", path: "/directories", action: "hang", times: 20 });
    const clients = await Promise.all(Array.from({ length: 20 }, () => connectClient()));
    const hanging = clients.map((client) =>
      client.callTool({ name: "list_directories", arguments: {} }).catch(() => undefined),
    );
    // The 21st call starts once all 20 hang in the emulator (each is logged when it arrives).
    await waitForHanging(20);
    const other = await connectClient();
    try {
      // Starved, it would wait for a free connection until the test's timeout fails it.
      const answered = (await other.callTool({
        name: "list_organizations",
        arguments: { limit: 1 },
      })) as CallToolResult;
      expect(answered.isError).toBeFalsy();
      expect(answered.structuredContent).toMatchObject({ data: [{ id: expect.stringMatching(/^org_/) }] });
    } finally {
      await other.close();
      for (const client of clients) await client.close();
      void hanging;
    }
  });
});

describe("argument problems over HTTP", () => {
  it("a __proto__ key nested in a tool's arguments is a tool error that names where it is", async () => {
    const client = await connectClient();
    try {
      // JSON.parse makes "__proto__" an own key, which the client sends as it is.
      const args = JSON.parse('{"name":"A","metadata":{"__proto__":{"x":"1"}}}') as Record<string, unknown>;
      const result = (await client.callTool({
        name: "create_organization",
        arguments: args,
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      const first = result.content[0];
      expect(first?.type === "text" ? first.text : "").toContain(
        '- metadata.__proto__: a key named "__proto__" is refused',
      );
    } finally {
      await client.close();
    }
  });
});
