import type { WorkOSError } from "./errors.js";

/** When and how long the client waits before retrying; plain data so it can be tested and overridden. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retrying). */
  maxRetries: number;
  /** Backoff base: the first retry waits between baseDelayMs/2 and baseDelayMs. */
  baseDelayMs: number;
  /** Backoff ceiling before jitter. */
  maxDelayMs: number;
  /** Ceiling for a server's Retry-After. */
  maxRetryAfterMs: number;
  /** HTTP statuses worth retrying. */
  retryStatuses: readonly number[];
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  retryStatuses: Object.freeze([408, 429, 500, 502, 503, 504]),
});

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Whether a failed attempt may be retried: GET/PUT/DELETE always, POST (or PATCH) only with an
 * Idempotency-Key; then only for a retryable status, a connection failure or a timeout. Never for an abort.
 * `errorOrStatus` is an HTTP status or a thrown error.
 */
export function isRetryable(
  method: string,
  hasIdempotencyKey: boolean,
  errorOrStatus: unknown,
  policy: Pick<RetryPolicy, "retryStatuses"> = defaultRetryPolicy,
): boolean {
  if (!IDEMPOTENT_METHODS.has(method.toUpperCase()) && !hasIdempotencyKey) return false;
  if (typeof errorOrStatus === "number") return policy.retryStatuses.includes(errorOrStatus);
  if (!isWorkOSErrorLike(errorOrStatus)) return false;
  if (errorOrStatus.category === "aborted" || errorOrStatus.category === "invalid_path") return false;
  // Statused errors (API errors, unparseable bodies) follow the policy's status list, not the default one.
  if (typeof errorOrStatus.status === "number") return policy.retryStatuses.includes(errorOrStatus.status);
  return errorOrStatus.retryable;
}

function isWorkOSErrorLike(value: unknown): value is Pick<WorkOSError, "category" | "retryable" | "status"> {
  return (
    value instanceof Error &&
    typeof (value as Partial<WorkOSError>).category === "string" &&
    typeof (value as Partial<WorkOSError>).retryable === "boolean"
  );
}

/**
 * Parses a Retry-After value (delay-seconds, decimals tolerated, or an HTTP date) into milliseconds
 * from `now`. Returns undefined for anything else; a date in the past gives 0.
 */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse accepts bare numbers like "-1" as years, so insist on letters (weekday/month/GMT).
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Milliseconds to wait before retry number `attempt` (1 for the first retry). A parseable Retry-After wins,
 * capped at maxRetryAfterMs. Otherwise "equal jitter": half of the exponential step
 * min(maxDelayMs, baseDelayMs * 2^(attempt-1)) is fixed and half is random, so retries never bunch at 0
 * yet still spread out.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterHeader: string | undefined,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs"> = defaultRetryPolicy,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  if (retryAfterHeader !== undefined) {
    const retryAfter = parseRetryAfter(retryAfterHeader, now);
    if (retryAfter !== undefined) return Math.min(retryAfter, policy.maxRetryAfterMs);
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** A full policy from defaults, a maxRetries shortcut and partial overrides; rejects nonsense values. */
export function resolveRetryPolicy(
  maxRetries: number | undefined,
  overrides: Partial<RetryPolicy> = {},
): RetryPolicy {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...overrides };
  if (maxRetries !== undefined) policy.maxRetries = maxRetries;
  for (const key of ["maxRetries", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${key} must be a number >= 0`);
  }
  if (!Number.isInteger(policy.maxRetries)) throw new RangeError("maxRetries must be an integer >= 0");
  return policy;
}
