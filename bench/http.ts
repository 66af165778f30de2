import { join } from "node:path";
import {
  connectHttp,
  type HttpServerProcess,
  rawCaller,
  spawnOursHttp,
  spawnReferenceHttp,
} from "./lib/http.js";
import { ERAS, type Era, getOrganization, MODERN, organizationId } from "./lib/mcp.js";
import { REFERENCE } from "./lib/paths.js";
import { type Benchmark, compareTimes, type Row } from "./lib/report.js";
import { interleaved, median, time } from "./lib/stats.js";

const CLIENTS = 16;
const SERVERS = ["ours", "reference"] as const;

/**
 * get_organization over Streamable HTTP from 16 clients at once, each one call at a time: ours (stateless, a
 * Server per request, bearer and Host checks in front) against the SDK's own minimal stateless v2 handler
 * serving one tool that makes the same WorkOS call. Throughput is calls answered per second of wall time. The
 * 2026-07-28 row is the goal; the 2025-11-25 one is reported beside it.
 */
export const httpBenchmark: Benchmark = {
  name: "http",
  async run({ quick, emulator, progress, oursFlags }) {
    const calls = quick ? 320 : 800;
    const rounds = quick ? 3 : 7;
    const servers: Record<(typeof SERVERS)[number], HttpServerProcess> = {
      ours: await spawnOursHttp(emulator, oursFlags),
      reference: await spawnReferenceHttp(emulator, join(REFERENCE, "http-server.mjs")),
    };
    const callers = new Map<string, ReturnType<typeof rawCaller>>();
    try {
      // Each server first answers each era's real SDK Client, so the raw requests below are ones it serves.
      for (const era of ERAS) {
        for (const [key, server] of Object.entries(servers)) {
          const client = await connectHttp(era, server);
          const result = await getOrganization(client, 0);
          await client.close();
          if (result.isError) throw new Error(`${key} over HTTP in ${era}: ${JSON.stringify(result)}`);
          callers.set(`${key} ${era}`, rawCaller(era, server, CLIENTS));
        }
      }
      progress(
        `http: ${CLIENTS} clients per server and era, a warm-up, then ${rounds} interleaved rounds of ${calls} calls`,
      );
      const failures = new Map<string, number>();
      /** All 16 clients at once, each making its share of the calls one at a time. */
      const burst = (subject: string) => () =>
        time(async () => {
          const caller = callers.get(subject) as ReturnType<typeof rawCaller>;
          let next = 0;
          let failed = 0;
          const client = async () => {
            while (next < calls)
              if (!(await caller.call(organizationId(next++)).catch(() => false))) failed++;
          };
          await Promise.all(Array.from({ length: CLIENTS }, client));
          failures.set(subject, (failures.get(subject) ?? 0) + failed);
        });
      for (const subject of callers.keys()) await burst(subject)();
      failures.clear();
      const samples = await interleaved(
        rounds,
        Object.fromEntries([...callers.keys()].map((subject) => [subject, burst(subject)])),
      );
      const perSecond = (subject: string) =>
        ((calls / median(samples[subject] as number[])) * 1000).toFixed(0);
      const failed = (subject: string) => failures.get(subject) ?? 0;
      return ERAS.map((era: Era): Row => {
        const row = compareTimes(
          `HTTP, ${CLIENTS} concurrent clients vs the SDK's stateless handler, ${era}`,
          samples[`ours ${era}`] as number[],
          samples[`reference ${era}`] as number[],
          { maxRatio: 1, text: era === MODERN ? "≤ 1.0 (at least its throughput), no errors" : "reported" },
          `wall time for ${calls} calls from ${CLIENTS} clients at once (each one call at a time, the tools/call ` +
            `request ${era === MODERN ? "the v2 Client sends, with envelope and Mcp-Method/Mcp-Name headers" : "the v1 Client sends"}, ` +
            `on keep-alive sockets), median of ${rounds}: ours ${perSecond(`ours ${era}`)} calls/s, reference ` +
            `${perSecond(`reference ${era}`)} calls/s; failed calls: ours ${failed(`ours ${era}`)}, reference ` +
            `${failed(`reference ${era}`)}; reference: bench/reference/http-server.mjs (createMcpHandler, a ` +
            "one-tool low-level Server, one undici GET)",
        );
        if (era !== MODERN) return { ...row, pass: true };
        return { ...row, pass: row.pass && failed(`ours ${era}`) === 0 };
      });
    } finally {
      await Promise.all([...callers.values()].map((caller) => caller.close()));
      await Promise.all(Object.values(servers).map((server) => server.close()));
    }
  },
};
