import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { launchCommand } from "../../src/launch.js";
import { registerSecret } from "../support/secret-scan.js";
import { dataOf } from "../support/view.js";
import { connectStdio, ROOT, readManifest } from "./support.js";

const manifest = readManifest();

describe("the server launched from manifest.json, as a host launches it", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, manifest.server.entry_point)), "run `npm run build` first").toBe(true);
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
  });
  afterAll(() => emulator.close());

  it("starts with the key and base URL from user_config, lists every tool and answers a call", async () => {
    const launch = launchCommand(manifest, {
      dirname: ROOT,
      userConfig: { workos_api_key: emulator.apiKey, api_base_url: emulator.url },
    });
    const { client, stderr } = await connectStdio(launch);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(manifest.tools.map((tool) => tool.name));
      const result = (await client.callTool({
        name: "get_organization",
        arguments: { organization_id: DEMO_IDS.organizations.acme },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(dataOf(result)).toMatchObject({ id: DEMO_IDS.organizations.acme, name: "Acme Inc" });
      expect(stderr()).not.toContain(emulator.apiKey);
    } finally {
      await client.close();
    }
  });

  it("treats optional settings left empty as unset, and read_only as a boolean", async () => {
    const launch = launchCommand(manifest, {
      dirname: ROOT,
      userConfig: {
        workos_api_key: emulator.apiKey,
        api_base_url: emulator.url,
        workos_webhook_secret: "",
        toolsets: "",
        read_only: true,
      },
    });
    expect(launch.env).toMatchObject({ WORKOS_MCP_TOOLSETS: "", WORKOS_MCP_READ_ONLY: "true" });
    const { client } = await connectStdio(launch);
    try {
      const { tools } = await client.listTools();
      // Every toolset (toolsets ""), but only the tools that read.
      expect(tools.length).toBeGreaterThan(5);
      expect(
        tools.filter((tool) => tool.annotations?.readOnlyHint !== true).map((tool) => tool.name),
      ).toEqual([]);
      expect(tools.map((tool) => tool.name)).toContain("validate_webhook");
      expect(tools.map((tool) => tool.name)).not.toContain("create_organization");
    } finally {
      await client.close();
    }
  });
});

describe("settings as MCP Bundle hosts pass them", () => {
  it("an empty string or an unsubstituted placeholder counts as unset", () => {
    for (const blank of ["", `\${user_config.toolsets}`]) {
      const config = loadConfig(
        {
          WORKOS_API_KEY: "sk_test_abc",
          WORKOS_WEBHOOK_SECRET: blank.replace("toolsets", "workos_webhook_secret"),
          WORKOS_MCP_TOOLSETS: blank,
          WORKOS_MCP_READ_ONLY: blank.replace("toolsets", "read_only"),
          WORKOS_API_BASE_URL: blank.replace("toolsets", "api_base_url"),
        },
        [],
      );
      expect(config).toMatchObject({
        webhookSecrets: [],
        readOnly: false,
        baseUrl: "https://api.workos.com",
      });
      expect(config.toolsets.size).toBe(5);
    }
    expect(() => loadConfig({ WORKOS_API_KEY: `\${user_config.workos_api_key}` }, [])).toThrow(
      /WORKOS_API_KEY/,
    );
    expect(loadConfig({ WORKOS_API_KEY: "k", WORKOS_MCP_READ_ONLY: "false" }, []).readOnly).toBe(false);
    expect(loadConfig({ WORKOS_API_KEY: "k", WORKOS_MCP_READ_ONLY: "true" }, []).readOnly).toBe(true);
  });
});
