import { locateBundles } from "./lib/bundles.js";
import { coldStart, type ServerSpec } from "./lib/mcp.js";
import { type Benchmark, compareTimes } from "./lib/report.js";
import { interleaved } from "./lib/stats.js";

const GOAL = { maxRatio: 1, text: "≤ 1.0" };

/** Spawn until tools/list is answered: dist/cli.js (and each bundled build present) against a one-tool McpServer. */
export const coldStartBenchmark: Benchmark = {
  name: "cold start",
  async run({ quick, servers, progress }) {
    const bundles = await locateBundles();
    try {
      const ours: ServerSpec[] = [
        servers.ours,
        ...bundles.entries.map((entry) => ({ ...servers.ours, ...entry })),
      ];
      const rounds = quick ? 5 : 15;
      progress(`cold start: ${rounds} interleaved rounds of ${ours.length + 1} spawns`);
      // One spawn of each first, so every measured round finds the files equally in the page cache.
      for (const spec of [...ours, servers.minimal]) await coldStart(spec);
      const subjects: Record<string, () => Promise<number>> = { reference: () => coldStart(servers.minimal) };
      ours.forEach((spec, i) => {
        subjects[i] = () => coldStart(spec);
      });
      const samples: Record<string, number[]> = await interleaved(rounds, subjects);
      const how = `spawn \`node <entry>\` to the tools/list answer, raw JSON-RPC over stdio, median of ${rounds}; reference: bench/reference/minimal-server.mjs`;
      return ours.map((spec, i) =>
        compareTimes(
          `cold start: ${spec.label}`,
          samples[i] as number[],
          samples.reference as number[],
          GOAL,
          i === 0
            ? `${how}${bundles.entries.length === 0 ? "; no bundled build found (bundle/ or *.mcpb)" : ""}`
            : undefined,
        ),
      );
    } finally {
      await bundles.cleanup();
    }
  },
};
