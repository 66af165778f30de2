import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { DEFAULT_TOOLSETS, loadConfig, TOOLSETS, type Toolset } from "../../src/config.js";
import { createServer } from "../../src/server.js";
import type { AnyTool } from "../../src/tools/define.js";
import { tools } from "../../src/tools/index.js";
import { loadTools, toolsetsUsed } from "../../src/tools/load.js";
import { TOOLSET_OF } from "../../src/tools/names.js";

// One JSON file per tool, as github-mcp-server's __toolsnaps__: a schema change shows up in review.
// UPDATE_TOOLSNAPS=1 rewrites them; otherwise, everywhere, a missing, different or stale snapshot fails.
const SNAPSHOTS = join(import.meta.dirname, "__toolsnaps__");
const UPDATE = process.env.UPDATE_TOOLSNAPS === "1";

let listed: Tool[];
const workos = new WorkOSClient({ apiKey: "sk_test_unused", baseUrl: "http://127.0.0.1:9" });

beforeAll(async () => {
  const server = createServer(
    loadConfig({ WORKOS_API_KEY: "sk_test_unused", WORKOS_MCP_TOOLSETS: "all" }, []),
    {
      client: workos,
    },
  );
  const mcp = new Client({ name: "registry-test", version: "0.0.0" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), mcp.connect(b)]);
  listed = (await mcp.listTools()).tools;
  await mcp.close();
});
afterAll(() => workos.close());

describe("tool registry", () => {
  it("lists every tool once, with unique snake_case names", () => {
    const names = listed.map((tool) => tool.name);
    expect(names).toEqual(tools.map((tool) => tool.name));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
  });

  it.each(tools.map((tool) => [tool.name, tool] as const))("%s is fully described", (_name, tool) => {
    expect(tool.title.length).toBeGreaterThan(3);
    expect(tool.description.length).toBeGreaterThan(60);
    expect(tool.description.length).toBeLessThan(400);
    const hints = tool.annotations;
    for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
      expect(typeof hints[hint], hint).toBe("boolean");
    }
    if (hints.readOnlyHint) expect(hints.destructiveHint).toBe(false);
    // Every input field documents itself for the model, as the client sees it.
    const properties = listed.find((candidate) => candidate.name === tool.name)?.inputSchema.properties ?? {};
    expect(Object.keys(properties)).toEqual(Object.keys(tool.input.shape));
    for (const [field, schema] of Object.entries(properties)) {
      expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
    }
  });

  it.each(tools.map((tool) => [tool.name] as const))("%s matches its schema snapshot", (name) => {
    const tool = listed.find((candidate) => candidate.name === name);
    const actual = `${JSON.stringify(tool, null, 2)}\n`;
    const file = join(SNAPSHOTS, `${name}.json`);
    if (UPDATE) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `missing snapshot ${file}; run UPDATE_TOOLSNAPS=1 npm test`).toBe(true);
    expect(actual, `${name} changed; review it, then run UPDATE_TOOLSNAPS=1 npm test`).toBe(
      readFileSync(file, "utf8"),
    );
  });

  it("keeps no snapshot of a tool that is gone", () => {
    const names = new Set(listed.map((tool) => `${tool.name}.json`));
    const stale = readdirSync(SNAPSHOTS).filter((file) => !names.has(file));
    if (UPDATE) for (const file of stale) rmSync(join(SNAPSHOTS, file));
    else expect(stale, "stale snapshots; run UPDATE_TOOLSNAPS=1 npm test").toEqual([]);
  });

  it("has no top-level anyOf/oneOf in input schemas (some clients reject them)", () => {
    for (const tool of listed) {
      expect(tool.inputSchema.type).toBe("object");
      expect(Object.keys(tool.inputSchema)).not.toContain("anyOf");
      expect(Object.keys(tool.inputSchema)).not.toContain("oneOf");
    }
  });
});

// The CLI loads only the tool modules of the toolsets it uses (src/tools/load.ts), and knows the rest by name.
describe("the tools the CLI loads", () => {
  const ofToolsets = (toolsets: readonly Toolset[]) =>
    tools.filter((tool) => toolsets.includes(tool.toolset));
  const expectSame = (loaded: readonly AnyTool[], expected: readonly AnyTool[]) => {
    expect(loaded.map((tool) => tool.name)).toEqual(expected.map((tool) => tool.name));
    for (const [i, tool] of loaded.entries()) expect(tool).toBe(expected[i]);
  };

  it("names every tool with its toolset, in the order clients list them", () => {
    expect(Object.entries(TOOLSET_OF)).toEqual(tools.map((tool) => [tool.name, tool.toolset]));
  });

  it("loads exactly the tools of the toolsets asked for, in the listed order", async () => {
    expectSame(await loadTools(new Set(TOOLSETS)), tools);
    expectSame(await loadTools(new Set(DEFAULT_TOOLSETS)), ofToolsets(DEFAULT_TOOLSETS));
    for (const toolset of TOOLSETS) expectSame(await loadTools(new Set([toolset])), ofToolsets([toolset]));
  });

  it("uses the enabled toolsets, or with --tools those of the tools named", () => {
    const KEY = { WORKOS_API_KEY: "sk_test_x" };
    expect([...toolsetsUsed(loadConfig(KEY, []))]).toEqual([...DEFAULT_TOOLSETS]);
    expect([...toolsetsUsed(loadConfig(KEY, ["--toolsets", "all"]))]).toEqual([...TOOLSETS]);
    const named = loadConfig(KEY, ["--tools", "list_audit_log_actions,get_organization,list_organizations"]);
    expect([...toolsetsUsed(named)]).toEqual(["audit_logs", "organizations"]);
  });
});
