// No container engine runs here, so this replays the Dockerfile instead: it assembles the build context exactly
// as .dockerignore allows, runs every stage's COPY and RUN steps in a directory per stage, and starts the
// final stage's CMD. A COPY of a file the context leaves out, or a build step that fails, fails this test.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contextFiles,
  isIgnored,
  parseCopy,
  parseDockerfile,
  parseDockerignore,
  type Stage,
} from "./docker-build.js";
import { ROOT } from "./support.js";

const TOKEN = "docker-test-token-0123456789abcdef0123";

const stages = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const ignore = parseDockerignore(readFileSync(join(ROOT, ".dockerignore"), "utf8"));
const final = stages.at(-1) as Stage;

function instruction(stage: Stage, keyword: string): string | undefined {
  return stage.instructions.findLast((i) => i.keyword === keyword)?.args;
}

// The image's own Node is the one running the tests; RUN gets only what a fresh container would have.
const runEnv = {
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  HOME: process.env.HOME ?? tmpdir(),
  // npm's cache, filled by the repo's own `npm ci`, stands in for the registry.
  npm_config_prefer_offline: "true",
};

interface BuiltStage {
  root: string;
  workdir: string;
  env: Record<string, string>;
}

describe(".dockerignore patterns (as docker reads them)", () => {
  it.each([
    ["*\n!src", "src/cli.ts", false],
    ["*\n!src", "test/config.test.ts", true],
    ["*\n!scripts/bundle.ts", "scripts/bundle.ts", false],
    ["*\n!scripts/bundle.ts", "scripts/demo.ts", true],
    ["node_modules", "node_modules/a/index.js", true],
    ["**/*.map", "dist/chunks/a.js.map", true],
    ["**/*.map\n!keep.map", "keep.map", false],
    ["/dist/", "dist/cli.js", true],
    [".env.*", ".env.local", true],
    [".env.*", "src/.env.local", false],
  ] as const)("%j: %s ignored = %s", (patterns, path, ignored) => {
    expect(isIgnored(parseDockerignore(patterns), path)).toBe(ignored);
  });
});

describe("the Dockerfile, replayed on its build context", () => {
  let work: string;
  let context: string;
  let files: string[];
  const built = new Map<string, BuiltStage>();

  function copy(stage: BuiltStage, args: string): void {
    const { from, sources, dest } = parseCopy(args);
    const source = (path: string) =>
      from === undefined ? join(context, path) : join((built.get(from) as BuiltStage).root, path);
    const target = dest.startsWith("/") ? join(stage.root, dest) : join(stage.root, stage.workdir, dest);
    const intoDirectory = dest.endsWith("/") || dest === "." || sources.length > 1;
    for (const path of sources) {
      const from = source(path);
      if (!existsSync(from)) throw new Error(`COPY ${args}: ${path} is not in the build context`);
      // Like docker: a directory's contents land in the target; a file lands in it when it is a directory.
      const to = statSync(from).isDirectory() || !intoDirectory ? target : join(target, basename(path));
      mkdirSync(statSync(from).isDirectory() ? to : dirname(to), { recursive: true });
      cpSync(from, to, { recursive: true });
    }
  }

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "workos-mcp-docker-"));
    context = join(work, "context");
    files = contextFiles(ROOT, ignore);
    for (const file of files) {
      mkdirSync(dirname(join(context, file)), { recursive: true });
      cpSync(join(ROOT, file), join(context, file));
    }
    stages.forEach((stage, index) => {
      const state: BuiltStage = { root: join(work, `stage-${index}`), workdir: "/", env: {} };
      mkdirSync(state.root);
      for (const { keyword, args } of stage.instructions) {
        if (keyword === "WORKDIR") {
          state.workdir = args;
          mkdirSync(join(state.root, args), { recursive: true });
        } else if (keyword === "ENV") {
          const [, name = "", value = ""] = /^(\w+)[= ](.*)$/.exec(args) ?? [];
          state.env[name] = value;
        } else if (keyword === "COPY") copy(state, args);
        else if (keyword === "RUN") {
          const run = spawnSync("sh", ["-c", args], {
            cwd: join(state.root, state.workdir),
            env: { ...runEnv, ...state.env },
            encoding: "utf8",
          });
          if (run.status !== 0) throw new Error(`RUN ${args} failed:\n${run.stdout}\n${run.stderr}`);
        }
      }
      built.set(stage.name ?? String(index), state);
      built.set(String(index), state);
    });
    // The tests need only the final stage (a few files). The context and the earlier stages (the build's whole
    // node_modules) go now, in the build's time: removed in afterAll, they outlasted its timeout on a busy machine.
    const last = built.get(String(stages.length - 1)) as BuiltStage;
    for (const entry of readdirSync(work)) {
      if (join(work, entry) !== last.root) rmSync(join(work, entry), { recursive: true, force: true });
    }
  }, 300_000);
  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it("builds on a current Node LTS slim image", () => {
    for (const stage of stages) expect(stage.image).toMatch(/^node:(22|24)(\.\d+)*-slim$/);
  });

  it("sends what the build needs and nothing else: no tests, secrets, node_modules or local dist", () => {
    expect(files).toContain("scripts/bundle.ts");
    expect(files).toContain("src/cli.ts");
    expect(files).toContain("package-lock.json");
    const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n");
    // Only files the repository holds: nothing local (.env, node_modules, dist) can reach the image.
    expect(files.filter((file) => !tracked.includes(file))).toEqual([]);
    expect(files.filter((file) => /^(test|bench|docs)\/|^\.env|^manifest\.json$/.test(file))).toEqual([]);
  });

  it("ends with the bundled server only: no node_modules, no sources", () => {
    const app = join((built.get(String(stages.length - 1)) as BuiltStage).root, "app");
    const entries = readdirSync(app, { recursive: true, encoding: "utf8" }).sort();
    expect(entries).toContain(join("dist", "cli.js"));
    expect(entries.filter((entry) => /^(node_modules|src)\b|\.ts$|\.map$/.test(entry))).toEqual([]);
  });

  it("starts the final stage's CMD: /healthz answers, the HEALTHCHECK passes, SIGTERM stops it", async () => {
    const state = built.get(String(stages.length - 1)) as BuiltStage;
    const cmd = JSON.parse(instruction(final, "CMD") ?? "[]") as string[];
    const port = cmd[cmd.indexOf("--port") + 1];
    expect(instruction(final, "EXPOSE")).toBe(port);
    const healthcheck = /CMD (\[.*\])$/.exec(instruction(final, "HEALTHCHECK") ?? "")?.[1] ?? "[]";
    expect(healthcheck).toContain(`:${port}/healthz`);

    const [command, ...args] = cmd;
    expect(command).toBe("node");
    // Port 0: the test must not collide with whatever else listens on the image's port here.
    args[args.indexOf("--port") + 1] = "0";
    const child = spawn(process.execPath, args, {
      cwd: join(state.root, state.workdir),
      env: { ...runEnv, ...state.env, WORKOS_API_KEY: "sk_test_docker", WORKOS_MCP_HTTP_TOKEN: TOKEN },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`CMD exited with ${code} before listening`)));
        createInterface({ input: child.stderr }).on("line", (line) => {
          const match = /at (http:\/\/\S+)\/mcp/.exec(line);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
      });
      const listening = new URL(url).port;
      expect((await fetch(`http://127.0.0.1:${listening}/healthz`)).status).toBe(200);
      const [, ...checkArgs] = JSON.parse(healthcheck.replace(`:${port}/`, `:${listening}/`)) as string[];
      expect(spawnSync(process.execPath, checkArgs, { env: runEnv }).status).toBe(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});
