import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { callMany, connect, type ServerSpec } from "./lib/mcp.js";
import type { Benchmark, Row } from "./lib/report.js";
import { formatBytes, median } from "./lib/stats.js";

const PROBE = join(import.meta.dirname, "lib", "gc-probe.mjs");
const MARKER = "bench-gc-probe ";
/** V8's heaps and the allocator grow for the first several thousand calls (RSS settles by about 10k); flatness is judged after. */
const WARM_UP = 10_000;
const MEASURED = 10_000;
const STEP = 1_000;
/** Idle, early, then every 1,000 calls across the measured stretch. */
const CHECKPOINTS = [0, STEP, ...Array.from({ length: MEASURED / STEP + 1 }, (_, i) => WARM_UP + i * STEP)];
/**
 * One RSS reading swings with V8 resizing its young generation, so each end of the measured stretch is the
 * median of the checkpoints in its first and last 40%: growth means the level moved, not one sample.
 */
const WINDOW = 0.4 * MEASURED;
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

/** The median of a field over the checkpoints from `from` to `to` calls, inclusive. */
function level(samples: readonly Sample[], field: "rss" | "heapUsed", from: number, to: number): number {
  return median(samples.filter(({ calls }) => calls >= from && calls <= to).map((sample) => sample[field]));
}

function trail(samples: readonly Sample[], field: "rss" | "heapUsed"): string {
  return samples
    .filter(({ calls }) => calls % (MEASURED / 2) === 0 || calls === STEP)
    .map((sample) => `${sample.calls}: ${formatBytes(sample[field])}`)
    .join(", ");
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
    const early = (samples: Sample[], field: "rss" | "heapUsed") =>
      level(samples, field, WARM_UP, WARM_UP + WINDOW);
    const late = (samples: Sample[], field: "rss" | "heapUsed") => level(samples, field, end - WINDOW, end);
    const growth = (field: "rss" | "heapUsed", benchmark: string): Row => {
      const ratio = late(ours, field) / early(ours, field);
      const control = late(floor, field) / early(floor, field);
      return {
        benchmark,
        ours: formatBytes(late(ours, field)),
        reference: formatBytes(early(ours, field)),
        ratio,
        goal: `≤ ${FLAT[field]} (flat)`,
        pass: ratio <= FLAT[field],
        note: `median of the checkpoints (every ${STEP}) in the first and last ${WINDOW / 1000}k of the measured calls; by calls made: ${trail(ours, field)}; floor control ${control.toFixed(2)} (${trail(floor, field)})`,
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
