import type { EmulatorProcess } from "./emulator.js";
import type { ServerSpecs } from "./mcp.js";
import { formatMs, median } from "./stats.js";

/** One line of the results table. `ratio` is ours / reference: below 1 means ours is faster (or smaller). */
export interface Row {
  benchmark: string;
  ours: string;
  reference: string;
  ratio: number | null;
  goal: string;
  pass: boolean;
  /** How it was measured, or why it failed; goes under the table. */
  note?: string;
}

export interface Goal {
  /** Highest acceptable ours/reference ratio. */
  maxRatio: number;
  /** Strictly below maxRatio ("ours faster") rather than at most. */
  strict?: boolean;
  text: string;
}

/** A row comparing two sets of time samples by their medians. */
export function compareTimes(
  benchmark: string,
  ours: readonly number[],
  reference: readonly number[],
  goal: Goal,
  note?: string,
): Row {
  const ratio = median(ours) / median(reference);
  const spread = roundRatios(ours, reference);
  const described = [note, spread].filter((part) => part !== undefined).join("; ");
  return {
    benchmark,
    ours: formatMs(median(ours)),
    reference: formatMs(median(reference)),
    ratio,
    goal: goal.text,
    pass: goal.strict ? ratio < goal.maxRatio : ratio <= goal.maxRatio,
    ...(described === "" ? {} : { note: described }),
  };
}

/**
 * The spread, when the samples are paired (one of each per interleaved round): each round's ratio, their median
 * and range. A noisy machine shows here first; the row's ratio is that of the medians.
 */
function roundRatios(ours: readonly number[], reference: readonly number[]): string | undefined {
  if (ours.length !== reference.length || ours.length < 3) return undefined;
  const ratios = ours.map((sample, round) => sample / (reference[round] as number));
  const format = (value: number) => value.toFixed(2);
  return (
    `per-round ratio median ${format(median(ratios))}, ` +
    `range ${format(Math.min(...ratios))}–${format(Math.max(...ratios))} over ${ratios.length} rounds`
  );
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null) return "–";
  const speedup = ratio < 0.5 ? ` (${(1 / ratio).toFixed(0)}x faster)` : "";
  return `${ratio.toFixed(ratio < 0.1 ? 4 : 2)}${speedup}`;
}

/** The results as a Markdown table, with the notes as a list below it. */
export function renderTable(rows: readonly Row[]): string {
  const lines = [
    "| benchmark | ours | reference | ratio (ours/ref) | goal | result |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.benchmark} | ${row.ours} | ${row.reference} | ${formatRatio(row.ratio)} | ${row.goal} | ${row.pass ? "pass" : "**FAIL**"} |`,
    ),
  ];
  const notes = rows.filter((row) => row.note !== undefined).map((row) => `- ${row.benchmark}: ${row.note}`);
  return notes.length > 0 ? `${lines.join("\n")}\n\n${notes.join("\n")}` : lines.join("\n");
}

export interface Context {
  /** The smoke variant: fewer rounds and a smaller directory; results are printed, not written. */
  quick: boolean;
  /** The emulator with the demo seed, in its own process. */
  emulator: EmulatorProcess;
  servers: ServerSpecs;
  /** Node flags for our server's processes (--cpu-prof), for benchmarks that spawn it themselves. */
  oursFlags: string[];
  progress(message: string): void;
}

/** A benchmark's own part of BENCHMARKS.md: a heading, its body, and its goals listed under the body. */
export interface Section {
  title: string;
  body: string;
  /** Counted with every other row; listed in the section rather than in the main table. */
  rows: Row[];
}

/** One module per benchmark, each returning its rows, or a section of its own. */
export interface Benchmark {
  name: string;
  run(context: Context): Promise<Row[] | Section>;
}

/** A section as Markdown: heading, body, then its goals as a table. */
export function renderSection(section: Section): string {
  return `## ${section.title}\n\n${section.body}\n\n${renderTable(section.rows)}`;
}
