// Bundles the CLI with esbuild into one ESM entry and lazily loaded chunks. `npm run build` runs it after tsc,
// so the `workos-mcp` bin (dist/cli.js) starts from one file instead of some fifty modules (about half the
// cold start); the rest of dist/ stays the plain tsc output for the package's library entry points.
// `npm run pack` stages the same bundle into the .mcpb.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { toolSchemas } from "../src/mcp/tool-list.js";
import { tools } from "../src/tools/index.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");

export interface BundleOptions {
  version: string;
  /** Where to write the licenses of the bundled packages. */
  licensesFile: string;
}

/** One ESM entry (`<outdir>/cli.js`) plus lazily loaded chunks for the parts most runs never touch (emulator). */
export async function bundleServer(outdir: string, { version, licensesFile }: BundleOptions) {
  rmSync(join(outdir, "chunks"), { recursive: true, force: true });
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
    // No source maps: they would point at src/, which neither the npm package nor the .mcpb ships.
    sourcemap: false,
    legalComments: "linked",
    chunkNames: "chunks/[name]-[hash]",
    // CommonJS dependencies (undici, ajv) call require() for Node built-ins; ESM output needs one.
    banner: {
      js: 'import { createRequire as __workosMcpCreateRequire } from "node:module"; const require = __workosMcpCreateRequire(import.meta.url);',
    },
    // Every tool's JSON Schemas, made here from the same source (src/mcp/tool-list.ts): the CLI's first
    // tools/list then reads them instead of converting every zod schema at start.
    define: { __WORKOS_MCP_TOOL_SCHEMAS__: JSON.stringify(JSON.stringify(builtInToolSchemas())) },
    plugins: [inlineVersion(version), namedCommonJsExports("undici")],
    logLevel: "warning",
  });
  writeFileSync(licensesFile, thirdPartyLicenses(Object.keys(metafile.inputs)));
}

function builtInToolSchemas(): Record<string, ReturnType<typeof toolSchemas>> {
  return Object.fromEntries(tools.map((tool) => [tool.name, toolSchemas(tool)]));
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

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const dist = join(ROOT, "dist");
  await bundleServer(dist, {
    version,
    licensesFile: join(dist, "THIRD_PARTY_LICENSES.txt"),
  });
}
