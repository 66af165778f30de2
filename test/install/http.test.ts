import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { MAX_BODY_BYTES, type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { enabledTools } from "../../src/mcp/selection.js";

import { registerSecret } from "../support/secret-scan.js";
import { dataOf } from "../support/view.js";
import { ROOT } from "./support.js";

// What a server started with no toolsets named lists.
const defaultTools = enabledTools(loadConfig({ WORKOS_API_KEY: "sk_test_default" }, []));

const TOKEN = "test-token-0123456789abcdef0123456789abcdef";
registerSecret(TOKEN);

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

async function connect(
  url: string,
  options: { token?: string; elicitation?: boolean } = {},
): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${options.token ?? TOKEN}` } },
  });
  const client = new Client(
    { name: "http-test", version: "0" },
    { capabilities: options.elicitation === true ? { elicitation: {} } : {} },
  );
  await client.connect(transport);
  return client;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP/1.1 request, so Host, Origin and Content-Length can be anything a browser or attacker sends. */
function raw(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Written one by one, each after the one before has gone out; the request ends only with `end`. */
    chunks?: Buffer[];
    end?: boolean;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "POST", headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    // The server may close the connection once it has answered: what matters is that answer.
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    const send = async () => {
      for (const chunk of options.chunks ?? [])
        await new Promise<void>((done) => req.write(chunk, () => done()));
      if (options.chunks === undefined || options.end === true) req.end(options.body);
    };
    send().catch(reject);
  });
}

const jsonRpc = (method: string) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: {} });
const mcpHeaders = (extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  ...extra,
});

describe("Streamable HTTP (--http)", () => {
  let emulator: RunningEmulator;
  let server: Started;
  let url: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
    server = await startServer(emulator);
    url = server.http.url;
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it("serves the same tools to a client with the token", async () => {
    const client = await connect(url);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain("get_organization");
    expect(tools.map((tool) => tool.name)).toEqual(defaultTools.map((tool) => tool.name));
    await client.close();
  });

  it("answers 401 without a token or with a wrong one, and the SDK client fails to connect", async () => {
    const none = await raw(url, { headers: mcpHeaders(), body: jsonRpc("tools/list") });
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(0, -1), "", TOKEN.toUpperCase()]) {
      const response = await raw(url, {
        headers: mcpHeaders({ authorization: `Bearer ${wrong}` }),
        body: jsonRpc("tools/list"),
      });
      expect(response.status, wrong).toBe(401);
    }
    const basic = await raw(url, {
      headers: mcpHeaders({ authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }),
      body: jsonRpc("tools/list"),
    });
    expect(basic.status).toBe(401);
    await expect(connect(url, { token: "not-the-token" })).rejects.toThrow(/401|Unauthorized/);
  });

  it("refuses a foreign Origin or Host with 403 (DNS rebinding), and accepts localhost ones", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const port = server.http.port;
    const foreignOrigin = await raw(url, {
      headers: mcpHeaders({ ...auth, origin: "https://evil.example.com" }),
      body: jsonRpc("tools/list"),
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body).toMatch(/Origin/);
    const foreignHost = await raw(url, {
      headers: mcpHeaders({ ...auth, host: `evil.example.com:${port}` }),
      body: jsonRpc("tools/list"),
    });
    expect(foreignHost.status).toBe(403);
    const otherPort = await raw(url, {
      headers: mcpHeaders({ ...auth, host: `localhost:${port + 1}`, origin: `http://localhost:${port + 1}` }),
      body: jsonRpc("tools/list"),
    });
    expect(otherPort.status).toBe(403);
    const local = await raw(url, {
      headers: mcpHeaders({ ...auth, host: `localhost:${port}`, origin: `http://localhost:${port}` }),
      body: jsonRpc("tools/list"),
    });
    expect(local.status).toBe(200);
    expect(JSON.parse(local.body).result.tools).toHaveLength(defaultTools.length);
  });

  it("answers 200 concurrent calls from 10 clients correctly, each with the organization it asked for", async () => {
    const ids = Object.values(DEMO_IDS.organizations);
    const clients = await Promise.all(Array.from({ length: 10 }, () => connect(url)));
    const calls = clients.flatMap((client, c) =>
      Array.from({ length: 20 }, async (_, i) => {
        const id = ids[(c * 20 + i) % ids.length] as string;
        const result = (await client.callTool({
          name: "get_organization",
          arguments: { organization_id: id },
        })) as CallToolResult;
        return { id, result };
      }),
    );
    const results = await Promise.all(calls);
    expect(results).toHaveLength(200);
    for (const { id, result } of results) {
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect(dataOf<{ id: string }>(result).id).toBe(id);
    }
    await Promise.all(clients.map((client) => client.close()));
  });

  it("takes a 1 MB webhook payload to validate_webhook", async () => {
    const client = await connect(url);
    const payload = JSON.stringify({
      id: "event_1",
      event: "organization.created",
      data: { pad: "x".repeat(1_000_000) },
    });
    const result = (await client.callTool({
      name: "validate_webhook",
      arguments: { payload, signature_header: `t=${Date.now()}, v1=${"0".repeat(64)}` },
    })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toMatchObject({ reason: "no_secret_configured" });
    await client.close();
  });

  it("refuses an oversized body with 413 without harm, declared or streamed", async () => {
    const headers = mcpHeaders({ authorization: `Bearer ${TOKEN}` });
    const declared = await raw(url, {
      headers: { ...headers, "content-length": String(MAX_BODY_BYTES * 4) },
      chunks: [Buffer.alloc(64 * 1024, 0x20)],
    });
    expect(declared.status).toBe(413);
    const streamed = await raw(url, {
      headers: { ...headers, "transfer-encoding": "chunked" },
      chunks: [Buffer.alloc(MAX_BODY_BYTES / 2, 0x20), Buffer.alloc(MAX_BODY_BYTES / 2 + 10, 0x20)],
    });
    expect(streamed.status).toBe(413);
    // Just under the limit is read and parsed (and is not a valid message).
    const padded = `{"jsonrpc":"2.0","id":1,"method":"ping"${" ".repeat(MAX_BODY_BYTES - 60)}}`;
    expect((await raw(url, { headers, body: padded })).status).toBe(200);
    const client = await connect(url);
    const result = (await client.callTool({
      name: "get_organization",
      arguments: { organization_id: DEMO_IDS.organizations.globex },
    })) as CallToolResult;
    expect(dataOf(result)).toMatchObject({ id: DEMO_IDS.organizations.globex });
    await client.close();
  });

  it("reads a body of exactly the limit, and refuses one byte more that arrives only in the last chunk", async () => {
    const headers = mcpHeaders({ authorization: `Bearer ${TOKEN}` });
    const ping = '{"jsonrpc":"2.0","id":7,"method":"ping"}';
    const atLimit = Buffer.from(`${ping}${" ".repeat(MAX_BODY_BYTES - ping.length)}`);
    expect(atLimit.length).toBe(MAX_BODY_BYTES);
    for (const framing of [
      { "content-length": String(MAX_BODY_BYTES) },
      { "transfer-encoding": "chunked" },
    ]) {
      const read = await raw(url, {
        headers: { ...headers, ...framing },
        chunks: [atLimit.subarray(0, MAX_BODY_BYTES - 1), atLimit.subarray(MAX_BODY_BYTES - 1)],
        end: true,
      });
      expect(read.status, JSON.stringify(framing)).toBe(200);
      expect(JSON.parse(read.body)).toEqual({ jsonrpc: "2.0", id: 7, result: {} });
    }
    // The limit's worth first, then the byte over it alone: only the last chunk crosses the limit.
    const over = await raw(url, {
      headers: { ...headers, "transfer-encoding": "chunked" },
      chunks: [atLimit, Buffer.from(" ")],
      end: true,
    });
    expect(over.status).toBe(413);
    expect(over.body).toContain(`the limit is ${MAX_BODY_BYTES} bytes`);
    const declared = await raw(url, {
      headers: { ...headers, "content-length": String(MAX_BODY_BYTES + 1) },
      body: Buffer.concat([atLimit, Buffer.from(" ")]),
    });
    expect(declared.status).toBe(413);
  });

  it("answers GET and DELETE on /mcp with 405 (stateless), unknown paths 404, bad JSON 400", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const method of ["GET", "DELETE"]) {
      const response = await raw(url, { method, headers: { ...auth, accept: "text/event-stream" } });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("POST");
    }
    expect((await raw(url.replace("/mcp", "/other"), { headers: auth, body: "{}" })).status).toBe(404);
    expect((await raw(url, { headers: mcpHeaders(auth), body: "{not json" })).status).toBe(400);
  });

  it("serves /healthz without a token, and nothing more", async () => {
    const health = await raw(url.replace("/mcp", "/healthz"), {
      method: "GET",
      headers: { host: "10.0.0.7:80" },
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
  });

  it("confirms deletes with a preview and token at once (no elicitation without a session), on any replica", async () => {
    // Its own organization: deleting a seeded one would fail the tests shuffled after this one.
    const created = await fetch(`${emulator.url}/organizations`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Replica Test Co" }),
    });
    expect(created.status).toBe(201);
    const { id: organizationId } = (await created.json()) as { id: string };
    const replica = await startServer(emulator);
    const asked: unknown[] = [];
    const client = await connect(url, { elicitation: true });
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request);
      return { action: "accept", content: { confirm_name: "Replica Test Co" } };
    });
    const args = { organization_id: organizationId };
    // Waiting for an elicitation that cannot arrive would take the SDK's 60 s request timeout: past this test's.
    const preview = (await client.callTool({
      name: "delete_organization",
      arguments: args,
    })) as CallToolResult;
    expect(asked).toEqual([]);
    const outcome = dataOf<{ deleted: boolean; confirmation_token?: string }>(preview);
    expect(outcome.deleted).toBe(false);
    expect(outcome.confirmation_token).toMatch(/^ct_/);

    // The second call lands on another replica. With a real key tokens are keyed from it, so replicas in other
    // processes accept them too (test/confirm.test.ts); the emulator's public key gets a per-process secret.
    const other = await connect(replica.http.url);
    const done = (await other.callTool({
      name: "delete_organization",
      arguments: { ...args, confirmation_token: outcome.confirmation_token },
    })) as CallToolResult;
    expect(dataOf(done)).toMatchObject({ deleted: true });
    await Promise.all([client.close(), other.close()]);
    await replica.close();
  });
});

