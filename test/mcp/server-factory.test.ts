import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { clientOptions, loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { clientViews } from "../support/client-views.js";
import { textOf } from "../support/harness.js";
import { SCIM_IDS, scimDirectorySeed } from "../support/scim-directory.js";
import { registerSecret } from "../support/secret-scan.js";

// The HTTP server makes its pipeline once and a Server per request around it (src/server.ts, serverFactory):
// what one request says about its client must never reach another's call. In 2026-07-28 every request names
// its client in its envelope (a stateless 2025-11-25 request has no initialize behind it to name one).
const TOKEN = "factory-token-0123456789abcdef0123456789";
registerSecret(TOKEN);

let emulator: RunningEmulator;
let http: RunningHttpServer;
let workos: WorkOSClient;

beforeAll(async () => {
  emulator = await startEmulator({ seed: scimDirectorySeed() });
  const config = {
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN }, [
      "--http",
      "--port",
      "0",
    ]),
    baseUrl: emulator.url,
  };
  workos = new WorkOSClient(clientOptions(config));
  http = await startHttpServer(config, { client: workos });
});
afterAll(async () => {
  await http.close();
  await workos.close();
  await emulator.close();
});

async function connectAs(name: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(http.url), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
  });
  const client = new Client({ name, version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(transport);
  return client;
}

describe("one pipeline for every HTTP request", () => {
  it("concurrent calls from Codex and from another client each get their own client's budget", async () => {
    const [codex, other] = await Promise.all([connectAs("codex-mcp-client"), connectAs("another-client")]);
    try {
      const page = { directory_id: SCIM_IDS.directory, limit: 100, detail: "full" };
      const call = (client: Client) =>
        client.callTool({ name: "list_directory_users", arguments: page }) as Promise<CallToolResult>;
      // Interleaved on the same server: each request's Server is built around the one shared pipeline.
      const results = await Promise.all([call(codex), call(other), call(codex), call(other)]);
      const [codexResults, otherResults] = [
        [results[0], results[2]],
        [results[1], results[3]],
      ] as CallToolResult[][];
      for (const result of codexResults ?? []) {
        for (const view of Object.values(clientViews(result))) expect(view.length).toBeLessThanOrEqual(9_000);
        expect(textOf(result)).toContain("to stay under 9000 characters");
      }
      for (const result of otherResults ?? []) {
        expect(textOf(result)).not.toContain("to stay under 9000 characters");
        expect(textOf(result).length).toBeGreaterThan(9_000);
      }
    } finally {
      await Promise.all([codex.close(), other.close()]);
    }
  });
});
