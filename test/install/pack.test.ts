import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { unpackExtension } from "@anthropic-ai/mcpb";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pack } from "../../scripts/pack.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { launchCommand } from "../../src/launch.js";
import { registerSecret } from "../support/secret-scan.js";
import { dataOf } from "../support/view.js";
import { connectStdio, ROOT, readManifest } from "./support.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => relative(dir, join(dir, path)).replaceAll("\\", "/"))
    .sort();
}

describe("npm run pack: the .mcpb", () => {
  let work: string;
  let unpacked: string;
  let bytes: number;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "workos-mcp-pack-"));
    const packed = await pack({ out: join(work, "workos-mcp.mcpb") });
    bytes = packed.bytes;
    unpacked = join(work, "unpacked");
    expect(await unpackExtension({ mcpbPath: packed.file, outputDir: unpacked, silent: true })).toBe(true);
    emulator = await startEmulator();
    registerSecret(emulator.apiKey);
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("holds the manifest and the bundled server only: no sources, tests, benchmarks or node_modules", () => {
    const files = filesUnder(unpacked);
    expect(files).toContain("manifest.json");
    expect(files).toContain("dist/cli.js");
    expect(files).toContain(readManifest().icon);
    const unexpected = files.filter(
      (file) =>
        !/^(manifest\.json|icon\.png|package\.json|LICENSE|THIRD_PARTY_LICENSES\.txt|dist\/.+\.js|dist\/.+\.LEGAL\.txt)$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
    expect(readManifest(unpacked)).toEqual(readManifest());
    const licenses = readFileSync(join(unpacked, "THIRD_PARTY_LICENSES.txt"), "utf8");
    for (const name of [
      "@modelcontextprotocol/server",
      "@modelcontextprotocol/core",
      "gpt-tokenizer",
      "undici",
      "zod",
    ]) {
      expect(licenses).toContain(`${name} `);
    }
    // About 1.5 MiB, of which o200k's table (loaded only to count a large result's tokens) is 0.6 MiB; the tsc
    // build with production node_modules is many times that.
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("starts when launched as a host would, from its own manifest, and answers calls", async () => {
    const launch = launchCommand(readManifest(unpacked), {
      dirname: unpacked,
      userConfig: { workos_api_key: emulator.apiKey, api_base_url: emulator.url, workos_webhook_secret: "" },
    });
    expect(launch.args).toEqual([join(unpacked, "dist", "cli.js").replaceAll("\\", "/")]);
    const { client, stderr } = await connectStdio(launch);
    try {
      expect(client.getServerVersion()).toMatchObject({
        name: "workos-mcp",
        version: readManifest().version,
      });
      const { tools } = await client.listTools();
      expect(tools.map(({ name, description }) => ({ name, description }))).toEqual(readManifest().tools);
      const result = (await client.callTool({
        name: "get_organization",
        arguments: { organization_id: DEMO_IDS.organizations.umbrella },
      })) as CallToolResult;
      expect(dataOf(result)).toMatchObject({ id: DEMO_IDS.organizations.umbrella });
      expect(stderr()).not.toContain(emulator.apiKey);
    } finally {
      await client.close();
    }
  });

  it("keeps the lazily loaded parts reachable: --emulator, doctor and --version run from the bundle", async () => {
    const cli = join(unpacked, "dist", "cli.js");
    const { client } = await connectStdio({ command: "node", args: [cli, "--emulator"], env: {} });
    try {
      const result = (await client.callTool({
        name: "list_organizations",
        arguments: { limit: 1 },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const env = { PATH: process.env.PATH ?? "" };
    const doctor = spawnSync(process.execPath, [cli, "doctor", "--emulator"], { env, encoding: "utf8" });
    expect(doctor.stdout).toMatch(/check: +OK/);
    const version = spawnSync(process.execPath, [cli, "--version"], { env, encoding: "utf8" });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });
});