describe("workos-mcp --http (the built CLI)", () => {
  const CLI = join(ROOT, "dist", "cli.js");
  const env = { PATH: process.env.PATH ?? "" };

  it("refuses to start without a token, or with a short one, in one clear line", async () => {
    for (const [extra, pattern] of [
      [{}, /--http needs WORKOS_MCP_HTTP_TOKEN/],
      [{ WORKOS_MCP_HTTP_TOKEN: "tok3n-xyz" }, /WORKOS_MCP_HTTP_TOKEN is too short/],
      [
        {
          WORKOS_MCP_HTTP_TOKEN: "tok3n-xyz",
          WORKOS_MCP_AUTHKIT_DOMAIN: "https://acme.authkit.app",
          WORKOS_MCP_PUBLIC_URL: "https://mcp.example.com/mcp",
        },
        /Set either WORKOS_MCP_HTTP_TOKEN .* not both/,
      ],
      [{ WORKOS_MCP_AUTHKIT_DOMAIN: "https://acme.authkit.app" }, /set without WORKOS_MCP_PUBLIC_URL/],
    ] as const) {
      const child = spawn(process.execPath, [CLI, "--http", "--emulator"], { env: { ...env, ...extra } });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(2);
      expect(stderr).toMatch(pattern);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).not.toContain("tok3n-xyz");
    }
  });

  it("starts, answers /healthz and /mcp, never logs the token, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "--http", "--emulator", "--port", "0"], {
      env: { ...env, WORKOS_MCP_HTTP_TOKEN: TOKEN },
    });
    let stderr = "";
    const lines = createInterface({ input: child.stderr });
    const url = await new Promise<string>((resolve) =>
      lines.on("line", (line) => {
        stderr += `${line}\n`;
        const match = /at (http:\/\/\S+\/mcp)/.exec(line);
        if (match?.[1] !== undefined) resolve(match[1]);
      }),
    );
    expect((await fetch(url.replace("/mcp", "/healthz"))).status).toBe(200);
    const client = await connect(url);
    expect((await client.listTools()).tools.length).toBe(defaultTools.length);
    await client.close();
    expect((await raw(url, { headers: mcpHeaders(), body: jsonRpc("ping") })).status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/refused POST \/mcp/);
    expect(stderr).not.toContain(TOKEN);
  });
});
