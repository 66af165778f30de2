import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

/**
 * Cycles that were there before this test, each outside the call pipeline: kept listed, so that a new cycle
 * fails and one that is broken must be struck from here. Each is a group of files that reach each other.
 */
const KNOWN_CYCLES = [
  // The error reads the retry policy (is the status retryable, what Retry-After says); the policy takes the
  // error's type.
  "client/errors.ts client/retry.ts",
  // The client's Query, List and PaginateOptions types, named by the helpers it calls (types only).
  "client/client.ts client/pagination.ts client/query.ts",
  // The emulator's resource, router and store types name each other (types only).
  "emulator/resource.ts emulator/router.ts emulator/store.ts",
  // seed.ts re-exports the demo seed (tests import it from there), which is written in seed.ts's types.
  "emulator/demo-seed.ts emulator/seed.ts",
  // Resources that reach each other: a directory takes its users and groups with it, they look it up.
  "emulator/resources/directories.ts emulator/resources/directory-groups.ts emulator/resources/directory-users.ts",
  // A user takes its memberships with it, and a membership looks up its user.
  "emulator/resources/organization-memberships.ts emulator/resources/users.ts",
];

/** `import … from "./x.js"`, `import type …`, `export … from` and `import "./x.js"`: every static relative import. */
const RELATIVE_IMPORT = /^(?:import|export)\s+(?:type\s+)?(?:[\w$\s{},*]*?\s+from\s+)?"(\.{1,2}\/[^"]+)"/gm;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Each file of src/ (relative to it) with the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, "utf8");
      const imported = [...text.matchAll(RELATIVE_IMPORT)]
        .map((match) => resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts")))
        .filter((target) => known.has(target));
      return [relative(SRC, file), [...new Set(imported)].map((target) => relative(SRC, target))];
    }),
  );
}

/** The groups of files that import each other, directly or round about (Tarjan's strongly connected components). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** One loop through the group, for the failure message: a.ts -> b.ts -> a.ts. */
function loopThrough(group: readonly string[], graph: Map<string, string[]>): string {
  const start = group[0] as string;
  const path = [start];
  const seen = new Set(path);
  const walk = (file: string): boolean => {
    for (const next of graph.get(file) ?? []) {
      if (next === start) return true;
      if (!group.includes(next) || seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start].join(" -> ");
}

describe("imports among src/ files", () => {
  const graph = importGraph();

  it("reads the graph: the pipeline imports the view it builds", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("mcp/pipeline.ts")).toContain("mcp/view.ts");
  });

  it("form no cycle but the known ones outside the call pipeline", () => {
    const cycles = cyclesOf(graph);
    const found = cycles.map((group) => group.join(" "));
    const unexpected = cycles
      .filter((group) => !KNOWN_CYCLES.includes(group.join(" ")))
      .map((group) => loopThrough(group, graph));
    expect(unexpected, `import cycles:\n${unexpected.join("\n")}`).toEqual([]);
    const broken = KNOWN_CYCLES.filter((group) => !found.includes(group));
    expect(broken, "cycles no longer there: strike them from KNOWN_CYCLES").toEqual([]);
  });

  it("src/workos, the model below tools and emulator, imports nothing but zod, itself and the vocabulary", () => {
    const model = [...graph].filter(([file]) => file.startsWith("workos/"));
    expect(model.length).toBeGreaterThan(10);
    const reached = model.flatMap(([file, imported]) =>
      imported
        .filter((target) => !target.startsWith("workos/") && target !== "workos-vocabulary.ts")
        .map((target) => `${file} -> ${target}`),
    );
    expect(reached).toEqual([]);
    for (const [file] of model) {
      const packages = [...readFileSync(join(SRC, file), "utf8").matchAll(/from "([^".][^"]*)"/g)].map(
        (m) => m[1],
      );
      expect(
        packages.filter((name) => name !== "zod"),
        file,
      ).toEqual([]);
    }
  });

  it("confirm.ts imports nothing of src/mcp or src/tools, and the pipeline nothing of the SDK", () => {
    expect(graph.get("confirm.ts")?.filter((file) => /^(mcp|tools)\//.test(file))).toEqual([]);
    expect(readFileSync(join(SRC, "mcp", "pipeline.ts"), "utf8")).not.toContain("@modelcontextprotocol");
  });
});
