import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttpTransport,
} from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttpTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { isLegacyRequest } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { VERSION } from "../../src/client/version.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { claimsModernEra, type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { CALL_TABLE, type EraUnderTest, runInEveryEra, tapReceived } from "../support/call-table.js";
import { registerSecret } from "../support/secret-scan.js";

// The team server (--http, emulator behind it) in the 2026-07-28 era, spoken to over raw HTTP, next to the
// 2025-11-25 era on the same /mcp endpoint.
const TOKEN = "eras-token-0123456789abcdef0123456789abcdef";
registerSecret(TOKEN);
const MODERN = "2026-07-28";

interface Started {
  http: RunningHttpServer;
  close(): Promise<void>;
}

async function startServer(emulator: RunningEmulator, env: Record<string, string> = {}): Promise<Started> {
  const config = {
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN, ...env }, [
      "--http",
      "--port",
      "0",
    ]),
    baseUrl: emulator.url,
  };
  const client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  const http = await startHttpServer(config, { client });
  return {
    http,
    async close() {
      await http.close();
      await client.close();
    },
  };
}

let emulator: RunningEmulator;
let server: Started;
let nextId = 100;

beforeAll(async () => {
  emulator = await startEmulator();
  registerSecret(emulator.apiKey);
  server = await startServer(emulator);
});
afterAll(async () => {
  await server?.close();
  await emulator?.close();
});

/** The per-request envelope of 2026-07-28, with any key replaced or (undefined) left out. */
function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const keys: Record<string, unknown> = {
    "io.modelcontextprotocol/protocolVersion": MODERN,
    "io.modelcontextprotocol/clientInfo": { name: "raw-eras", version: "0" },
    "io.modelcontextprotocol/clientCapabilities": {},
    ...overrides,
  };
  return Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
}

/** The headers a 2026-07-28 request carries: the version, the method and, for named methods, the name. */
function modernHeaders(method: string, params: Record<string, unknown>): Record<string, string> {
  const name = method === "resources/read" ? params.uri : params.name;
  return {
    "mcp-protocol-version": MODERN,
    "mcp-method": method,
    ...(typeof name === "string" && method !== "completion/complete" ? { "mcp-name": name } : {}),
  };
}

interface Answer {
  status: number;
  contentType: string | null;
  id: unknown;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

/** One POST to /mcp with the bearer token; the answer's JSON-RPC parts. */
async function post(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  url = server.http.url,
): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: "2.0", ...body }),
  });
  const message = (await response.json()) as Omit<Answer, "status" | "contentType">;
  return { status: response.status, contentType: response.headers.get("content-type"), ...message };
}

/** A well-formed 2026-07-28 request, the headers agreeing with the body unless `headers` says otherwise. */
function modern(
  method: string,
  params: Record<string, unknown> = {},
  options: { id?: number | string; meta?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const id = options.id ?? nextId++;
  return post(
    { id, method, params: { ...params, _meta: options.meta ?? envelope() } },
    { ...modernHeaders(method, params), ...options.headers },
  );
}

/** A 2025-11-25 request as a stateless client sends it: no envelope, the version in the header. */
function legacy(method: string, params: Record<string, unknown> = {}, url?: string): Promise<Answer> {
  return post({ id: nextId++, method, params }, { "mcp-protocol-version": "2025-11-25" }, url);
}

const ACME = `workos://organizations/${DEMO_IDS.organizations.acme}`;

/** One request of each kind this server answers, in the 2026-07-28 era. */
const EVERY_METHOD: [string, Record<string, unknown>][] = [
  ["server/discover", {}],
  ["tools/list", {}],
  ["tools/call", { name: "get_organization", arguments: { organization_id: DEMO_IDS.organizations.acme } }],
  ["tools/call", { name: "get_organization", arguments: { organization_id: "nope" } }],
  ["prompts/list", {}],
  ["prompts/get", { name: "diagnose_sso", arguments: { organization: "Acme" } }],
  ["resources/list", {}],
  ["resources/templates/list", {}],
  ["resources/read", { uri: ACME }],
  [
    "completion/complete",
    { ref: { type: "ref/prompt", name: "diagnose_sso" }, argument: { name: "organization", value: "glob" } },
  ],
];

describe("server/discover", () => {
  it("names the revision it speaks, its capabilities (no logging), who it is and its instructions", async () => {
    const discovered = await modern("server/discover", {}, { id: 1 });
    expect(discovered.status).toBe(200);
    expect(discovered.id).toBe(1);
    const result = discovered.result ?? {};
    // Only the modern revisions: a 2025 client negotiates its version through initialize (below).
    expect(result.supportedVersions).toEqual([MODERN]);
    expect(Object.keys(result.capabilities as object).sort()).toEqual([
      "completions",
      "prompts",
      "resources",
      "tools",
    ]);
    expect(result._meta).toEqual({
      "io.modelcontextprotocol/serverInfo": { name: "workos-mcp", title: "WorkOS", version: VERSION },
    });
    expect(result.instructions).toMatch(
      /^This server operates WorkOS \(the staging \(test\) environment\)\./,
    );

    // The legacy path on the same endpoint serves 2025-11-25 (and the older revisions a client asks for),
    // with the same capabilities and instructions.
    const initialized = await post({
      id: 2,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "old", version: "0" } },
    });
    expect(initialized.result).toMatchObject({
      protocolVersion: "2025-11-25",
      capabilities: result.capabilities,
      serverInfo: { name: "workos-mcp", version: VERSION },
      instructions: result.instructions,
    });
    const older = await post({
      id: 3,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "old", version: "0" } },
    });
    expect(older.result?.protocolVersion).toBe("2025-06-18");
  });
});

