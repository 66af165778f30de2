import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
    const child = run(["--json", "--api-key", "sk_test_cli"]);
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
});
