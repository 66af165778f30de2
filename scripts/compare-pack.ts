// Compares the two ways to pack the MCP Bundle: esbuild bundle vs tsc build + production node_modules.
// For each: .mcpb size, and cold start (spawn -> initialize -> tools/list answered) over N alternating runs.
// Usage: npx tsx scripts/compare-pack.ts [runs]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unpackExtension } from "@anthropic-ai/mcpb";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type BundleManifest, launchCommand } from "../src/launch.js";
import { type PackMode, pack } from "./pack.js";

const runs = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), "workos-mcp-compare-"));
const modes: PackMode[] = ["bundle", "modules"];

async function coldStart(dir: string): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as BundleManifest;
  const launch = launchCommand(manifest, {
    dirname: dir,
    // No request reaches WorkOS during initialize and tools/list; the URL is never dialled.
    userConfig: { workos_api_key: "sk_test_compare", api_base_url: "http://127.0.0.1:9" },
  });
  const started = performance.now();
  const client = new Client({ name: "compare", version: "0" });
  const transport = new StdioClientTransport({
    command: launch.command === "node" ? process.execPath : launch.command,
    args: launch.args,
    env: { PATH: process.env.PATH ?? "", ...launch.env },
    stderr: "ignore",
  });
  await client.connect(transport);
  await client.listTools();
  const elapsed = performance.now() - started;
  await client.close();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

try {
  const dirs = new Map<PackMode, string>();
  const sizes = new Map<PackMode, number>();
  for (const mode of modes) {
    const { file, bytes } = await pack({ mode, out: join(work, `${mode}.mcpb`) });
    const dir = join(work, mode);
    await unpackExtension({ mcpbPath: file, outputDir: dir, silent: true });
    dirs.set(mode, dir);
    sizes.set(mode, bytes);
  }
  const times = new Map<PackMode, number[]>(modes.map((mode) => [mode, []]));
  for (const mode of modes) await coldStart(dirs.get(mode) as string); // warm the file cache once each
  for (let i = 0; i < runs; i++) {
    for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
      times.get(mode)?.push(await coldStart(dirs.get(mode) as string));
    }
  }
  for (const mode of modes) {
    const kib = ((sizes.get(mode) ?? 0) / 1024).toFixed(0);
    const ms = median(times.get(mode) ?? []).toFixed(0);
    console.log(
      `${mode.padEnd(8)} .mcpb ${kib.padStart(5)} KiB   cold start median ${ms} ms over ${runs} runs`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
