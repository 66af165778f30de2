import { type Connection, callMany, connectIn, ERAS, type Era } from "./lib/mcp.js";
import { type Benchmark, compareTimes, type Row } from "./lib/report.js";
import { interleaved, time } from "./lib/stats.js";

const CALLS = 500;

/** 500 get_organization calls in flight at once, in each era: ours against the SDK in a tool; every call must succeed. */
export const concurrentBenchmark: Benchmark = {
  name: "500 concurrent tool calls",
  async run({ quick, servers, progress }) {
    const connections = new Map<string, Connection>();
    try {
      for (const era of ERAS) {
        connections.set(`ours ${era}`, await connectIn(era, servers.ours));
        connections.set(`sdk ${era}`, await connectIn(era, servers.sdk));
      }
      const rounds = quick ? 3 : 9;
      progress(
        `${CALLS} concurrent calls: a warm-up burst, then ${rounds} interleaved rounds per server and era`,
      );
      const failures = new Map<string, number>();
      const burst = (subject: string) => () =>
        time(async () => {
          const failed = await callMany(connections.get(subject) as Connection, CALLS, CALLS);
          failures.set(subject, (failures.get(subject) ?? 0) + failed);
        });
      for (const connection of connections.values()) await callMany(connection, CALLS, CALLS);
      const samples = await interleaved(
        rounds,
        Object.fromEntries([...connections.keys()].map((subject) => [subject, burst(subject)])),
      );
      return ERAS.map((era: Era): Row => {
        const failed = (subject: string) => failures.get(`${subject} ${era}`) ?? 0;
        const row = compareTimes(
          `${CALLS} concurrent tool calls vs the SDK in a tool, ${era}`,
          samples[`ours ${era}`] as number[],
          samples[`sdk ${era}`] as number[],
          { maxRatio: 1, strict: true, text: "< 1.0 (ours faster), no errors" },
          `over stdio; wall time until all ${CALLS} answered, median of ${rounds} after one warm-up burst; failed calls in the measured rounds: ours ${failed("ours")}, SDK ${failed("sdk")}`,
        );
        return { ...row, pass: row.pass && failed("ours") === 0 };
      });
    } finally {
      await Promise.all([...connections.values()].map((connection) => connection.close()));
    }
  },
};
