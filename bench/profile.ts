// `tsx bench/profile.ts FILE.cpuprofile [N]`: where a `node --cpu-prof` profile spent its time, by package/file and by function.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = "15"] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: tsx bench/profile.ts FILE.cpuprofile [N]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});

/** node_modules/<pkg>, dist/<file>, node:<builtin>, or the V8 pseudo-frame name. */
function owner({ url, functionName }: ProfileNode["callFrame"]): string {
  if (url === "") return `(${functionName || "native"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg !== undefined) return pkg;
  return url.replace(/^file:\/\/.*?\/(dist|bench|src)\//, "$1/");
}

function table(title: string, key: (node: ProfileNode) => string): void {
  const totals = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const name = key(byId.get(id) as ProfileNode);
    totals.set(name, (totals.get(name) ?? 0) + ms);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title} (self time, ${all.toFixed(0)} ms sampled)`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${name}`);
  }
}

table("by package or file", (node) => owner(node.callFrame));
table(
  "by function",
  ({ callFrame }) =>
    `${callFrame.functionName || "(anonymous)"} ${owner(callFrame)}:${callFrame.lineNumber + 1}`,
);
