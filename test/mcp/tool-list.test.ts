import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokens } from "../support/client-views.js";
import { type Harness, startHarness } from "../support/harness.js";

// What clients send the model on every turn: each tool's name, description and inputSchema (output
// schemas are not sent), and the server instructions, which Claude Code cuts at 2,048 characters.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { WORKOS_WEBHOOK_SECRET: "wh_sec_tool_list_test_9Xq" } });
});
afterAll(() => h.close());

describe("lean definitions", () => {
  it("the default tools/list costs at most 4,000 tokens (o200k)", async () => {
    const { tools } = await h.mcp.listTools();
    const sent = tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
    expect(tokens(JSON.stringify(sent))).toBeLessThanOrEqual(4_000);
  });

  it("--toolsets all costs at most 12,000 tokens (o200k)", async () => {
    const all = await startHarness({ argv: ["--toolsets", "all"] });
    try {
      const { tools } = await all.mcp.listTools();
      const sent = tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
      expect(tokens(JSON.stringify(sent))).toBeLessThanOrEqual(12_000);
    } finally {
      await all.close();
    }
  });

  it("the instructions stay under 2,000 characters, in every mode", async () => {
    expect(h.mcp.getInstructions()?.length).toBeLessThan(2_000);
    const readOnly = await startHarness({ argv: ["--read-only"] });
    const allow = await startHarness({ argv: ["--destructive", "allow"] });
    try {
      for (const other of [readOnly, allow]) expect(other.mcp.getInstructions()?.length).toBeLessThan(2_000);
    } finally {
      await readOnly.close();
      await allow.close();
    }
  });

  it("each description opens with one plain sentence of what the tool does, and stays under 2,048 characters", async () => {
    const { tools } = await h.mcp.listTools();
    for (const { name, description = "" } of tools) {
      const first = description.split(/(?<=\.) /)[0] ?? "";
      expect(first, name).toMatch(/^[A-Z][a-z]+ /);
      expect(first.length, name).toBeLessThanOrEqual(240);
      expect(description.length, name).toBeLessThan(2_048);
    }
  });

  it("the instructions say which toolsets are off and how to turn them on", () => {
    expect(h.mcp.getInstructions()).toContain(
      "More tools exist (toolsets users, roles, events, catalog): the operator turns them on with --toolsets or WORKOS_MCP_TOOLSETS",
    );
  });

  it("the instructions name every tool that finds ids", () => {
    expect(h.mcp.getInstructions()).toContain(
      "Find ids with list_organizations, list_connections, list_directories, list_directory_users, list_directory_groups",
    );
  });
});
