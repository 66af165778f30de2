import { callMany, connect } from "./lib/mcp.js";
import { type Benchmark, compareTimes } from "./lib/report.js";
import { interleaved, time } from "./lib/stats.js";

const CALLS = 500;

/** 500 get_organization calls in flight at once: ours against the SDK in a tool; every call must succeed. */
export const concurrentBenchmark: Benchmark = {
  name: "500 concurrent tool calls",
  async run({ quick, servers, progress }) {
    const [ours, sdk] = await Promise.all([connect(servers.ours), connect(servers.sdk)]);
    try {
      const rounds = quick ? 3 : 9;
      progress(`${CALLS} concurrent calls: a warm-up burst, then ${rounds} interleaved rounds per server`);
      const failures = { ours: 0, sdk: 0 };
      const burst = (key: keyof typeof failures, connection: typeof ours) => () =>
        time(async () => {
          failures[key] += await callMany(connection, CALLS, CALLS);
        });
      for (const connection of [ours, sdk]) await callMany(connection, CALLS, CALLS);
      const samples = await interleaved(rounds, { ours: burst("ours", ours), sdk: burst("sdk", sdk) });
      const row = compareTimes(
        `${CALLS} concurrent tool calls vs the SDK in a tool`,
        samples.ours,
        samples.sdk,
        { maxRatio: 1, strict: true, text: "< 1.0 (ours faster), no errors" },
        `wall time until all ${CALLS} answered, median of ${rounds} after one warm-up burst; failed calls in the measured rounds: ours ${failures.ours}, SDK ${failures.sdk}`,
      );
      return [{ ...row, pass: row.pass && failures.ours === 0 }];
    } finally {
      await Promise.all([ours, sdk].map((connection) => connection.close()));
    }
  },
};
