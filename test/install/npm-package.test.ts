import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStdio, ROOT } from "./support.js";

interface PackedFile {
  path: string;
  size: number;
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string }>;
};

// npx and the bin's `#!/usr/bin/env node` must find the Node running the tests (CI runs them on two versions).
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  WORKOS_API_KEY: "",
};

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("npm pack: the package", () => {
  let work: string;
  let files: PackedFile[];
  let app: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "workos-mcp-npm-"));
    // --ignore-scripts: pack the dist/ that `npm run check` built; `prepare` would rebuild it under other tests.
    const [packed] = JSON.parse(
      npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], ROOT),
    ) as [{ filename: string; files: PackedFile[] }];
    files = packed.files;
    app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), '{ "private": true }\n');
    // The dependencies come from the npm cache that `npm ci` filled; no registry round trip when it is warm.
    npm(
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        join(work, packed.filename),
      ],
      app,
    );
  }, 120_000);
  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it("ships the built server and its type declarations only: no maps, sources or tests", () => {
    const paths = files.map((file) => file.path);
    const unexpected = paths.filter(
      (path) =>
        !/^(package\.json|README\.md|LICENSE|manifest\.json|icon\.png|dist\/THIRD_PARTY_LICENSES\.txt|dist\/.+\.(js|d\.ts|LEGAL\.txt))$/.test(
          path,
        ),
    );
    expect(unexpected).toEqual([]);
    for (const entry of [
      pkg.bin["workos-mcp"],
      ...Object.values(pkg.exports).flatMap((e) => [e.types, e.default]),
    ]) {
      expect(paths).toContain(entry?.replace(/^\.\//, ""));
    }
  });

  it("points no shipped file at a source map", () => {
    const installed = join(app, "node_modules", "workos-mcp");
    const linking = files
      .filter((file) => file.path.endsWith(".js"))
      .filter((file) => readFileSync(join(installed, file.path), "utf8").includes("sourceMappingURL"));
    expect(linking.map((file) => file.path)).toEqual([]);
  });

  it("runs from an install: npx workos-mcp --version and doctor --emulator", () => {
    const version = spawnSync("npx", ["--no-install", "workos-mcp", "--version"], {
      cwd: app,
      env,
      encoding: "utf8",
    });
    expect(version.stdout.trim()).toBe(pkg.version);
    const doctor = spawnSync("npx", ["--no-install", "workos-mcp", "doctor", "--emulator"], {
      cwd: app,
      env,
      encoding: "utf8",
    });
    expect(doctor.stdout).toMatch(/check: +OK/);
    expect(doctor.status).toBe(0);
  });

  it("serves MCP on stdio from an install: npx workos-mcp --emulator", async () => {
    const { client } = await connectStdio(
      {
        command: "npx",
        args: ["--no-install", "workos-mcp", "--emulator"],
        env: { PATH: env.PATH },
      },
      app,
    );
    try {
      const result = (await client.callTool({
        name: "list_organizations",
        arguments: { limit: 1 },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it("imports as a library: workos-mcp and workos-mcp/emulator", () => {
    const script = [
      'const { loadConfig } = await import("workos-mcp");',
      'const { startEmulator } = await import("workos-mcp/emulator");',
      "const emulator = await startEmulator();",
      "await emulator.close();",
      'console.log(typeof loadConfig, emulator.url.startsWith("http://127.0.0.1:"));',
    ].join("\n");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: app,
      env,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("function true");
  });
});
