import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { type Config, loadConfig, TOOLSETS, type Toolset } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { instructionsFor } from "../../src/mcp/instructions.js";
import { pinnedParam } from "../../src/mcp/pin.js";
import { createPipeline } from "../../src/mcp/pipeline.js";
import { lazyTool, loadBody, type ToolCard, toolCard } from "../../src/tools/card.js";
import type { AnyTool } from "../../src/tools/define.js";
import { tools } from "../../src/tools/index.js";
import { toolsFromCards } from "../../src/tools/load.js";
import { registerSecret } from "../support/secret-scan.js";

// The bundled CLI serves tools made from their cards (src/tools/card.ts), whose modules load on the first call:
// until then, everything the server does with them must be what it does with the tools themselves.

/** The cards as the build writes them: through JSON. */
const cards = JSON.parse(JSON.stringify(tools.map(toolCard))) as ToolCard[];

const bySet = (list: readonly AnyTool[]): Partial<Record<Toolset, AnyTool[]>> =>
  Object.fromEntries(TOOLSETS.map((set) => [set, list.filter((tool) => tool.toolset === set)]));

/** Tools from the cards, whose bodies come from the source's tools; `loads` counts each tool's loads. */
function lazyTools(failFirst = false) {
  const loads = new Map<string, number>();
  let failing = failFirst;
  const made = toolsFromCards(cards, new Set(TOOLSETS), () => async () => {
    if (failing) {
      failing = false;
      throw new Error("chunk missing");
    }
    return bySet(tools);
  });
  // Counted per tool: lazyTool asks for its body once, however many calls wait for it.
  const counted = cards.map((card) =>
    lazyTool(card, async () => {
      loads.set(card.name, (loads.get(card.name) ?? 0) + 1);
      return tools.find(({ name }) => name === card.name) as AnyTool;
    }),
  );
  return { made, counted, loads };
}

describe("tools made from their cards", () => {
  let emulator: RunningEmulator;
  let client: WorkOSClient;
  const configFor = (env: Record<string, string> = {}): Config => ({
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_TOOLSETS: "all", ...env }, []),
    baseUrl: emulator.url,
  });
  const extra = () => ({ signal: new AbortController().signal, progress: () => {} });

  beforeAll(async () => {
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
    client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  });
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  it("come in the same order, and are chosen, pinned and described in the instructions as the tools are", () => {
    const { made } = lazyTools();
    expect(made.map(({ name }) => name)).toEqual(tools.map(({ name }) => name));
    const settings: Record<string, string>[] = [
      {},
      { WORKOS_MCP_ORGANIZATION_ID: DEMO_IDS.organizations.acme },
      { WORKOS_MCP_READ_ONLY: "true" },
      { WORKOS_MCP_DESTRUCTIVE: "block" },
      { WORKOS_MCP_TOOLSETS: "organizations,users" },
    ];
    for (const env of settings) {
      const config = configFor(env);
      const eager = createPipeline(config, { client, tools });
      const lazy = createPipeline(config, { client, tools: made });
      expect(
        lazy.enabled.map(({ name }) => name),
        JSON.stringify(env),
      ).toEqual(eager.enabled.map(({ name }) => name));
      expect(instructionsFor(config, lazy.enabled, lazy.environment)).toBe(
        instructionsFor(config, eager.enabled, eager.environment),
      );
    }
    for (const [i, tool] of made.entries()) {
      const source = tools[i] as AnyTool;
      expect(pinnedParam(tool)).toBe(pinnedParam(source));
      expect(tool.target === undefined).toBe(source.target === undefined);
      for (const key of [
        "title",
        "description",
        "toolset",
        "annotations",
        "finds",
        "resource",
        "instruction",
      ] as const)
        expect(tool[key], `${tool.name}.${key}`).toEqual(source[key]);
    }
    // Nothing above loaded a module: every body is still out of reach.
    expect(loadBody(made[0] as AnyTool)).toBeInstanceOf(Promise);
  });

  it("refuse to hand out their schemas or handler before their module has loaded", async () => {
    const [tool] = lazyTools().made as [AnyTool];
    expect(() => tool.input).toThrow(`${tool.name}: its module has not loaded yet`);
    expect(() => tool.output).toThrow(/has not loaded/);
    await loadBody(tool);
    expect(tool.input).toBe((tools[0] as AnyTool).input);
    expect(loadBody(tool)).toBeUndefined();
  });

  it.each([
    ["a list", "list_organizations", {}, {}],
    ["a get", "get_organization", { organization_id: DEMO_IDS.organizations.acme }, {}],
    ["a 404 with its hint", "get_organization", { organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, {}],
    ["an invalid argument", "list_directory_users", { directory: "nope" }, {}],
    [
      "an unknown argument",
      "get_connection",
      { connection_id: DEMO_IDS.connections.acmeAzureSaml, x: 1 },
      {},
    ],
    ["an optional toolset's tool", "list_roles", {}, {}],
    [
      "a delete stopped to be confirmed",
      "delete_organization",
      { organization_id: DEMO_IDS.organizations.umbrella },
      {},
    ],
    [
      "a pinned server's refusal of another organization's object",
      "get_connection",
      { connection_id: DEMO_IDS.connections.globexGoogleSaml },
      { WORKOS_MCP_ORGANIZATION_ID: DEMO_IDS.organizations.acme },
    ],
  ])("answer %s exactly as the tools do", async (_, name, args, env) => {
    const config = configFor(env);
    // One clock for both: a confirmation token says when it was made.
    const now = () => Date.parse("2026-12-08T12:00:00Z");
    const eager = await createPipeline(config, { client, tools, now }).callTool(name, args, extra());
    const made = lazyTools().made;
    const lazy = await createPipeline(config, { client, tools: made, now }).callTool(name, args, extra());
    // Alike but for what differs between any two calls: a fence's random tag, WorkOS's request id.
    const alike = (result: unknown) =>
      JSON.stringify(result)
        .replaceAll(/workos-data-[0-9a-f]+/g, "workos-data-…")
        .replaceAll(/req_[0-9A-Z]{26}/g, "req_…");
    expect(alike(lazy)).toBe(alike(eager));
    expect(JSON.stringify(lazy)).not.toContain("has not loaded");
  });

  it("load each tool's module once, however many calls wait for it", async () => {
    const { counted, loads } = lazyTools();
    const pipeline = createPipeline(configFor(), { client, tools: counted });
    const calls = Array.from({ length: 5 }, () => pipeline.callTool("list_organizations", {}, extra()));
    for (const result of await Promise.all(calls)) expect(result).not.toHaveProperty("isError");
    await pipeline.callTool("list_organizations", { limit: 1 }, extra());
    expect([...loads]).toEqual([["list_organizations", 1]]);
  });

  it("answer a module that did not load with an isError result that sends nothing, and load it on the next call", async () => {
    const pipeline = createPipeline(configFor(), { client, tools: lazyTools(true).made });
    const failed = await pipeline.callTool("list_organizations", {}, extra());
    expect(failed).toMatchObject({ isError: true });
    expect(JSON.stringify(failed)).toContain("list_organizations could not be loaded");
    expect(JSON.stringify(failed)).toContain("nothing was sent to WorkOS");
    const retried = await pipeline.callTool("list_organizations", {}, extra());
    expect(retried).not.toHaveProperty("isError");
  });
});
