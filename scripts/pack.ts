// npm run pack: builds the MCP Bundle (.mcpb) from production code only.
// The server is bundled by esbuild into dist/ inside a staging directory (emulator split into lazy chunks), so
// the bundle holds manifest.json, a minimal package.json and the bundled JavaScript: no src/, test/, bench/
// or node_modules. `--mode modules` instead stages the tsc build with the production node_modules, for
// comparison (see scripts/compare-pack.ts).
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packExtension } from "@anthropic-ai/mcpb";
import { build, type Plugin } from "esbuild";

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
    if (mode === "bundle") await bundleServer(join(stage, "dist"), pkg.version);
    else stageModules(stage);
    const ok = await packExtension({ extensionPath: stage, outputPath: out, silent: true });
    if (!ok) throw new Error("mcpb pack failed (run `npx mcpb validate manifest.json`)");
    return { file: out, bytes: statSync(out).size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** One ESM entry (dist/cli.js) plus lazily loaded chunks for the parts most runs never touch (emulator). */
async function bundleServer(outdir: string, version: string): Promise<void> {
  const { metafile } = await build({
    metafile: true,
    entryPoints: { cli: join(ROOT, "src", "cli.ts") },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    legalComments: "linked",
    chunkNames: "chunks/[name]-[hash]",
    // CommonJS dependencies (undici, ajv) call require() for Node built-ins; ESM output needs one.
    banner: {
      js: 'import { createRequire as __workosMcpCreateRequire } from "node:module"; const require = __workosMcpCreateRequire(import.meta.url);',
    },
    plugins: [inlineVersion(version), namedCommonJsExports("undici")],
    logLevel: "warning",
  });
  writeFileSync(
    join(outdir, "..", "THIRD_PARTY_LICENSES.txt"),
    thirdPartyLicenses(Object.keys(metafile.inputs)),
  );
}

/** The license texts of every package the bundle took code from, as their MIT/ISC/BSD terms require. */
function thirdPartyLicenses(inputs: string[]): string {
  const packages = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll("\\", "/"));
    if (match?.[1] !== undefined) packages.add(resolve(ROOT, match[1]));
  }
  const sections = [...packages].sort().map((dir) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.|$)/i.test(entry));
    const text =
      file === undefined ? `License: ${license ?? "see the package"}` : readFileSync(join(dir, file), "utf8");
    return `${name} ${version}\n${"-".repeat(72)}\n${text.trim()}\n`;
  });
  return `The bundled dist/ contains code from these packages.\n\n${sections.join("\n")}`;
}

/** src/client/version.ts reads ../../package.json at run time; in the bundle that path would leave it. */
function inlineVersion(version: string): Plugin {
  const read = 'createRequire(import.meta.url)("../../package.json")';
  return {
    name: "inline-version",
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/]client[\\/]version\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes(read))
          throw new Error(`${args.path} no longer contains ${read}: update pack.ts`);
        return { contents: source.replace(read, JSON.stringify({ version })), loader: "ts" };
      });
    },
  };
}

/**
 * With code splitting, esbuild turns `await import("cjs-package")` into a chunk whose only export is `default`,
 * so `({ Pool }) => ...` would get undefined. This serves the package through an ESM wrapper that names
 * every export of its module.exports, as Node's own CommonJS interop does.
 */
function namedCommonJsExports(name: string): Plugin {
  const require = createRequire(join(ROOT, "package.json"));
  return {
    name: "named-commonjs-exports",
    setup(esbuild) {
      esbuild.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: "cjs-named" }));
      esbuild.onLoad({ filter: /.*/, namespace: "cjs-named" }, () => {
        const names = Object.keys(require(name) as object).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
        return {
          contents: [
            `import cjs from ${JSON.stringify(require.resolve(name))};`,
            `export const { ${names.join(", ")} } = cjs;`,
            "export default cjs;",
          ].join("\n"),
          resolveDir: ROOT,
          loader: "js",
        };
      });
    },
  };
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
