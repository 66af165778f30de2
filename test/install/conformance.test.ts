import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { registerSecret } from "../support/secret-scan.js";
import { ROOT } from "./support.js";

const CONFORMANCE = join(ROOT, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");
const TOKEN = "conformance-token-0123456789abcdef0123456789";
registerSecret(TOKEN);

/**
 * The scenarios that apply to this server: it declares only `tools` (listChanged false) and serves stateless
 * Streamable HTTP. The others need what it does not have: resources-*, prompts-*, completion-complete and
 * logging-set-level test capabilities it does not declare; tools-call-*, json-schema-2020-12 and
 * elicitation-* call fixture tools (test_simple_text, ...) that only a conformance test server has;
 * server-sse-polling and server-sse-multiple-streams need sessions and SSE streams, which stateless mode
 * does not keep.
 */
const SCENARIOS = ["server-initialize", "ping", "tools-list", "dns-rebinding-protection"];

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
  errorMessage?: string;
}

describe("MCP conformance suite (@modelcontextprotocol/conformance) over Streamable HTTP", () => {
  let emulator: RunningEmulator;
  let workos: WorkOSClient;
  let server: RunningHttpServer;
  let proxy: Server;
  let url: string;
  let output: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
    output = mkdtempSync(join(tmpdir(), "workos-mcp-conformance-"));
    // The suite's client cannot send headers, so a loopback proxy adds the bearer token and changes nothing
    // else: Host and Origin reach the server as the suite sent them, and the server checks them itself.
    proxy = createServer((req, res) => {
      const upstream = request(
        {
          host: "127.0.0.1",
          port: server.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, authorization: `Bearer ${TOKEN}` },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxyPort = (proxy.address() as AddressInfo).port;
    const config = {
      ...loadConfig(
        {
          WORKOS_API_KEY: emulator.apiKey,
          WORKOS_MCP_HTTP_TOKEN: TOKEN,
          WORKOS_MCP_ALLOWED_HOSTS: `127.0.0.1:${proxyPort},localhost:${proxyPort}`,
          WORKOS_MCP_ALLOWED_ORIGINS: `http://127.0.0.1:${proxyPort},http://localhost:${proxyPort}`,
        },
        ["--http", "--port", "0"],
      ),
      baseUrl: emulator.url,
    };
    workos = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    server = await startHttpServer(config, { client: workos });
    url = `http://127.0.0.1:${proxyPort}/mcp`;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await server.close();
    await workos.close();
    await emulator.close();
    rmSync(output, { recursive: true, force: true });
  });

  it.each(SCENARIOS)("passes %s", async (scenario) => {
    const dir = join(output, scenario);
    const run = await promisify(execFile)(
      process.execPath,
      [CONFORMANCE, "server", "--url", url, "--scenario", scenario, "--output-dir", dir],
      { timeout: 15_000 },
    ).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? "",
      code: error.code,
    }));
    const [result] = readdirSync(dir);
    const checks = JSON.parse(readFileSync(join(dir, result as string, "checks.json"), "utf8")) as Check[];
    const failed = checks.filter((check) => check.status === "FAILURE" || check.status === "WARNING");
    expect(failed, run.stdout).toEqual([]);
    expect(checks.filter((check) => check.status === "SUCCESS").length).toBeGreaterThan(0);
    expect("code" in run ? run.code : 0).toBe(0);
  });
});
