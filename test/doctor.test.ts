import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { runDoctor } from "../src/doctor.js";
import { closedPort } from "./support/ports.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");

describe("doctor without an API key", () => {
  it("prints the settings, then says the key is missing and how to go on, without calling WorkOS", async () => {
    const config = loadConfig({ WORKOS_MCP_READ_ONLY: "true" }, [], { requireApiKey: false });
    const lines: string[] = [];
    // An unreachable base URL: a request would fail with a connection error, not the message below.
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const code = await runDoctor({ ...config, baseUrl }, (line) => void lines.push(line));
    const output = lines.join("");
    expect(code).toBe(2);
    expect(output).toMatch(/API key: +not set/);
    expect(output).toMatch(/read-only: +yes/);
    expect(output).toMatch(/check: +NOT RUN: WORKOS_API_KEY is not set.*--emulator/);
    expect(output).not.toMatch(/ECONNREFUSED|FAILED/);
  });

  it("does the same from the command line, where starting the server refuses", () => {
    const env = { PATH: process.env.PATH ?? "" };
    const doctor = spawnSync(process.execPath, [CLI, "doctor"], { env, encoding: "utf8", timeout: 10_000 });
    expect(doctor.status).toBe(2);
    expect(doctor.stdout).toMatch(/workos-mcp doctor\n +API key: +not set\n/);
    expect(doctor.stdout).toMatch(/tools enabled: +\d+/);
    expect(doctor.stdout).toMatch(/NOT RUN: WORKOS_API_KEY is not set/);
    const serve = spawnSync(process.execPath, [CLI], { env, encoding: "utf8", timeout: 10_000 });
    expect(serve.status).toBe(2);
    expect(serve.stdout).toBe("");
    expect(serve.stderr).toMatch(/WORKOS_API_KEY is not set/);
  });
});
