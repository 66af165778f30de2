import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { verifyWebhook } from "../src/webhooks/verify.js";

// Measures verifyWebhook on the canonical vector (valid signature, fixed `now`): median µs/op over several rounds.
const N = 20_000;
const ROUNDS = 9;
const WARMUP = 20_000;

interface Vector {
  id: string;
  secret: string;
  payload: string;
  header: string;
  now_ms: number;
  tolerance_seconds: number;
}

const vectorsPath = resolve(process.cwd(), "../shared/webhook-vectors.json");
const vectors = (JSON.parse(readFileSync(vectorsPath, "utf8")) as { vectors: Vector[] }).vectors;
const canonical = vectors.find((v) => v.id === "valid_canonical");
if (!canonical) throw new Error(`valid_canonical not found in ${vectorsPath}`);

const input = {
  payload: canonical.payload,
  header: canonical.header,
  secrets: [canonical.secret],
  toleranceSeconds: canonical.tolerance_seconds,
  now: canonical.now_ms,
};

function round(n: number): number {
  let valid = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (verifyWebhook(input).valid) valid++;
  const elapsed = process.hrtime.bigint() - start;
  // Keeps the result observable so the loop cannot be optimised away.
  if (valid !== n) throw new Error(`expected ${n} valid results, got ${valid}`);
  return Number(elapsed) / 1000 / n;
}

round(WARMUP);
const perOp = Array.from({ length: ROUNDS }, () => round(N)).sort((a, b) => a - b);
const median = perOp[Math.floor(ROUNDS / 2)] as number;
console.log(
  `verifyWebhook (valid_canonical, ${canonical.payload.length} B payload): ${median.toFixed(2)} µs/op ` +
    `(median of ${ROUNDS} rounds x ${N}; min ${(perOp[0] as number).toFixed(2)}, max ${(perOp[ROUNDS - 1] as number).toFixed(2)})`,
);
