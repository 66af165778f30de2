import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { runDoctor } from "../src/doctor.js";
import { DEMO_IDS } from "../src/emulator/demo-seed.js";
import { startEmulator } from "../src/emulator/index.js";
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

describe("doctor against a WorkOS that answers with terminal escapes", () => {
  it("prints upstream text with its control characters escaped", async () => {
    const emulator = await startEmulator();
    try {
      const hostile = "\u001b[2J\u001b]0;owned\u0007\u001b[31mInvalid API key\u001b[0m\r\nOK: accepted";
      const fault = await fetch(`${emulator.url}/_emulator/faults`, {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          method: "GET",
          path: "/organizations",
          status: 401,
          body: { message: hostile },
        }),
      });
      expect(fault.status).toBe(201);
      const config = loadConfig({ WORKOS_API_KEY: emulator.apiKey }, []);
      const lines: string[] = [];
      const code = await runDoctor({ ...config, baseUrl: emulator.url }, (line) => void lines.push(line));
      const output = lines.join("");
      expect(code).toBe(1);
      expect(output).toContain(
        "\\u001b[2J\\u001b]0;owned\\u0007\\u001b[31mInvalid API key\\u001b[0m\\u000d\\u000aOK: accepted",
      );
      expect(output.replaceAll("\n", "")).not.toMatch(/\p{Cc}/u);
      expect(output.match(/check: +FAILED/g)).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });
});

describe("a pin to an organization WorkOS does not know", () => {
  // A typo of Acme's id: well formed, so only WorkOS can tell.
  const typo = "org_01XXXXXXXXXXXXXXXXXXXXXXXX";
  const acme = DEMO_IDS.organizations.acme;

  it("fails doctor, which names it; the right id passes", async () => {
    const emulator = await startEmulator();
    try {
      const doctor = async (pin: string) => {
        const config = loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_ORGANIZATION_ID: pin }, []);
        const lines: string[] = [];
        const code = await runDoctor({ ...config, baseUrl: emulator.url }, (line) => void lines.push(line));
        return { code, output: lines.join("") };
      };
      const wrong = await doctor(typo);
      expect(wrong.code).toBe(1);
      expect(wrong.output).toMatch(/check: +OK/);
      expect(wrong.output).toMatch(new RegExp(`pinned: +FAILED: .*no organization ${typo}.*\\(404\\)`));
      const right = await doctor(acme);
      expect(right.code).toBe(0);
      expect(right.output).toMatch(new RegExp(`pinned: +OK: WorkOS has organization ${acme}`));
    } finally {
      await emulator.close();
    }
  });

  it("stops the server at start in one line on stderr, exit 2, no stack; the right id starts", () => {
    const env = { PATH: process.env.PATH ?? "" };
    const serve = (pin: string) =>
      spawnSync(process.execPath, [CLI, "--emulator", "--organization", pin], {
        env,
        input: "",
        encoding: "utf8",
        timeout: 15_000,
      });
    const wrong = serve(typo);
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toBe("");
    const errors = wrong.stderr.split("\n").filter((line) => line.includes("error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^workos-mcp: error: --organization .*no organization ${typo}`));
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    const right = serve(acme);
    expect(right.status, right.stderr).toBe(0);
    expect(right.stderr).not.toMatch(/error/);
  });

  it("stops a Streamable HTTP server the same way, before it listens", () => {
    const http = spawnSync(
      process.execPath,
      [CLI, "--emulator", "--http", "--port", "0", "--organization", typo],
      {
        env: { PATH: process.env.PATH ?? "", WORKOS_MCP_HTTP_TOKEN: "x".repeat(40) },
        encoding: "utf8",
        timeout: 15_000,
      },
    );
    expect(http.status).toBe(2);
    expect(http.stderr).toMatch(new RegExp(`workos-mcp: error: --organization .*no organization ${typo}`));
    expect(http.stderr).not.toMatch(/serving MCP/);
  });
});