describe("the _meta envelope", () => {
  it("is required, with clientCapabilities: -32602 and 400 otherwise, with the request's id", async () => {
    const noEnvelope = await post(
      { id: 11, method: "tools/list", params: {} },
      modernHeaders("tools/list", {}),
    );
    expect(noEnvelope).toMatchObject({ status: 400, id: 11, error: { code: -32602 } });
    expect(noEnvelope.error?.message).toContain("_meta");
    const noCapabilities = await modern(
      "tools/list",
      {},
      { id: 12, meta: envelope({ "io.modelcontextprotocol/clientCapabilities": undefined }) },
    );
    expect(noCapabilities).toMatchObject({
      status: 400,
      id: 12,
      error: { code: -32602, data: { envelope: { key: "io.modelcontextprotocol/clientCapabilities" } } },
    });
  });

  it("an unsupported version is -32022 with the supported list, 400, with the request's id", async () => {
    const answer = await modern(
      "tools/list",
      {},
      {
        id: "v-13",
        meta: envelope({ "io.modelcontextprotocol/protocolVersion": "2030-01-01" }),
        headers: { "mcp-protocol-version": "2030-01-01" },
      },
    );
    expect(answer).toMatchObject({
      status: 400,
      id: "v-13",
      error: { code: -32022, data: { supported: [MODERN], requested: "2030-01-01" } },
    });
  });

  it("clientInfo may be left out", async () => {
    const answer = await modern(
      "tools/list",
      {},
      { meta: envelope({ "io.modelcontextprotocol/clientInfo": undefined }) },
    );
    expect(answer.status).toBe(200);
    expect(answer.result?.tools).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "get_organization" })]),
    );
  });
});

describe("results of the 2026-07-28 era", () => {
  it.each(
    EVERY_METHOD.map(
      ([method, params]) => [`${method} ${JSON.stringify(params).slice(0, 60)}`, method, params] as const,
    ),
  )("%s carries resultType complete, as JSON", async (_, method, params) => {
    const answer = await modern(method, params);
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.result?.resultType).toBe("complete");
  });

  it("a JSON answer is sent whole with its Content-Length, not chunked, in both eras", async () => {
    const call = { name: "get_organization", arguments: { organization_id: DEMO_IDS.organizations.acme } };
    for (const [era, body, headers] of [
      [
        MODERN,
        { method: "tools/call", params: { ...call, _meta: envelope() } },
        modernHeaders("tools/call", call),
      ],
      ["2025-11-25", { method: "tools/call", params: call }, { "mcp-protocol-version": "2025-11-25" }],
    ] as const) {
      const response = await fetch(server.http.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, ...body }),
      });
      const text = await response.text();
      expect(response.headers.get("content-type"), era).toMatch(/^application\/json/);
      expect(response.headers.get("transfer-encoding"), era).toBeNull();
      expect(response.headers.get("content-length"), era).toBe(String(Buffer.byteLength(text)));
      expect(JSON.parse(text).result.structuredContent, era).toBeDefined();
    }
  });

  it("a notification is accepted with 202 and no body, in both eras", async () => {
    const send = (body: Record<string, unknown>, headers: Record<string, string>) =>
      fetch(server.http.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", ...body }),
      });
    const modernNote = await send(
      { method: "notifications/cancelled", params: { requestId: 1, _meta: envelope() } },
      modernHeaders("notifications/cancelled", {}),
    );
    expect(modernNote.status).toBe(202);
    expect(await modernNote.text()).toBe("");
    const legacyNote = await send(
      { method: "notifications/initialized" },
      { "mcp-protocol-version": "2025-11-25" },
    );
    expect(legacyNote.status).toBe(202);
    expect(await legacyNote.text()).toBe("");
  });

  it("list results carry ttlMs and cacheScope; the fixed lists may be kept five minutes, per person", async () => {
    for (const method of ["tools/list", "prompts/list", "resources/templates/list"]) {
      const { result } = await modern(method);
      expect(result, method).toMatchObject({ ttlMs: 5 * 60_000, cacheScope: "private" });
    }
    for (const [method, params] of [
      ["resources/list", {}],
      ["resources/read", { uri: ACME }],
    ] as const) {
      const { result } = await modern(method, params);
      expect(result?.ttlMs, method).toEqual(expect.any(Number));
      expect(["private", "public"], method).toContain(result?.cacheScope);
    }
  });
});

