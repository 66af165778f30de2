import { type Connection, callMany, connect, cpuTimeMs } from "./lib/mcp.js";
import { type Benchmark, compareTimes } from "./lib/report.js";
import { formatMs, interleaved, time } from "./lib/stats.js";

const BATCH = 50;

/** One get_organization at a time over stdio: ours against the floor and against the SDK in a tool. */
export const toolCallBenchmark: Benchmark = {
  name: "one tool call",
  async run({ quick, servers, progress }) {
    const connections = {
      ours: await connect(servers.ours),
      floor: await connect(servers.floor),
      sdk: await connect(servers.sdk),
    };
    try {
      const rounds = quick ? 5 : 15;
      const warmUp = quick ? 300 : 1_000;
      progress(
        `one tool call: ${warmUp} warm-up calls, then ${rounds} interleaved rounds of ${BATCH} per server`,
      );
      // Until the JIT has settled, per-call CPU keeps falling; only steady state is compared.
      for (const connection of Object.values(connections)) await callMany(connection, warmUp);
      const cpu = { ours: 0, floor: 0, sdk: 0 };
      const perCall = (key: keyof typeof connections) => async () => {
        const connection: Connection = connections[key];
        const before = cpuTimeMs(connection.pid);
        let failed = 0;
        const ms = await time(async () => {
          failed = await callMany(connection, BATCH);
        });
        cpu[key] += cpuTimeMs(connection.pid) - before;
        if (failed > 0) throw new Error(`${failed} calls failed:\n${connection.stderrTail()}`);
        return ms / BATCH;
      };
      const samples = await interleaved(rounds, {
        ours: perCall("ours"),
        floor: perCall("floor"),
        sdk: perCall("sdk"),
      });
      const cpuPerCall = (key: keyof typeof cpu) => formatMs(cpu[key] / (rounds * BATCH));
      const how =
        `mean of ${BATCH} sequential calls, median over ${rounds} rounds after ${warmUp} warm-up calls; real SDK Client ` +
        `over stdio, emulator in its own process; server CPU per call: ours ${cpuPerCall("ours")}, floor ` +
        `${cpuPerCall("floor")}, SDK ${cpuPerCall("sdk")}`;
      return [
        compareTimes(
          "one tool call vs the floor",
          samples.ours,
          samples.floor,
          { maxRatio: 1.3, text: "≤ 1.3" },
          how,
        ),
        compareTimes("one tool call vs the SDK in a tool", samples.ours, samples.sdk, {
          maxRatio: 1,
          strict: true,
          text: "< 1.0 (ours faster)",
        }),
      ];
    } finally {
      await Promise.all(Object.values(connections).map((connection) => connection.close()));
    }
  },
};
