import {
  type Connection,
  callMany,
  connectIn,
  cpuTimeMs,
  ERAS,
  type Era,
  type ServerSpec,
} from "./lib/mcp.js";
import { type Benchmark, compareTimes, type Row } from "./lib/report.js";
import { formatMs, interleaved, time } from "./lib/stats.js";

const BATCH = 50;
const SERVERS = ["ours", "floor", "sdk"] as const;
type Server = (typeof SERVERS)[number];
type Subject = `${Server} ${Era}`;

/**
 * One get_organization at a time over stdio, in each era through that era's client: ours against the floor and
 * against the SDK in a tool, all six servers in the same interleaved rounds.
 */
export const toolCallBenchmark: Benchmark = {
  name: "one tool call",
  async run({ quick, servers, progress }) {
    const specs: Record<Server, ServerSpec> = { ours: servers.ours, floor: servers.floor, sdk: servers.sdk };
    const subjects = ERAS.flatMap((era) => SERVERS.map((server) => [server, era] as const));
    const connections = new Map<Subject, Connection>();
    try {
      for (const [server, era] of subjects)
        connections.set(`${server} ${era}`, await connectIn(era, specs[server]));
      const rounds = quick ? 5 : 15;
      const warmUp = quick ? 300 : 1_000;
      progress(
        `one tool call: ${warmUp} warm-up calls, then ${rounds} interleaved rounds of ${BATCH} per server and era`,
      );
      // Until the JIT has settled, per-call CPU keeps falling; only steady state is compared.
      for (const connection of connections.values()) await callMany(connection, warmUp);
      const cpu = new Map<Subject, number>();
      const perCall = (subject: Subject) => async () => {
        const connection = connections.get(subject) as Connection;
        const before = cpuTimeMs(connection.pid);
        let failed = 0;
        const ms = await time(async () => {
          failed = await callMany(connection, BATCH);
        });
        cpu.set(subject, (cpu.get(subject) ?? 0) + cpuTimeMs(connection.pid) - before);
        if (failed > 0) throw new Error(`${subject}: ${failed} calls failed:\n${connection.stderrTail()}`);
        return ms / BATCH;
      };
      const samples = await interleaved(
        rounds,
        Object.fromEntries([...connections.keys()].map((subject) => [subject, perCall(subject)])) as Record<
          Subject,
          () => Promise<number>
        >,
      );
      const cpuPerCall = (subject: Subject) => formatMs((cpu.get(subject) ?? 0) / (rounds * BATCH));
      return ERAS.flatMap((era): Row[] => {
        const how =
          `${era}, ${era === ERAS[0] ? "v1 SDK Client" : "v2 Client pinned to it"} over stdio; mean of ${BATCH} ` +
          `sequential calls, median over ${rounds} rounds after ${warmUp} warm-up calls, emulator in its own ` +
          `process; server CPU per call: ours ${cpuPerCall(`ours ${era}`)}, floor ${cpuPerCall(`floor ${era}`)}, ` +
          `SDK ${cpuPerCall(`sdk ${era}`)}`;
        return [
          compareTimes(
            `one tool call vs the floor, ${era}`,
            samples[`ours ${era}`],
            samples[`floor ${era}`],
            { maxRatio: 1.3, text: "≤ 1.3" },
            how,
          ),
          compareTimes(
            `one tool call vs the SDK in a tool, ${era}`,
            samples[`ours ${era}`],
            samples[`sdk ${era}`],
            {
              maxRatio: 1,
              strict: true,
              text: "< 1.0 (ours faster)",
            },
          ),
        ];
      });
    } finally {
      await Promise.all([...connections.values()].map((connection) => connection.close()));
    }
  },
};
