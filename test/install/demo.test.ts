import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";
import { ROOT } from "./support.js";

// The demo once sat 10 s after its last line: a timeout timer nobody cleared kept Node's event loop alive.
const PROMPT_EXIT_MS = 3_000;

it("npm run demo walks every flow, then exits at once", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "" },
  });
  let output = "";
  let finishedAt: number | undefined;
  createInterface({ input: child.stdout }).on("line", (line) => {
    output += `${line}\n`;
    if (line.includes("Every flow worked")) finishedAt = performance.now();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const exitedAt = performance.now();
  expect(code, output).toBe(0);
  expect(finishedAt, output).toBeDefined();
  expect(exitedAt - (finishedAt ?? 0)).toBeLessThan(PROMPT_EXIT_MS);
}, 30_000);
