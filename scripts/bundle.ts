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
import { toolCard } from "../src/tools/card.js";
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
    // CommonJS dependencies (undici, ajv) call require() for Node built-ins; ESM output needs one. Got through
    // getBuiltinModule, not an import: importing a built-in as an ES module reads every export it has, and some
    // are getters that load more of Node.
    banner: {
      js: 'const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);',
    },
    // Every tool's card and JSON Schemas, made here from the same source (src/tools/card.ts,
    // src/mcp/tool-list.ts): the CLI starts and lists its tools from them, without running any tool module.
    define: {
      __WORKOS_MCP_TOOL_CARDS__: JSON.stringify(JSON.stringify(tools.map(toolCard))),
      __WORKOS_MCP_TOOL_SCHEMAS__: JSON.stringify(JSON.stringify(builtInToolSchemas())),
    },
    plugins: [inlineVersion(version), namedCommonJsExports("undici"), zodEnglishOnly()],
    logLevel: "warning",
  });
  writeFileSync(licensesFile, thirdPartyLicenses(Object.keys(metafile.inputs)));
}

/** Each tool's schemas as JSON text, by name (src/mcp/tool-list.ts parses a tool's on its first listing). */
function builtInToolSchemas(): Record<string, string> {
  return Object.fromEntries(tools.map((tool) => [tool.name, JSON.stringify(toolSchemas(tool))]));
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
 * zod's `z` namespace re-exports every message locale (`z.locales`, and `z.core.locales`: some 260 KB minified, half the zod a start
 * loads), which nothing here uses: zod configures English itself, from its own module. The bundle gets a
 * `locales` with English alone.
 */
function zodEnglishOnly(): Plugin {
  return {
    name: "zod-english-only",
    setup(esbuild) {
      esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/](?:classic|core|mini)[\\/]/.test(args.importer))
          return undefined;
        return {
          path: "en",
          namespace: "zod-locales",
          pluginData: join(args.importer, "..", "..", "locales", "en.js"),
        };
      });
      esbuild.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.pluginData)};`,
        resolveDir: ROOT,
        loader: "js",
      }));
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
