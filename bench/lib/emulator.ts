import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { CLI } from "./paths.js";

export interface EmulatorProcess {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/**
 * The project's emulator in its own process (`workos-mcp emulator --json`), so its CPU never competes with
 * the measured code on one event loop.
 */
export async function spawnEmulator(seedFile?: string): Promise<EmulatorProcess> {
  const args = [
    CLI,
    "emulator",
    "--json",
    "--port",
    "0",
    ...(seedFile === undefined ? [] : ["--seed", seedFile]),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => line as string),
    exited.then(([code]) => {
      throw new Error(`the emulator exited (code ${code}) before it was listening`);
    }),
  ]);
  lines.close();
  const { url, apiKey } = JSON.parse(first) as { url: string; apiKey: string };
  return {
    url,
    apiKey,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