describe("headers and methods", () => {
  it("an Mcp-Method or Mcp-Name header that disagrees with the body is -32020, 400, with the request's id", async () => {
    const method = await modern("tools/list", {}, { id: 21, headers: { "mcp-method": "prompts/list" } });
    expect(method).toMatchObject({ status: 400, id: 21, error: { code: -32020 } });
    const name = await modern(
      "tools/call",
      { name: "list_organizations", arguments: {} },
      { id: 22, headers: { "mcp-name": "delete_organization" } },
    );
    expect(name).toMatchObject({ status: 400, id: 22, error: { code: -32020 } });
    const uri = await modern(
      "resources/read",
      { uri: ACME },
      { id: 23, headers: { "mcp-name": "workos://elsewhere" } },
    );
    expect(uri).toMatchObject({ status: 400, id: 23, error: { code: -32020 } });
  });

  it.each(["initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe"])(
    "%s, removed in 2026-07-28, is 404 and -32601, with the request's id",
    async (method) => {
      const params =
        method === "logging/setLevel"
          ? { level: "info" }
          : method.startsWith("resources/")
            ? { uri: ACME }
            : method === "initialize"
              ? { protocolVersion: MODERN, capabilities: {}, clientInfo: { name: "x", version: "0" } }
              : {};
      const answer = await modern(method, params, { id: `removed-${method}` });
      expect(answer).toMatchObject({ status: 404, id: `removed-${method}`, error: { code: -32601 } });
    },
  );

  it("errors a handler raises carry the request's id", async () => {
    const unknownTool = await modern("tools/call", { name: "nope", arguments: {} }, { id: 31 });
    expect(unknownTool).toMatchObject({ id: 31, error: { code: -32602 } });
    const unknownPrompt = await modern("prompts/get", { name: "nope" }, { id: 32 });
    expect(unknownPrompt).toMatchObject({ id: 32, error: { code: -32602 } });
  });

  it("a client's malformed request is logged as one refusal line, not as a server error with a stack", async () => {
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      await modern("tools/list", {}, { headers: { "mcp-method": "prompts/list" } });
      await modern(
        "tools/list",
        {},
        {
          meta: envelope({ "io.modelcontextprotocol/protocolVersion": "2030-01-01" }),
          headers: { "mcp-protocol-version": "2030-01-01" },
        },
      );
    } finally {
      process.stderr.write = write;
    }
    const lines = logged.join("").trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^workos-mcp: refused POST \/mcp: .*the Mcp-Method header names prompts\/list$/),
      "workos-mcp: refused POST /mcp: Unsupported protocol version: 2030-01-01",
    ]);
  });

  it("a refusal by the server's own checks after reading the body carries the request's id", async () => {
    const response = await fetch(server.http.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...modernHeaders("tools/list", {}),
      },
      body: `{"jsonrpc":"2.0","id":41,"method":"tools/list","params":{"__proto__":{},"_meta":${JSON.stringify(envelope())}}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: 41, error: { code: -32602 } });
  });
});

describe("tools/list order", () => {
  const names = (answer: Answer) =>
    ((answer.result?.tools ?? []) as { name: string }[]).map((tool) => tool.name);

  it("is the same on every call, in both eras and across server instances however the tools are named", async () => {
    const first = names(await modern("tools/list"));
    expect(first.length).toBeGreaterThan(10);
    for (let i = 0; i < 3; i++) expect(names(await modern("tools/list"))).toEqual(first);
    expect(names(await legacy("tools/list"))).toEqual(first);

    // Another instance given the same tools in another order, and one with some toolsets named backwards.
    const picked = [...first].reverse();
    const other = await startServer(emulator, { WORKOS_MCP_TOOLS: picked.join(",") });
    const toolsets = await startServer(emulator, { WORKOS_MCP_TOOLSETS: "webhooks,sso,organizations" });
    try {
      const listAt = (url: string) =>
        post(
          { id: nextId++, method: "tools/list", params: { _meta: envelope() } },
          modernHeaders("tools/list", {}),
          url,
        );
      expect(names(await listAt(other.http.url))).toEqual(first);
      const subset = names(await listAt(toolsets.http.url));
      expect(subset.length).toBeGreaterThan(0);
      expect(subset).toEqual(first.filter((name) => subset.includes(name)));
    } finally {
      await other.close();
      await toolsets.close();
    }
  });
});

describe("subscriptions/listen", () => {
  it("is acknowledged, with the notifications this server will send (none: its lists never change)", async () => {
    const ac = new AbortController();
    const response = await fetch(server.http.url, {
      method: "POST",
      signal: ac.signal,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...modernHeaders("subscriptions/listen", {}),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: "listen-1",
        method: "subscriptions/listen",
        params: { notifications: { toolsListChanged: true }, _meta: envelope() },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    const data = /^data: (.*)$/m.exec(text)?.[1] ?? "{}";
    expect(JSON.parse(data)).toMatchObject({
      jsonrpc: "2.0",
      method: "notifications/subscriptions/acknowledged",
    });
  });
});

describe("the 2025-11-25 era on the same endpoint", () => {
  it.each(
    EVERY_METHOD.filter(([method]) => method !== "server/discover").map(
      ([method, params]) => [`${method} ${JSON.stringify(params).slice(0, 60)}`, method, params] as const,
    ),
  )("%s is answered as before: JSON, without the new era's fields", async (_, method, params) => {
    const answer = await legacy(method, params);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.error).toBeUndefined();
    for (const field of ["resultType", "ttlMs", "cacheScope", "_meta"]) {
      expect(answer.result, field).not.toHaveProperty(field);
    }
  });

  it("server/discover is not a method there, as before", async () => {
    const answer = await legacy("server/discover");
    expect(answer.error?.code).toBe(-32601);
  });
});

describe("routing between the eras", () => {
  const claim = (version: unknown = MODERN) => ({ "io.modelcontextprotocol/protocolVersion": version });
  const call = { name: "get_organization", arguments: {} };
  // [what, body, taken without asking the SDK]
  const bodies: [string, unknown, boolean][] = [
    [
      "a 2026-07-28 call",
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { ...call, _meta: envelope() } },
      true,
    ],
    [
      "an envelope without capabilities",
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: claim() } },
      true,
    ],
    [
      "a claim that is no string",
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: claim(42) } },
      true,
    ],
    [
      "a claim of 2025-11-25",
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope(claim("2025-11-25")) } },
      true,
    ],
    [
      "a notification with a claim",
      { jsonrpc: "2.0", method: "notifications/cancelled", params: { _meta: envelope() } },
      true,
    ],
    [
      "a notification claiming 2025-11-25",
      { jsonrpc: "2.0", method: "notifications/x", params: { _meta: claim("2025-11-25") } },
      true,
    ],
    ["a claim without a method", { jsonrpc: "2.0", id: 1, params: { _meta: envelope() } }, true],
    [
      "a claim under jsonrpc 1.0",
      { jsonrpc: "1.0", id: 1, method: "tools/list", params: { _meta: envelope() } },
      true,
    ],
    [
      "a claim with a null id",
      { jsonrpc: "2.0", id: null, method: "tools/list", params: { _meta: envelope() } },
      true,
    ],
    [
      "initialize with an envelope",
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { _meta: envelope() } },
      false,
    ],
    [
      "initialize with a bad claim",
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { _meta: claim(42) } },
      false,
    ],
    ["a 2025-11-25 call", { jsonrpc: "2.0", id: 1, method: "tools/call", params: call }, false],
    [
      "a _meta without the claim",
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: {} } },
      false,
    ],
    ["a _meta that is null", { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: null } }, false],
    ["params as an array", { jsonrpc: "2.0", id: 1, method: "tools/list", params: [envelope()] }, false],
    ["a response", { jsonrpc: "2.0", id: 1, result: {} }, false],
    ["a response with a claim", { jsonrpc: "2.0", id: 1, result: {}, params: { _meta: envelope() } }, false],
    [
      "an error response with a claim",
      { jsonrpc: "2.0", id: 1, error: { code: 1, message: "x" }, params: { _meta: envelope() } },
      false,
    ],
    [
      "a batch with a claim",
      [{ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope() } }],
      false,
    ],
    ["a batch", [{ jsonrpc: "2.0", id: 1, method: "tools/list" }], false],
    ["a string", "tools/list", false],
  ];
  const headerSets: Record<string, string>[] = [
    {},
    { "mcp-protocol-version": MODERN, "mcp-method": "tools/list" },
    { "mcp-protocol-version": "2025-11-25" },
    { "mcp-protocol-version": "2099-01-01", "mcp-method": "other" },
  ];

  it.each(bodies)(
    "%s: what is taken as 2026-07-28 without asking, the SDK routes there too",
    async (_, body, taken) => {
      expect(claimsModernEra(body)).toBe(taken);
      for (const headers of headerSets) {
        const request = new Request("http://localhost/mcp", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
        });
        const legacy = await isLegacyRequest(request, body);
        if (taken) expect(legacy, JSON.stringify(headers)).toBe(false);
      }
    },
  );
});

describe("a client that goes away mid-call", () => {
  it.each(["2025-11-25", MODERN])("in %s, ends the call's WorkOS request at once", async (era) => {
    // WorkOS is a stand-in that never answers and notes when the socket of the hanging request closes; with no
    // retries and a long timeout, only the call's own end can close it.
    let arrived!: () => void;
    let closed!: (at: number) => void;
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const closing = new Promise<number>((resolve) => {
      closed = resolve;
    });
    const upstream = createHttpServer((_req, res) => {
      res.on("close", () => closed(performance.now()));
      arrived();
    });
    upstream.listen(0, "127.0.0.1");
    await once(upstream, "listening");
    const baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const workos = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl, timeoutMs: 60_000, maxRetries: 0 });
    const config = {
      ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN }, [
        "--http",
        "--port",
        "0",
      ]),
      baseUrl,
    };
    const http = await startHttpServer(config, { client: workos });
    try {
      const params = {
        name: "get_organization",
        arguments: { organization_id: DEMO_IDS.organizations.acme },
      };
      const leaving = new AbortController();
      const call = fetch(http.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...(era === MODERN ? modernHeaders("tools/call", params) : { "mcp-protocol-version": era }),
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: nextId++,
          method: "tools/call",
          params: era === MODERN ? { ...params, _meta: envelope() } : params,
        }),
        signal: leaving.signal,
      });
      await arrival;
      const leftAt = performance.now();
      leaving.abort();
      await expect(call).rejects.toThrow();
      const closedAt = await Promise.race([closing, delay(3_000).then(() => undefined)]);
      expect(closedAt, "the WorkOS request was still open 3 s after the client left").toBeDefined();
      expect((closedAt as number) - leftAt).toBeLessThan(3_000);
    } finally {
      upstream.closeAllConnections();
      upstream.close();
      await http.close();
      await workos.close();
    }
  });
});

describe("one table of calls over HTTP, in both protocol eras", () => {
  const eras: EraUnderTest[] = [];
  let modernClient: ModernClient;
  let legacyClient: LegacyClient;

  beforeAll(async () => {
    const requestInit = { headers: { authorization: `Bearer ${TOKEN}` } };
    modernClient = new ModernClient(
      { name: "eras-modern", version: "0" },
      { versionNegotiation: { mode: { pin: MODERN } } },
    );
    legacyClient = new LegacyClient({ name: "eras-legacy", version: "0" });
    const modernWire = tapReceived(new ModernHttpTransport(new URL(server.http.url), { requestInit }));
    const legacyWire = tapReceived(new LegacyHttpTransport(new URL(server.http.url), { requestInit }));
    await modernClient.connect(modernWire.transport);
    await legacyClient.connect(legacyWire.transport);
    await Promise.all([modernClient.listTools(), legacyClient.listTools()]);
    eras.push(
      { era: MODERN, client: modernClient, received: modernWire.received },
      { era: "2025-11-25", client: legacyClient, received: legacyWire.received },
    );
  });
  afterAll(async () => {
    await modernClient?.close();
    await legacyClient?.close();
  });

  it("each client speaks its own era", () => {
    expect(modernClient.getNegotiatedProtocolVersion()).toBe(MODERN);
    expect(legacyClient.getServerVersion()).toMatchObject({ name: "workos-mcp" });
  });

  it.each(CALL_TABLE.map((tableCase) => [tableCase.name, tableCase] as const))(
    "%s: the same in both eras",
    async (_, tableCase) => {
      await runInEveryEra(eras, tableCase);
    },
  );
});
