import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { callMany, connect, type ServerSpec } from "./lib/mcp.js";
import type { Benchmark, Row } from "./lib/report.js";
import { formatBytes } from "./lib/stats.js";

const PROBE = join(import.meta.dirname, "lib", "gc-probe.mjs");
const MARKER = "bench-gc-probe ";
/** V8's heaps and the allocator grow for the first several thousand calls (RSS settles by about 10k); flatness is judged after. */
const WARM_UP = 10_000;
const MEASURED = 10_000;
const CHECKPOINTS = [0, 1_000, WARM_UP, WARM_UP + MEASURED / 2, WARM_UP + MEASURED];
/**
 * Growth over the measured calls that still counts as flat. RSS follows V8 resizing its young generation
 * (committed heap swung by ~20 MiB at equal live heap, in ours and the floor alike), so it gets a wider band;
 * the live heap after a full GC is the leak signal.
 */
const FLAT = { rss: 1.1, heapUsed: 1.05 };

interface Sample {
  calls: number;
  rss: number;
  heapUsed: number;
}

/** RSS (VmRSS from /proc) and JS heap of a server at each checkpoint, each after a full GC in the server. */
async function track(spec: ServerSpec): Promise<Sample[]> {
  const connection = await connect({
    ...spec,
    nodeFlags: [...(spec.nodeFlags ?? []), "--expose-gc", "--import", PROBE],
  });
  let probed: (heapUsed: number) => void = () => {};
  connection.onStderrLine((line) => {
    if (line.startsWith(MARKER))
      probed((JSON.parse(line.slice(MARKER.length)) as { heapUsed: number }).heapUsed);
  });
  try {
    const samples: Sample[] = [];
    for (const calls of CHECKPOINTS) {
      const failed = await callMany(connection, calls - (samples.at(-1)?.calls ?? 0), 10);
      if (failed > 0) throw new Error(`${spec.label}: ${failed} calls failed:\n${connection.stderrTail()}`);
      const heapUsed = new Promise<number>((resolve) => (probed = resolve));
      process.kill(connection.pid, "SIGUSR2");
      const heap = await heapUsed;
      const status = await readFile(`/proc/${connection.pid}/status`, "utf8");
      samples.push({ calls, rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) * 1024, heapUsed: heap });
    }
    return samples;
  } finally {
    await connection.close();
  }
}

function at(samples: readonly Sample[], calls: number): Sample {
  return samples.find((sample) => sample.calls === calls) as Sample;
}

function trail(samples: readonly Sample[], field: "rss" | "heapUsed"): string {
  return samples.map((sample) => `${sample.calls}: ${formatBytes(sample[field])}`).join(", ");
}

/**
 * Our server's memory idle and across get_organization calls (10 in flight). The floor server runs the same
 * calls as a control: what Node and the MCP SDK alone do to RSS.
 */
export const memoryBenchmark: Benchmark = {
  name: "memory",
  async run({ servers, progress }) {
    progress(
      `memory: ${WARM_UP + MEASURED} calls each to ours and to the floor (control), full GC at each checkpoint`,
    );
    const ours = await track(servers.ours);
    const floor = await track(servers.floor);
    const end = WARM_UP + MEASURED;
    const growth = (field: "rss" | "heapUsed", benchmark: string): Row => {
      const ratio = at(ours, end)[field] / at(ours, WARM_UP)[field];
      const control = at(floor, end)[field] / at(floor, WARM_UP)[field];
      return {
        benchmark,
        ours: formatBytes(at(ours, end)[field]),
        reference: formatBytes(at(ours, WARM_UP)[field]),
        ratio,
        goal: `≤ ${FLAT[field]} (flat)`,
        pass: ratio <= FLAT[field],
        note: `by calls made: ${trail(ours, field)}; floor control ${control.toFixed(2)} (${trail(floor, field)})`,
      };
    };
    return [
      {
        benchmark: "memory: RSS idle (after initialize)",
        ours: formatBytes(at(ours, 0).rss),
        reference: `${formatBytes(at(floor, 0).rss)} (floor)`,
        ratio: at(ours, 0).rss / at(floor, 0).rss,
        goal: "reported",
        pass: true,
      },
      growth("rss", `memory: RSS after ${MEASURED / 1000}k more calls vs after ${WARM_UP / 1000}k warm-up`),
      growth(
        "heapUsed",
        `memory: live JS heap after ${MEASURED / 1000}k more calls vs after ${WARM_UP / 1000}k warm-up`,
      ),
    ];
  },
};
