import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { registerSecret } from "../support/secret-scan.js";

// Error responses over HTTP as the wire carries them, in both eras: what the conformance suite checks
// (test/install/conformance.test.ts), held here without it.
const TOKEN = "http-errors-token-0123456789abcdef0123456789";
registerSecret(TOKEN);

let emulator: RunningEmulator;
let workos: WorkOSClient;
let http: RunningHttpServer;

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
  workos = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  http = await startHttpServer(config, { client: workos });
});
afterAll(async () => {
  await http.close();
  await workos.close();
  await emulator.close();
});

type Era = "2025-11-25" | "2026-07-28";

interface JsonRpcError {
  id: string | number | null;
  error: { code: number; message: string; data?: unknown };
}

/**
 * One request as each era's client sends it: a 2025-11-25 one bare (stateless: no initialize needed), a
 * 2026-07-28 one with the `_meta` envelope and the Mcp-Method/Mcp-Name headers.
 */
async function send(
  era: Era,
  id: string | number,
  method: string,
  params: Record<string, unknown>,
  name?: string,
): Promise<{ status: number; body: JsonRpcError }> {
  const modern = era === "2026-07-28";
  const headers: Record<string, string> = {
    authorization: `Bearer ${TOKEN}`,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": era,
  };
  if (modern) headers["mcp-method"] = method;
  if (modern && name !== undefined) headers["mcp-name"] = name;
  const envelope = {
    "io.modelcontextprotocol/protocolVersion": era,
    "io.modelcontextprotocol/clientCapabilities": {},
  };
  const body = { jsonrpc: "2.0", id, method, params: modern ? { ...params, _meta: envelope } : params };
  // JSON.stringify keeps an own "__proto__" key (made by JSON.parse), as a hostile client would send it.
  const response = await fetch(http.url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as JsonRpcError };
}

describe.each<Era>(["2026-07-28", "2025-11-25"])("in the %s era", (era) => {
  it("resources/read of a URI that names nothing is -32602 with the URI in data.uri (SEP-2164)", async () => {
    for (const uri of ["workos://elsewhere/1", "workos://organizations/org_01HZZZZZZZZZZZZZZZZZZZZZZZ"]) {
      const { body } = await send(era, 41, "resources/read", { uri }, uri);
      expect(body).toMatchObject({ id: 41, error: { code: -32602, data: { uri } } });
    }
  });

  it("a refused __proto__ key is answered with the request's own id, string or number", async () => {
    const params = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    for (const id of ["call-7", 7]) {
      const { status, body } = await send(era, id, "tools/list", params);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        id,
        error: { code: -32602, message: expect.stringContaining("__proto__") },
      });
    }
  });
});

it("a body that is not JSON is a parse error with a null id: no id can be read from it", async () => {
  const response = await fetch(http.url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: '{"jsonrpc":"2.0","id":3,',
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    jsonrpc: "2.0",
    id: null,
    error: { code: -32700, message: "Parse error: the body is not JSON" },
  });
});
