import type { Reply } from "./router.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredReply {
  fingerprint: string;
  reply: Reply;
  expiresAt: number;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The same request means the same method, path and JSON body (key order ignored). */
export function fingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonical(body)}`;
}

/** First responses to POSTs carrying an Idempotency-Key, kept for 24 hours. */
export class IdempotencyCache {
  private readonly entries = new Map<string, StoredReply>();

  constructor(private readonly limit: number) {}

  get(key: string, now: number): StoredReply | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, fingerprintValue: string, reply: Reply, now: number): void {
    this.entries.set(key, { fingerprint: fingerprintValue, reply, expiresAt: now + IDEMPOTENCY_TTL_MS });
    // A Map keeps insertion order: the first key is the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
