import { coldStart, ERAS } from "./lib/mcp.js";
import { type Benchmark, compareTimes, type Row } from "./lib/report.js";
import { interleaved } from "./lib/stats.js";

const GOAL = { maxRatio: 1, text: "≤ 1.0" };

/**
 * Spawn until tools/list is answered, in each era: dist/cli.js (the esbuild-bundled entry `npm run build` writes,
 * the same bundle the .mcpb ships) against a one-tool McpServer on the same SDK line (v2, serveStdio). The same
 * server on the v1 line, which spoke 2025-11-25 only, is reported beside it: what the SDK line itself costs.
 */
export const coldStartBenchmark: Benchmark = {
  name: "cold start",
  async run({ quick, servers, progress }) {
    const rounds = quick ? 5 : 15;
    progress(`cold start: ${rounds} interleaved rounds of 5 spawns`);
    const [legacy, modern] = ERAS;
    const subjects = {
      [`ours ${legacy}`]: () => coldStart(servers.ours, legacy),
      [`minimal ${legacy}`]: () => coldStart(servers.minimal, legacy),
      [`ours ${modern}`]: () => coldStart(servers.ours, modern),
      [`minimal ${modern}`]: () => coldStart(servers.minimal, modern),
      "minimal v1": () => coldStart(servers.minimalV1, legacy),
    };
    // One spawn of each first, so every measured round finds the files equally in the page cache.
    for (const spawn of Object.values(subjects)) await spawn();
    const samples = await interleaved(rounds, subjects);
    const how = (era: string) =>
      `spawn \`node <entry>\` to the tools/list answer, raw JSON-RPC over stdio opening with ${
        era === modern ? "server/discover" : "initialize"
      }, median of ${rounds}; reference: bench/reference/minimal-server.mjs (v2 SDK)`;
    return [
      ...ERAS.map(
        (era): Row =>
          compareTimes(
            `cold start: ${servers.ours.label}, ${era}`,
            samples[`ours ${era}`] as number[],
            samples[`minimal ${era}`] as number[],
            GOAL,
            how(era),
          ),
      ),
      {
        ...compareTimes(
          `cold start: the one-tool server on SDK v2 vs on SDK v1, ${legacy}`,
          samples[`minimal ${legacy}`] as number[],
          samples["minimal v1"] as number[],
          GOAL,
          "the reference alone, on the SDK line workos-mcp serves with (v2) and on the one it left (v1, bench/reference/minimal-server-v1.mjs): what the move itself costs at start",
        ),
        goal: "reported",
        pass: true,
      },
    ];
  },
};
