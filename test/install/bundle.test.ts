import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { DEFAULT_TOOLSETS, loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { createServer } from "../../src/server.js";
import { TOOLSET_OF } from "../../src/tools/names.js";
import { registerSecret } from "../support/secret-scan.js";
import { connectStdio, ROOT } from "./support.js";

// The bundled CLI lists JSON Schemas the build made (scripts/bundle.ts), not ones it converts at start: they
// must be exactly what the source makes, for every tool, with and without a pinned organization.

const CLI = join(ROOT, "dist", "cli.js");

/**
 * A module hook (node --import) that writes the URL of every module the process loads to $RECORD_LOADS, and a
 * line "LISTED" when the process writes its first tools/list answer: what loaded before it is what the start
 * loaded, however late the test reads the file (listed tools go on loading in the background).
 */
const RECORD_LOADS_HOOK = `import { register } from "node:module";
import { appendFileSync } from "node:fs";
register("data:text/javascript," + encodeURIComponent(\`
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.RECORD_LOADS, url + "\\\\n");
  return next(url, context);
}\`));
const write = process.stdout.write.bind(process.stdout);
let listed = false;
process.stdout.write = (chunk, ...rest) => {
  if (!listed && String(chunk).includes('"tools":[')) {
    listed = true;
    appendFileSync(process.env.RECORD_LOADS, "LISTED\\n");
  }
  return write(chunk, ...rest);
};
`;

/**
 * The bundled CLI started with RECORD_LOADS_HOOK: the tools it listed, the bundle's files it loaded up to then
 * (`files`), and those it has loaded so far (`loaded()`).
 */
async function startRecordingLoads(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "workos-mcp-loads-"));
  const hook = join(dir, "record-loads.mjs");
  const record = join(dir, "loads.txt");
  writeFileSync(hook, RECORD_LOADS_HOOK);
  writeFileSync(record, "");
  const bundleFiles = (lines: string[]) =>
    lines
      .filter((url) => url.startsWith("file:"))
      .map((url) => fileURLToPath(url))
      .filter((file) => file.startsWith(join(ROOT, "dist")));
  const lines = () => readFileSync(record, "utf8").split("\n");
  const loaded = () => bundleFiles(lines());
  const { client } = await connectStdio({
    command: "node",
    args: ["--import", pathToFileURL(hook).href, CLI],
    env: { ...env, RECORD_LOADS: record },
  });
  const close = async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const listed = (await client.listTools()).tools.map((tool) => tool.name);
    const all = lines();
    expect(all).toContain("LISTED");
    return { client, listed, files: bundleFiles(all.slice(0, all.indexOf("LISTED"))), loaded, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** tools/list as the source answers it, in process, for the same settings. */
async function listedBySource(env: Record<string, string>, baseUrl: string): Promise<Tool[]> {
  const workos = new WorkOSClient({ apiKey: env.WORKOS_API_KEY as string, baseUrl });
  const server = createServer({ ...loadConfig(env, []), baseUrl }, { client: workos });
  const mcp = new Client({ name: "bundle-test", version: "0" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), mcp.connect(b)]);
  try {
    return (await mcp.listTools()).tools;
  } finally {
    await mcp.close();
    await workos.close();
  }
}

