import { coldStart } from "./lib/mcp.js";
import { type Benchmark, compareTimes } from "./lib/report.js";
import { interleaved } from "./lib/stats.js";

const GOAL = { maxRatio: 1, text: "≤ 1.0" };

/**
 * Spawn until tools/list is answered: dist/cli.js (the esbuild-bundled entry `npm run build` writes, the same
 * bundle the .mcpb ships) against a one-tool McpServer.
 */
export const coldStartBenchmark: Benchmark = {
  name: "cold start",
  async run({ quick, servers, progress }) {
    const rounds = quick ? 5 : 15;
    progress(`cold start: ${rounds} interleaved rounds of 2 spawns`);
    // One spawn of each first, so every measured round finds the files equally in the page cache.
    await coldStart(servers.ours);
    await coldStart(servers.minimal);
    const samples = await interleaved(rounds, {
      ours: () => coldStart(servers.ours),
      reference: () => coldStart(servers.minimal),
    });
    return [
      compareTimes(
        `cold start: ${servers.ours.label}`,
        samples.ours,
        samples.reference,
        GOAL,
        `spawn \`node <entry>\` to the tools/list answer, raw JSON-RPC over stdio, median of ${rounds}; reference: bench/reference/minimal-server.mjs`,
      ),
    ];
  },
};
