import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unpackExtension } from "@anthropic-ai/mcpb";
import { ROOT, shown } from "./paths.js";

export interface BundleEntry {
  label: string;
  script: string;
}

/** The likeliest entry point among the .js/.mjs/.cjs files under bundle/ (an `npm run bundle` output). */
function bundleDirEntry(): BundleEntry | undefined {
  const dir = join(ROOT, "bundle");
  if (!existsSync(dir)) return undefined;
  const rank = (name: string) => (/(^|\/)(cli|index|server)\.[mc]?js$/.test(name) ? 0 : 1);
  const name = (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.[mc]?js$/.test(file) && !file.includes("node_modules") && !file.includes("chunk"))
    .sort((a, b) => rank(a) - rank(b) || a.length - b.length)[0];
  return name === undefined
    ? undefined
    : { label: `bundle (${shown(join(dir, name))})`, script: join(dir, name) };
}

/**
 * Bundled builds present in the tree: bundle/, and each .mcpb at the root (unpacked to a temporary directory and
 * started at its manifest's entry_point, as a host would). `cleanup` removes the unpacked copies.
 */
export async function locateBundles(): Promise<{ entries: BundleEntry[]; cleanup(): Promise<void> }> {
  const entries: BundleEntry[] = [];
  const fromDir = bundleDirEntry();
  if (fromDir !== undefined) entries.push(fromDir);
  const unpacked: string[] = [];
  for (const file of readdirSync(ROOT).filter((name) => name.endsWith(".mcpb"))) {
    const dir = await mkdtemp(join(tmpdir(), "workos-mcp-bench-mcpb-"));
    unpacked.push(dir);
    if (!(await unpackExtension({ mcpbPath: join(ROOT, file), outputDir: dir, silent: true }))) continue;
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {
      server?: { entry_point?: string };
    };
    const entry = manifest.server?.entry_point;
    if (entry === undefined) continue;
    const built = new Date(statSync(join(ROOT, file)).mtimeMs).toISOString().slice(11, 16);
    entries.push({ label: `${file} (bundled ${entry}, packed ${built} UTC)`, script: join(dir, entry) });
  }
  return {
    entries,
    cleanup: async () => {
      await Promise.all(unpacked.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
