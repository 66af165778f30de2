import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const CLI = join(ROOT, "dist", "cli.js");
export const REFERENCE = join(ROOT, "bench", "reference");

/** Path relative to the repository, for tables and messages. */
export function shown(path: string): string {
  return relative(ROOT, path);
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a file in src/. */
export function buildIsStale(): boolean {
  return !existsSync(CLI) || newestIn(join(ROOT, "src")) > statSync(CLI).mtimeMs;
}
