import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_LEN = 16;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomDigits(): number[] {
  const bytes = randomBytes(RANDOM_LEN);
  return Array.from(bytes, (b) => b % 32);
}

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    const d = next[i] ?? 0;
    if (d < 31) {
      next[i] = d + 1;
      return next;
    }
    next[i] = 0;
  }
  return randomDigits();
}

/** A monotonic ULID: ids minted in the same millisecond still sort in creation order. */
export function ulid(nowMs: number = Date.now()): string {
  if (nowMs <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = nowMs;
    lastRandom = randomDigits();
  }
  return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join("");
}

export function newId(prefix: string, nowMs?: number): string {
  return `${prefix}_${ulid(nowMs)}`;
}

/** A deterministic, valid-looking id for seeds: the time part plus a hash of prefix and counter. */
export function fixedId(prefix: string, timeMs: number, n: number): string {
  const hash = createHash("sha256").update(`${prefix}:${n}`).digest();
  let tail = "";
  for (let i = 0; i < RANDOM_LEN; i++) tail += ALPHABET[(hash[i] ?? 0) % 32];
  return `${prefix}_${encodeTime(timeMs)}${tail}`;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
