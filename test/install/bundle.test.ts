import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** A module hook (node --import) that writes the URL of every module the process loads to $RECORD_LOADS. */
const RECORD_LOADS_HOOK = `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.RECORD_LOADS, url + "\\\\n");
  return next(url, context);
}\`));
`;

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

  // The off-by-default toolsets' tool modules, and the zod schemas they build, would cost every start their
  // compile and run time (issue 16 item 6): they load only when one is on (src/tools/load.ts).
  it("loads, up to its first tools/list, no tool module of an off toolset, and every one when all are on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "workos-mcp-loads-"));
    const hook = join(dir, "record-loads.mjs");
    const record = join(dir, "loads.txt");
    writeFileSync(hook, RECORD_LOADS_HOOK);
    const base = { WORKOS_API_KEY: emulator.apiKey, WORKOS_API_BASE_URL: emulator.url, RECORD_LOADS: record };
    /** The bundle's files a start loads up to its first tools/list, and the tools listed. */
    const start = async (env: Record<string, string>) => {
      writeFileSync(record, "");
      const { client } = await connectStdio({
        command: "node",
        args: ["--import", pathToFileURL(hook).href, CLI],
        env: { ...base, ...env },
      });
      try {
        const listed = (await client.listTools()).tools.map((tool) => tool.name);
        const files = readFileSync(record, "utf8")
          .split("\n")
          .filter((url) => url.startsWith("file:"))
          .map((url) => fileURLToPath(url))
          .filter((file) => file.startsWith(join(ROOT, "dist")));
        return { client, listed, files };
      } catch (error) {
        await client.close();
        throw error;
      }
    };
    // A tool's module is where its definition is: `name:"…"` (minified), not its mere name in a list.
    const defining = (files: string[], name: string) =>
      files.filter((file) => readFileSync(file, "utf8").includes(`name:"${name}"`));
    const names = Object.keys(TOOLSET_OF);
    const isDefault = (name: string) =>
      (DEFAULT_TOOLSETS as readonly string[]).includes(TOOLSET_OF[name as keyof typeof TOOLSET_OF]);
    try {
      const byDefault = await start({});
      try {
        expect(byDefault.listed).toEqual(names.filter(isDefault));
        for (const name of names)
          expect(defining(byDefault.files, name), name).toHaveLength(isDefault(name) ? 1 : 0);
        // A tool not loaded is still refused in words, as a loaded one of an off toolset is.
        const refused = await byDefault.client.callTool({ name: "list_audit_log_actions", arguments: {} });
        expect(JSON.stringify(refused.content)).toContain('its toolset \\"audit_logs\\" is not enabled');
      } finally {
        await byDefault.client.close();
      }

      const everything = await start({ WORKOS_MCP_TOOLSETS: "all" });
      try {
        expect(everything.listed).toEqual(names);
        for (const name of names) expect(defining(everything.files, name), name).toHaveLength(1);
        const called = await everything.client.callTool({ name: "list_audit_log_actions", arguments: {} });
        expect(called.isError, JSON.stringify(called.content)).toBeFalsy();
      } finally {
        await everything.client.close();
      }

      const picked = await start({ WORKOS_MCP_TOOLS: "list_audit_log_actions,get_organization" });
      try {
        expect(picked.listed).toEqual(["get_organization", "list_audit_log_actions"]);
        const called = await picked.client.callTool({ name: "list_audit_log_actions", arguments: {} });
        expect(called.isError, JSON.stringify(called.content)).toBeFalsy();
      } finally {
        await picked.client.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
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
    const loadedAtStart = new Set<string>();
    const visit = (file: string) => {
      if (loadedAtStart.has(file)) return;
      loadedAtStart.add(file);
      // Static imports only (`import{a}from"./x.js"`); `import("./x.js")` is loaded when first called.
      for (const [, target] of readFileSync(file, "utf8").matchAll(
        /\bimport\s*(?:[^"'();]*?from\s*)?"(\.[^"]+)"/g,
      )) {
        visit(resolve(dirname(file), target as string));
      }
    };
    visit(CLI);
    const index = [...loadedAtStart].filter((file) =>
      readFileSync(file, "utf8").includes("OrganizationsController_find"),
    );
    expect(loadedAtStart.size).toBeGreaterThan(1);
    expect(index).toEqual([]);
    // …while the bundle does hold it, in a chunk of its own.
    const chunks = readdirSync(join(ROOT, "dist", "chunks")).map((name) =>
      join(ROOT, "dist", "chunks", name),
    );
    expect(chunks.some((file) => readFileSync(file, "utf8").includes("OrganizationsController_find"))).toBe(
      true,
    );
    const env = {
      WORKOS_API_KEY: emulator.apiKey,
      WORKOS_API_BASE_URL: emulator.url,
      WORKOS_MCP_TOOLSETS: "catalog",
    };
    const { client } = await connectStdio({ command: "node", args: [CLI], env });
    try {
      const result = await client.callTool({
        name: "find_workos_operations",
        arguments: { query: "get organization" },
      });
      expect(JSON.stringify(result.structuredContent)).toContain("OrganizationsController_find");
    } finally {
      await client.close();
    }
  });
});
