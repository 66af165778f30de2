import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { closedPort } from "../support/ports.js";
import { registerSecret } from "../support/secret-scan.js";
import { conformanceNode, ROOT } from "./support.js";

// The MCP conformance suite's `authorization` scenarios against the emulator as an AuthKit authorization
// server: its metadata (RFC 8414), and an authorization code grant with PKCE and a resource indicator, for a
// client registered by DCR. The suite prints the authorization URL for a person to open; here the "browser"
// is a fetch with login_hint (the emulator signs that seeded person in at once) that delivers the redirect to
// the suite's callback server. (The suite's other auth scenarios, auth/*, test an MCP client against the
// suite's own authorization server: they are for clients, not for this server.)
const CONFORMANCE = join(ROOT, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");
const SCENARIOS = ["authorization-server-metadata-endpoint", "authorization-code-grant"];

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
  errorMessage?: string;
}

describe("MCP conformance suite: authorization scenarios against the emulator's authorization server", () => {
  const node = conformanceNode();
  let emulator: RunningEmulator;
  let output: string;
  let results: Map<string, Check[]>;
  let stdout = "";

  beforeAll(async () => {
    if (node === undefined) return;
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
    output = mkdtempSync(join(tmpdir(), "workos-mcp-conformance-auth-"));
    const port = await closedPort();
    const registered = await fetch(new URL("/oauth2/register", emulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "MCP conformance suite",
        redirect_uris: [`http://127.0.0.1:${port}/callback`],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      }),
    });
    expect(registered.status).toBe(201);
    const { client_id } = (await registered.json()) as { client_id: string };
    const args = [
      CONFORMANCE,
      "authorization",
      "--url",
      emulator.url,
      "--client-id",
      client_id,
      "--resource",
      "http://127.0.0.1:3000/mcp",
      "--port",
      String(port),
      "--output-dir",
      output,
    ];
    const child = spawn(node, args, { stdio: ["ignore", "pipe", "pipe"] });
    const authorizationEndpoint = `${emulator.url}/oauth2/authorize?`;
    const signedIn: Promise<void>[] = [];
    // The suite prints the authorization URL before it starts its callback server ("Callback server started"):
    // sign in once both have been seen, so the redirect never reaches a port nobody listens on yet.
    let authorizeUrl: string | undefined;
    let listening = false;
    const signIn = (line: string) => {
      if (line.startsWith(authorizationEndpoint)) authorizeUrl = line;
      else if (line.startsWith("Callback server started")) listening = true;
      else return;
      if (authorizeUrl === undefined || !listening) return;
      const url = new URL(authorizeUrl);
      authorizeUrl = undefined;
      signedIn.push(
        (async () => {
          url.searchParams.set("login_hint", "jane.doe@acme.com");
          const answer = await fetch(url, { redirect: "manual" });
          const location = answer.headers.get("location");
          if (answer.status !== 302 || location === null) throw new Error(`authorize -> ${answer.status}`);
          await fetch(location);
        })(),
      );
    };
    createInterface({ input: child.stdout }).on("line", (line) => {
      stdout += `${line}\n`;
      signIn(line);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the suite did not finish:\n${stdout}`));
      }, 60_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await Promise.all(signedIn);
    results = readResults(output);
  }, 90_000);

  afterAll(async () => {
    if (node === undefined) return;
    await emulator.close();
    rmSync(output, { recursive: true, force: true });
  });

  it.for(SCENARIOS)("%s: every check passes", (scenario, context) => {
    if (node === undefined) context.skip("the conformance suite needs Node >= 22 (.ci/run installs Node 24)");
    const checks = results.get(scenario);
    expect(checks, `no results for ${scenario}:\n${stdout}`).toBeDefined();
    expect(checks?.length).toBeGreaterThan(0);
    const failed = (checks ?? []).filter((check) => check.status !== "SUCCESS" && check.status !== "INFO");
    expect(failed, stdout).toEqual([]);
  });
});

/** Each scenario's checks, from the suite's output directory (<kind>-<scenario>-<timestamp>/checks.json). */
function readResults(dir: string): Map<string, Check[]> {
  const results = new Map<string, Check[]>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith("checks.json")) continue;
    const scenario = SCENARIOS.find((name) => entry.includes(name));
    if (scenario === undefined) continue;
    results.set(scenario, JSON.parse(readFileSync(join(dir, entry), "utf8")) as Check[]);
  }
  return results;
}
