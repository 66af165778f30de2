import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_PORT } from "../../src/emulator/command.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(args: string[]) {
  const script = `import('./src/emulator/command.ts').then((m) => m.runEmulatorCommand(${JSON.stringify(args)}))`;
  return spawn(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe("runEmulatorCommand", () => {
  it("prints exactly one JSON line with --json, serves requests and stops on SIGTERM", async () => {
    const child = run(["--json", "--port", "0", "--api-key", "sk_test_cli"]);
    const stdout = collect(child.stdout);
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, "line")) as [string];
    const info = JSON.parse(line);
    expect(Object.keys(info)).toEqual(["url", "apiKey"]);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.apiKey).toBe("sk_test_cli");
    const res = await fetch(`${info.url}/organizations`, {
      headers: { authorization: "Bearer sk_test_cli" },
    });
    expect(res.status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect((await stdout).trim().split("\n")).toHaveLength(1);
  });

  it("rejects unknown flags with a clear error and prints usage for --help", async () => {
    const bad = run(["--bogus"]);
    const stderr = collect(bad.stderr);
    const [code] = await once(bad, "exit");
    expect(code).toBe(2);
    expect(await stderr).toMatch(/Unknown option '--bogus'/);
    const help = run(["--help"]);
    const out = collect(help.stdout);
    await once(help, "exit");
    expect(await out).toMatch(/Usage: workos-mcp emulator/);
  });

  it("reports a bad seed file and exits non-zero", async () => {
    const child = run(["--seed", "/nonexistent/seed.json"]);
    const stderr = collect(child.stderr);
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(await stderr).toMatch(/Cannot read seed file/);
  });

  it(`listens on port ${DEFAULT_EMULATOR_PORT} by default, and a busy port is one line, not a stack trace`, async () => {
    // Hold the default port (or find it held already): either way, starting without --port must say so.
    const holder: Server = createServer();
    const held = await new Promise<boolean>((resolve) => {
      holder.once("error", () => resolve(false));
      holder.listen(DEFAULT_EMULATOR_PORT, "127.0.0.1", () => resolve(true));
    });
    try {
      const child = run([]);
      const stderr = collect(child.stderr);
      const [code] = await once(child, "exit");
      expect(code).toBe(2);
      expect(await stderr).toBe(
        `workos-mcp emulator: 127.0.0.1:${DEFAULT_EMULATOR_PORT} is already in use: stop what listens there, or choose another port with --port (0 picks a free one).\n`,
      );
    } finally {
      if (held) await new Promise((resolve) => holder.close(resolve));
    }
    const help = run(["--help"]);
    const out = collect(help.stdout);
    await once(help, "exit");
    expect(await out).toContain(`(default ${DEFAULT_EMULATOR_PORT})`);
  });

  it("prints the URL and a request to try when it starts for a person", async () => {
    const child = run(["--port", "0"]);
    const [first, second] = await new Promise<string[]>((resolve) => {
      const lines: string[] = [];
      createInterface({ input: child.stderr }).on("line", (line) => {
        if (lines.push(line) === 2) resolve(lines);
      });
    });
    child.kill("SIGTERM");
    await once(child, "exit");
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+) \(API key sk_test_emulator\)/.exec(
      String(first),
    )?.[1];
    expect(url, String(first)).toBeTypeOf("string");
    expect(second).toBe(`Try: curl -H "Authorization: Bearer sk_test_emulator" ${url}/organizations`);
  });
});
