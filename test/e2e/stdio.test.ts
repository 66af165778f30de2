import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { closedPort } from "../support/ports.js";

// The built CLI, exactly as an MCP host launches it. `npm run check` builds before testing.
const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");
const cleanEnv = { PATH: process.env.PATH ?? "" };

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv, ...env },
    encoding: "utf8",
    timeout: 10_000,
  });
}

interface Message {
  jsonrpc: string;
  id?: number;
  result?: Record<string, unknown>;
  error?: unknown;
}

/** Speaks newline-delimited JSON-RPC to the child; every stdout line must be a JSON-RPC message. */
class StdioSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stray: string[] = [];
  stderr = "";
  #nextId = 1;
  #pending = new Map<number, (message: Message) => void>();

  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [CLI, ...args], { env: { ...cleanEnv, ...env } });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      let message: Message;
      try {
        message = JSON.parse(line) as Message;
      } catch {
        this.stray.push(line);
        return;
      }
      if (message.jsonrpc !== "2.0") this.stray.push(line);
      if (message.id !== undefined) this.#pending.get(message.id)?.(message);
    });
  }

  request(method: string, params: Record<string, unknown> = {}): Promise<Message> {
    const id = this.#nextId++;
    const answered = new Promise<Message>((resolve) => this.#pending.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    return answered;
  }

  notify(method: string): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method })}\n`);
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }
}

describe("dist/cli.js over stdio", () => {
  let session: StdioSession;

  beforeAll(() => {
    expect(existsSync(CLI), "dist/cli.js is missing: run `npm run build` (npm run check does)").toBe(true);
    session = new StdioSession(["--emulator"]);
  });
  afterAll(() => session.child.kill());

  it("initializes, lists tools and answers calls with nothing but JSON-RPC on stdout", async () => {
    const init = await session.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "e2e", version: "0" },
    });
    expect(init.result?.serverInfo).toMatchObject({ name: "workos-mcp" });
    expect(String(init.result?.instructions)).toContain("emulator");
    session.notify("notifications/initialized");

    const list = await session.request("tools/list");
    const names = ((list.result?.tools ?? []) as { name: string }[]).map((tool) => tool.name);
    expect(names).toContain("list_organizations");
    expect(names).toContain("validate_webhook");

    const orgs = await session.request("tools/call", { name: "list_organizations", arguments: { limit: 2 } });
    expect(orgs.result?.isError).toBeFalsy();
    expect(orgs.result?.structuredContent).toMatchObject({
      data: [
        expect.objectContaining({ id: expect.stringMatching(/^org_/) }),
        expect.objectContaining({ id: expect.stringMatching(/^org_/) }),
      ],
      next: { tool: "list_organizations", arguments: { limit: 2, after: expect.any(String) } },
    });
    const got = await session.request("tools/call", {
      name: "get_organization",
      arguments: { organization_id: DEMO_IDS.organizations.acme },
    });
    expect(got.result?.structuredContent).toMatchObject({
      summary: expect.stringContaining(DEMO_IDS.organizations.acme),
      data: { name: "Acme Inc" },
    });
    const bad = await session.request("tools/call", {
      name: "get_organization",
      arguments: { organization_id: "nope" },
    });
    expect(bad.result?.isError).toBe(true);

    expect(session.stray).toEqual([]);
    expect(session.stderr).toContain("demo mode");
  });

  it("exits cleanly when stdin closes", async () => {
    // Its own process: closing the shared session's stdin would end it for the tests shuffled after this one.
    const own = new StdioSession(["--emulator"]);
    const init = await own.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "e2e", version: "0" },
    });
    expect(init.result).toMatchObject({ protocolVersion: "2025-06-18", serverInfo: { name: "workos-mcp" } });
    own.child.stdin.end();
    expect(await own.exited()).toBe(0);
  });
});

describe("dist/cli.js shutdown", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("stops cleanly on %s", async (signal) => {
    const session = new StdioSession(["--emulator"]);
    const init = await session.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "e2e", version: "0" },
    });
    expect(init.result).toMatchObject({ protocolVersion: "2025-06-18", serverInfo: { name: "workos-mcp" } });
    session.child.kill(signal);
    expect(await session.exited()).toBe(0);
  });
});

describe("dist/cli.js start-up errors", () => {
  it("without a key, exits non-zero with one clear message", () => {
    const result = run([]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/WORKOS_API_KEY.*--emulator/);
  });

  it("refuses a key passed as a flag without echoing it", () => {
    const result = run(["--api-key", "sk_live_secret_value"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--api-key is refused.*WORKOS_API_KEY/);
    expect(result.stderr + result.stdout).not.toContain("sk_live_secret_value");
  });

  it("prints its version and help, with the configuration checked and secrets masked", () => {
    expect(run(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = run(["--help"], {
      WORKOS_API_KEY: "sk_live_abcdef123456",
      WORKOS_WEBHOOK_SECRET: "whsec_hidden",
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--read-only/);
    expect(help.stdout).toMatch(/API key: +sk_live_…3456 \(production environment\)/);
    expect(help.stdout).toMatch(/webhook secrets: +1 configured/);
    expect(help.stdout).not.toContain("sk_live_abcdef123456");
    expect(help.stdout).not.toContain("whsec_hidden");
  });

  it("prints the help even when the environment is invalid, then what is wrong, and exits 2", () => {
    for (const args of [["--help"], ["-h"], ["doctor", "--help"]]) {
      const help = run(args, { WORKOS_API_KEY: "sk_live_abcdef123456", WORKOS_MCP_READ_ONLY: "maybe" });
      expect(help.status, args.join(" ")).toBe(2);
      expect(help.stdout).toMatch(/^workos-mcp \d+\.\d+\.\d+: the WorkOS MCP server\n\nUsage:/);
      expect(help.stdout).toMatch(/--read-only/);
      expect(help.stdout).toContain(
        'Current configuration: NOT VALID: WORKOS_MCP_READ_ONLY must be true or false, not "maybe".\n',
      );
      expect(help.stdout + help.stderr).not.toContain("sk_live_abcdef123456");
    }
    // Without --help the mistake alone, as before.
    const serve = run([], { WORKOS_API_KEY: "sk_test_x", WORKOS_MCP_READ_ONLY: "maybe" });
    expect(serve.status).toBe(2);
    expect(serve.stdout).toBe("");
    expect(serve.stderr).toMatch(/WORKOS_MCP_READ_ONLY must be true or false/);
  });

  it("says in one line that --http's port is in use", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const http = spawn(process.execPath, [CLI, "--http", "--emulator", "--port", String(port)], {
        env: { ...cleanEnv, WORKOS_MCP_HTTP_TOKEN: "t".repeat(40) },
      });
      let stderr = "";
      http.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = (await once(http, "exit")) as [number];
      expect(code).toBe(2);
      const lines = stderr.trim().split("\n");
      expect(lines.at(-1)).toBe(
        `workos-mcp: error: 127.0.0.1:${port} is already in use: stop what listens there, or choose another port with --port.`,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it("with --seed, logs the seed file's data, not demo data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "workos-mcp-seed-"));
    const seedFile = join(dir, "team-seed.json");
    writeFileSync(seedFile, JSON.stringify({ organizations: [{ name: "Team Co" }] }));
    const session = new StdioSession(["--emulator", "--seed", seedFile]);
    try {
      await session.request("initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "seed-test", version: "0.0.0" },
      });
      expect(session.stderr).toContain(`with the data of your seed file ${seedFile}, at http://127.0.0.1:`);
      expect(session.stderr).not.toContain("demo data");
    } finally {
      session.child.kill("SIGTERM");
      await once(session.child, "exit");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("doctor checks the configuration with one read and says which environment", async () => {
    const ok = run(["doctor", "--emulator"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/check: +OK: .* answered GET \/organizations/);
    const down = run(["doctor"], {
      WORKOS_API_KEY: "sk_live_abcdef123456",
      WORKOS_API_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(down.status).toBe(1);
    expect(down.stdout).toMatch(/production environment/);
    expect(down.stdout).toMatch(/FAILED: .*ECONNREFUSED/);
    expect(down.stdout + down.stderr).not.toContain("sk_live_abcdef123456");
  });

  it("the emulator subcommand prints one JSON line and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "emulator", "--json", "--port", "0"], { env: cleanEnv });
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once("line", resolve),
    );
    const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
    expect(apiKey).toBe("sk_test_emulator");
    const response = await fetch(`${url}/organizations`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
