// npm run pack: builds the MCP Bundle (.mcpb) from production code only.
// The server is bundled by esbuild into dist/ inside a staging directory (emulator split into lazy chunks), so
// the bundle holds manifest.json, its icon, a minimal package.json and the bundled JavaScript: no src/, test/, bench/
// or node_modules. `--mode modules` instead stages the tsc build with the production node_modules, for
// comparison (see scripts/compare-pack.ts).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packExtension } from "@anthropic-ai/mcpb";
import { bundleServer } from "./bundle.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");

export type PackMode = "bundle" | "modules";

export interface PackResult {
  file: string;
  bytes: number;
}

/** Builds the .mcpb at `out` and returns its path and size. */
export async function pack(options: { out?: string; mode?: PackMode } = {}): Promise<PackResult> {
  const mode = options.mode ?? "bundle";
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license: string;
    dependencies: Record<string, string>;
  };
  const out = resolve(options.out ?? join(ROOT, `${pkg.name}-${pkg.version}.mcpb`));
  const stage = mkdtempSync(join(tmpdir(), "workos-mcp-stage-"));
  try {
    cpSync(join(ROOT, "manifest.json"), join(stage, "manifest.json"));
    cpSync(join(ROOT, "LICENSE"), join(stage, "LICENSE"));
    // manifest.json names it as "icon"; mcpb refuses a bundle whose icon file is missing.
    cpSync(join(ROOT, "icon.png"), join(stage, "icon.png"));
    writeFileSync(
      join(stage, "package.json"),
      `${JSON.stringify(
        {
          name: pkg.name,
          version: pkg.version,
          license: pkg.license,
          type: "module",
          private: true,
          ...(mode === "modules" ? { dependencies: pkg.dependencies } : {}),
        },
        null,
        2,
      )}\n`,
    );
    if (mode === "bundle") {
      await bundleServer(join(stage, "dist"), {
        version: pkg.version,
        licensesFile: join(stage, "THIRD_PARTY_LICENSES.txt"),
      });
    } else stageModules(stage);
    const ok = await packExtension({ extensionPath: stage, outputPath: out, silent: true });
    if (!ok) throw new Error("mcpb pack failed (run `npx mcpb validate manifest.json`)");
    return { file: out, bytes: statSync(out).size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The tsc build (no maps or declarations) and the production dependency tree as npm installed it. */
function stageModules(stage: string): void {
  cpSync(join(ROOT, "dist"), join(stage, "dist"), {
    recursive: true,
    filter: (path) => !/\.(d\.ts|map)$/.test(path),
  });
  const paths = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter((path) => path !== "" && resolve(path) !== ROOT);
  for (const path of paths) {
    const target = join(stage, relative(ROOT, path));
    mkdirSync(target, { recursive: true });
    cpSync(path, target, { recursive: true, filter: (source) => !source.includes(`${path}/node_modules`) });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const modeIndex = process.argv.indexOf("--mode");
  const mode = (modeIndex === -1 ? "bundle" : process.argv[modeIndex + 1]) as PackMode;
  const result = await pack({ mode });
  process.stderr.write(
    `${relative(process.cwd(), result.file)}: ${(result.bytes / 1024).toFixed(0)} KiB (${mode})\n`,
  );
}
