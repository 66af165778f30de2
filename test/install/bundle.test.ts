import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { createServer } from "../../src/server.js";
import { registerSecret } from "../support/secret-scan.js";
import { connectStdio, ROOT } from "./support.js";

// The bundled CLI lists JSON Schemas the build made (scripts/bundle.ts), not ones it converts at start: they
// must be exactly what the source makes, for every tool, with and without a pinned organization.

const CLI = join(ROOT, "dist", "cli.js");

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
