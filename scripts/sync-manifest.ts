// `npm run manifest`: rewrites manifest.json's tools[] and version from the server's tool list and package.json.
// test/install/manifest.test.ts fails until this has been run after a tool or its description changes.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { enabledTools } from "../src/mcp/selection.js";
import { tools as allTools } from "../src/tools/index.js";

const ROOT = join(import.meta.dirname, "..");
const file = join(ROOT, "manifest.json");
const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
manifest.version = version;
// The tools a host's default launch lists (the default toolsets); the others are a user_config away.
const tools = enabledTools(loadConfig({ WORKOS_API_KEY: "sk_test_manifest" }, []), allTools);
manifest.tools = tools.map(({ name, description }) => ({ name, description }));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
// In the layout `npm run lint` checks, so a sync never leaves the tree failing the linter.
execFileSync(
  process.execPath,
  [join(ROOT, "node_modules/@biomejs/biome/bin/biome"), "format", "--write", file],
  {
    stdio: "ignore",
  },
);
