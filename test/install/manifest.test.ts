import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getMcpConfigForManifest, type McpbManifestAny } from "@anthropic-ai/mcpb";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { launchCommand, type UserConfigValue } from "../../src/launch.js";
import { createServer } from "../../src/server.js";
import { connectStdio, ROOT, readManifest } from "./support.js";

const manifest = readManifest();
const MCPB_CLI = join(ROOT, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");

describe("manifest.json", () => {
  it("passes the pinned `mcpb validate`", () => {
    const result = spawnSync(process.execPath, [MCPB_CLI, "validate", join(ROOT, "manifest.json")], {
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(result.stdout + result.stderr).toContain("validation passes");
    expect(result.status).toBe(0);
  });

  it("has a square PNG icon of at least 256 pixels", () => {
    const png = readFileSync(join(ROOT, manifest.icon ?? "missing"));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(256);
  });

  it("has the package's version, license and Node range", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      version: string;
      license: string;
      engines: { node: string };
      bin: Record<string, string>;
    };
    expect(manifest.version).toBe(pkg.version);
    expect(manifest).toMatchObject({
      manifest_version: "0.3",
      license: pkg.license,
      compatibility: { runtimes: { node: pkg.engines.node } },
    });
    expect(manifest.server.entry_point).toBe(pkg.bin["workos-mcp"]);
    expect(manifest.server.mcp_config.args).toEqual([`\${__dirname}/${manifest.server.entry_point}`]);
    expect(manifest.server.mcp_config.args).not.toContain("--emulator");
  });

  it("lists exactly the tools a live server lists, names and descriptions alike", async () => {
    // The manifest's defaults: the default toolsets, writes allowed, deletes confirmed.
    const config = loadConfig({ WORKOS_API_KEY: "sk_test_manifest" }, []);
    const workos = new WorkOSClient({ apiKey: "sk_test_manifest", baseUrl: "http://127.0.0.1:9" });
    const server = createServer(config, { client: workos });
    const client = new Client({ name: "manifest-test", version: "0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(b), client.connect(a)]);
    const { tools } = await client.listTools();
    await client.close();
    await workos.close();
    expect(manifest.tools, "manifest.json is out of date: run npm run manifest").toEqual(
      tools.map(({ name, description }) => ({ name, description })),
    );
  });

  it("maps every setting to an environment variable, and every optional one has a default", () => {
    const settings = manifest.user_config ?? {};
    const used = Object.values(manifest.server.mcp_config.env ?? {}).map(
      (value) => /^\$\{user_config\.(\w+)\}$/.exec(value)?.[1],
    );
    expect(used.toSorted()).toEqual(Object.keys(settings).toSorted());
    // Demo mode needs no key, and MCPB cannot say "required unless": the server checks that instead.
    expect(settings.workos_api_key).toMatchObject({ required: false, sensitive: true });
    expect(settings.demo).toMatchObject({ type: "boolean", default: false });
    expect(manifest.server.mcp_config.env?.WORKOS_MCP_EMULATOR).toBe(`\${user_config.demo}`);
    expect(settings.workos_webhook_secret).toMatchObject({ sensitive: true });
    // Without a default, hosts pass an unset optional setting through as the literal "${user_config.x}".
    for (const [key, setting] of Object.entries(settings)) {
      if (setting.required !== true) expect(setting.default, key).not.toBeUndefined();
    }
  });
});

describe("launchCommand", () => {
  const cases: Record<string, Record<string, UserConfigValue>> = {
    "only the key": { workos_api_key: "sk_test_abc" },
    "demo mode, no key": { demo: true },
    "everything set": {
      demo: false,
      workos_api_key: "sk_live_xyz",
      workos_webhook_secret: "whsec_1,whsec_2",
      read_only: true,
      toolsets: "sso,webhooks",
      api_base_url: "http://127.0.0.1:8787",
    },
    "optional settings left empty": {
      workos_api_key: "sk_test_abc",
      workos_webhook_secret: "",
      read_only: false,
      toolsets: "",
      api_base_url: "",
    },
  };

  it.each(Object.entries(cases))("substitutes like the mcpb reference host: %s", async (_, userConfig) => {
    const dirname = "/opt/bundles/workos-mcp";
    const ours = launchCommand(manifest, { dirname, userConfig, pathSeparator: "/" });
    const reference = await getMcpConfigForManifest({
      manifest: manifest as unknown as McpbManifestAny,
      extensionPath: dirname,
      systemDirs: {},
      userConfig: userConfig as Record<string, string | number | boolean | string[]>,
      pathSeparator: "/",
    });
    expect(reference).toMatchObject(ours);
    expect(ours.args).toEqual(["/opt/bundles/workos-mcp/dist/cli.js"]);
    expect(JSON.stringify(ours)).not.toContain("${");
  });

  it("turns booleans into true/false and a missing optional setting into its default", () => {
    const { env } = launchCommand(manifest, {
      dirname: "/x",
      userConfig: { workos_api_key: "sk_test_abc", read_only: true },
    });
    expect(env).toEqual({
      WORKOS_MCP_EMULATOR: "false",
      WORKOS_API_KEY: "sk_test_abc",
      WORKOS_WEBHOOK_SECRET: "",
      WORKOS_MCP_READ_ONLY: "true",
      WORKOS_MCP_TOOLSETS: "",
      WORKOS_API_BASE_URL: "",
    });
  });

  it("without a key, serves only in Demo mode; otherwise the server refuses in one clear line", async () => {
    const launch = (userConfig: Record<string, UserConfigValue>) =>
      launchCommand(manifest, { dirname: ROOT, userConfig, pathSeparator: "/" });
    const refused = launch({});
    const run = spawnSync(process.execPath, refused.args, {
      env: { PATH: process.env.PATH ?? "", ...refused.env },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/WORKOS_API_KEY is not set.*Demo mode/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);

    const { client } = await connectStdio(launch({ demo: true }));
    try {
      const result = (await client.callTool({ name: "list_organizations", arguments: { limit: 1 } })) as {
        isError?: boolean;
      };
      expect(result.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it("expands a list setting used as a whole argument, one argument per item", () => {
    const listing = {
      ...manifest,
      server: { ...manifest.server, mcp_config: { command: "node", args: ["x.js", `\${user_config.dirs}`] } },
      user_config: { dirs: { type: "directory", title: "Dirs", multiple: true } },
    };
    expect(launchCommand(listing, { dirname: "/x", userConfig: { dirs: ["/a", "/b"] } }).args).toEqual([
      "x.js",
      "/a",
      "/b",
    ]);
  });
});
