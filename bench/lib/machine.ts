import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, release, totalmem } from "node:os";
import { ROOT } from "./paths.js";

function cpuModel(): string {
  try {
    return (
      /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? "unknown CPU"
    );
  } catch {
    return "unknown CPU";
  }
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** One line for the report: CPU, cores, memory, OS, Node, commit and date. */
export function describeMachine(): string {
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return [
    `${cpuModel()}, ${availableParallelism()} cores, ${gib} GiB RAM`,
    `${process.platform} ${release()}`,
    `Node ${process.version}`,
    `commit ${commit()}`,
    `load average ${loadavg()[0]?.toFixed(1)} at start`,
    new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  ].join(" · ");
}