describe("the bundled CLI (dist/cli.js)", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    expect(existsSync(CLI), "run `npm run build` first").toBe(true);
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
  });
  afterAll(() => emulator.close());

  it.each([
    ["every tool", {}],
    ["pinned to one organization", { WORKOS_MCP_ORGANIZATION_ID: DEMO_IDS.organizations.acme }],
  ])("lists exactly the tools and schemas the source makes: %s", async (_, settings) => {
    const env = {
      WORKOS_API_KEY: emulator.apiKey,
      WORKOS_API_BASE_URL: emulator.url,
      WORKOS_MCP_TOOLSETS: "all",
      ...settings,
    };
    const { client } = await connectStdio({ command: "node", args: [CLI], env });
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(30);
      expect(tools).toEqual(await listedBySource(env, emulator.url));
    } finally {
      await client.close();
    }
  });

  // Tool modules, and the zod schemas they build, cost a start their compile and run time (issue 16 item 6): the
  // bundled CLI starts and lists from the tools' cards (src/tools/card.ts), and a tool's module loads with the
  // first call of a tool of its chunk (the default toolsets', or the others'), or in the background shortly after
  // the tools are listed, whichever comes first.
  it("loads no tool module up to its first tools/list, whatever the toolsets; a call loads its toolsets' chunk", async () => {
    const base = { WORKOS_API_KEY: emulator.apiKey, WORKOS_API_BASE_URL: emulator.url };
    const start = (env: Record<string, string>) => startRecordingLoads({ ...base, ...env });
    // A tool's module is where its definition is: `name:"…"` (minified), not its mere name in a list or a card.
    const defining = (files: string[], name: string) =>
      files.filter((file) => readFileSync(file, "utf8").includes(`name:"${name}"`));
    const names = Object.keys(TOOLSET_OF);
    const isDefault = (name: string) =>
      (DEFAULT_TOOLSETS as readonly string[]).includes(TOOLSET_OF[name as keyof typeof TOOLSET_OF]);
    const isUndici = (file: string) => /^undici-\w+\.js$/.test(basename(file));
    const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      return result;
    };
    const byDefault = await start({});
    try {
      expect(byDefault.listed).toEqual(names.filter(isDefault));
      for (const name of names) expect(defining(byDefault.files, name), name).toEqual([]);
      expect(byDefault.files.filter(isUndici)).toEqual([]);
      // Soon after the listing, with no call, the listed tools' modules and undici load in the background.
      await vi.waitFor(
        () => {
          expect(byDefault.loaded().filter(isUndici)).toHaveLength(1);
          for (const name of names)
            expect(defining(byDefault.loaded(), name), name).toHaveLength(isDefault(name) ? 1 : 0);
        },
        { timeout: 10_000, interval: 50 },
      );
      // A tool of an off toolset is refused in words, and loads nothing.
      const refused = await byDefault.client.callTool({ name: "list_audit_log_actions", arguments: {} });
      expect(JSON.stringify(refused.content)).toContain('its toolset \\"audit_logs\\" is not enabled');
      // After a call, the default toolsets' chunk is loaded, and only it.
      await call(byDefault.client, "get_organization", { organization_id: DEMO_IDS.organizations.acme });
      for (const name of names)
        expect(defining(byDefault.loaded(), name), name).toHaveLength(isDefault(name) ? 1 : 0);
    } finally {
      await byDefault.close();
    }

    const everything = await start({ WORKOS_MCP_TOOLSETS: "all" });
    try {
      expect(everything.listed).toEqual(names);
      for (const name of names) expect(defining(everything.files, name), name).toEqual([]);
      await call(everything.client, "list_audit_log_actions");
      for (const name of names.filter((name) => !isDefault(name)))
        expect(defining(everything.loaded(), name), name).toHaveLength(1);
      // Listed tools load in the background soon after the listing: no call of a default tool is needed.
      await vi.waitFor(
        () => {
          for (const name of names) expect(defining(everything.loaded(), name), name).toHaveLength(1);
        },
        { timeout: 10_000, interval: 50 },
      );
      await call(everything.client, "list_organizations");
    } finally {
      await everything.close();
    }

    const picked = await start({ WORKOS_MCP_TOOLS: "list_audit_log_actions,get_organization" });
    try {
      expect(picked.listed).toEqual(["get_organization", "list_audit_log_actions"]);
      await call(picked.client, "list_audit_log_actions");
    } finally {
      await picked.close();
    }
  });

  it("stops start-up on a --tools name that is no tool, with suggestions from every toolset", async () => {
    const failed = await promisify(execFile)(process.execPath, [CLI, "--tools", "list_audit_log_action"], {
      env: {
        PATH: process.env.PATH ?? "",
        WORKOS_API_KEY: emulator.apiKey,
        WORKOS_API_BASE_URL: emulator.url,
      },
    }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/"list_audit_log_action" \(did you mean list_audit_log_actions/);
  });

  // The catalog's index of the spec (100 KB) is for the first catalog call, not for every start.
  it("loads the catalog's index only on the first catalog call, which then works", async () => {
    // The index's first operation: no tool description names it.
    const holdsIndex = (file: string) =>
      readFileSync(file, "utf8").includes("AgentAdminController_linkClaimAttemptToExternalUser");
    // The bundle holds it (the emulator's chunk holds the operation ids too, for its own routes)…
    const chunks = readdirSync(join(ROOT, "dist", "chunks")).map((name) =>
      join(ROOT, "dist", "chunks", name),
    );
    expect(chunks.filter(holdsIndex).length).toBeGreaterThan(0);
    // …which neither a start nor the catalog's tools loading loads.
    const server = await startRecordingLoads({
      WORKOS_API_KEY: emulator.apiKey,
      WORKOS_API_BASE_URL: emulator.url,
      WORKOS_MCP_TOOLSETS: "catalog",
    });
    try {
      expect(server.listed).toContain("find_workos_operations");
      expect(server.files.length).toBeGreaterThan(1);
      expect(server.files.filter(holdsIndex)).toEqual([]);
      const result = await server.client.callTool({
        name: "find_workos_operations",
        arguments: { query: "get organization" },
      });
      expect(JSON.stringify(result.structuredContent)).toContain("OrganizationsController_find");
      expect(server.loaded().filter(holdsIndex)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
