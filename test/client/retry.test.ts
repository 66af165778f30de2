import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import {
  InvalidPathError,
  NotFoundError,
  ServerError,
  WorkOSAbortError,
  WorkOSConnectionError,
  type WorkOSError,
  WorkOSParseError,
  WorkOSTimeoutError,
} from "../../src/client/errors.js";
import {
  defaultRetryPolicy,
  isRetryable,
  parseRetryAfter,
  resolveRetryPolicy,
  retryDelayMs,
} from "../../src/client/retry.js";

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);

describe("isRetryable by method, idempotency key and status", () => {
  const statuses = [400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504];
  const retryStatuses = new Set([408, 429, 500, 502, 503, 504]);
  for (const method of ["GET", "PUT", "DELETE"] as const) {
    it.each(statuses)(`${method} %i`, (status) => {
      expect(isRetryable(method, false, status)).toBe(retryStatuses.has(status));
    });
  }
  it.each(statuses)("POST with Idempotency-Key %i", (status) => {
    expect(isRetryable("POST", true, status)).toBe(retryStatuses.has(status));
  });
  it.each(statuses)("POST without Idempotency-Key %i is never retried", (status) => {
    expect(isRetryable("POST", false, status)).toBe(false);
  });

  it("follows a custom status list", () => {
    expect(isRetryable("GET", false, 503, { retryStatuses: [500] })).toBe(false);
    expect(isRetryable("GET", false, 500, { retryStatuses: [500] })).toBe(true);
  });
});

describe("isRetryable by error", () => {
  const connection = new WorkOSConnectionError("dropped");
  const timeout = new WorkOSTimeoutError("slow", 10);
  const abort = new WorkOSAbortError();
  const server = new ServerError("boom", { status: 503 });
  const notFound = new NotFoundError("missing", { status: 404 });
  const html502 = new WorkOSParseError(502, "<html>bad gateway</html>");
  const malformed200 = new WorkOSParseError(200, '{"id": "org_');

  it.each([
    ["connection error, GET", "GET", false, connection, true],
    ["connection error, POST with key", "POST", true, connection, true],
    ["connection error, POST without key", "POST", false, connection, false],
    ["timeout, DELETE", "DELETE", false, timeout, true],
    ["timeout, POST without key", "POST", false, timeout, false],
    ["abort, GET", "GET", false, abort, false],
    ["abort, POST with key", "POST", true, abort, false],
    ["503 error, PUT", "PUT", false, server, true],
    ["404 error, GET", "GET", false, notFound, false],
    ["HTML 502, GET", "GET", false, html502, true],
    ["malformed 200, GET", "GET", false, malformed200, false],
    ["invalid path", "GET", false, new InvalidPathError("bad"), false],
    ["foreign error", "GET", false, new TypeError("bug"), false],
    ["non-error value", "GET", false, "string", false],
  ] as const)("%s", (_name, method, hasKey, error, expected) => {
    expect(isRetryable(method, hasKey, error)).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["1", 1000],
    ["30", 30_000],
    [" 2 ", 2000],
    ["2.5", 2500],
    ["120", 120_000],
    [new Date(NOW + 5000).toUTCString(), 5000],
    [new Date(NOW - 5000).toUTCString(), 0],
    ["Sun, 29 Nov 2026 08:01:00 GMT", 60_000],
    ["", undefined],
    ["soon", undefined],
    ["-1", undefined],
    ["1e3", undefined],
    ["Mon, 99 Foo 2026", undefined],
  ] as const)("%j -> %s", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  const half = () => 0.5;

  it.each([
    ["seconds", "1", 1000],
    ["zero", "0", 0],
    ["HTTP date", new Date(NOW + 3000).toUTCString(), 3000],
    ["capped at 60 s", "3600", 60_000],
    ["far HTTP date capped", new Date(NOW + 3_600_000).toUTCString(), 60_000],
  ])("honours Retry-After: %s", (_name, header, expected) => {
    expect(retryDelayMs(1, header, defaultRetryPolicy, half, NOW)).toBe(expected);
  });

  it("falls back to backoff for a garbage Retry-After", () => {
    expect(retryDelayMs(1, "later", defaultRetryPolicy, () => 0, NOW)).toBe(250);
  });

  it.each([
    [1, 250, 500],
    [2, 500, 1000],
    [3, 1000, 2000],
    [4, 2000, 4000],
    [5, 4000, 8000],
    [6, 4000, 8000],
    [30, 4000, 8000],
  ])("retry %i waits between %i and %i ms (equal jitter, 8 s cap)", (attempt, low, high) => {
    expect(retryDelayMs(attempt, undefined, defaultRetryPolicy, () => 0)).toBe(low);
    expect(retryDelayMs(attempt, undefined, defaultRetryPolicy, () => 0.999_999)).toBeLessThanOrEqual(high);
    expect(retryDelayMs(attempt, undefined, defaultRetryPolicy, () => 0.999_999)).toBeGreaterThan(high - 2);
    for (let i = 0; i < 50; i++) {
      const delay = retryDelayMs(attempt, undefined);
      expect(delay).toBeGreaterThanOrEqual(low);
      expect(delay).toBeLessThanOrEqual(high);
    }
  });

  it("uses the policy's base, cap and Retry-After cap", () => {
    const policy = { baseDelayMs: 10, maxDelayMs: 30, maxRetryAfterMs: 1500 };
    expect(retryDelayMs(1, undefined, policy, () => 1)).toBe(10);
    expect(retryDelayMs(5, undefined, policy, () => 1)).toBe(30);
    expect(retryDelayMs(1, "2", policy, () => 1)).toBe(1500);
  });
});

describe("resolveRetryPolicy", () => {
  it("defaults to the documented policy", () => {
    expect(resolveRetryPolicy(undefined)).toEqual({
      maxRetries: 3,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      maxRetryAfterMs: 60_000,
      retryStatuses: [408, 429, 500, 502, 503, 504],
    });
  });

  it("lets maxRetries override the retry object", () => {
    expect(resolveRetryPolicy(0, { maxRetries: 5, baseDelayMs: 1 })).toMatchObject({
      maxRetries: 0,
      baseDelayMs: 1,
    });
  });

  it.each([-1, 1.5, Number.NaN])("rejects maxRetries %s", (value) => {
    expect(() => resolveRetryPolicy(value)).toThrow(RangeError);
  });
});

describe("a custom retry status list through the client", () => {
  it("retries a listed 418 and not an unlisted 500", async () => {
    // Answers /teapot with 418 and anything else with 500, counting attempts per path.
    const attempts = new Map<string, number>();
    const server = createServer((req, res) => {
      const path = req.url ?? "";
      attempts.set(path, (attempts.get(path) ?? 0) + 1);
      res.writeHead(path === "/teapot" ? 418 : 500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "no" }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const client = new WorkOSClient({
      apiKey: "sk_test_statuses",
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      maxRetries: 2,
      retry: { retryStatuses: [418], baseDelayMs: 1, maxDelayMs: 2 },
    });
    try {
      const teapot = await client.get("/teapot").catch((error: WorkOSError) => error);
      expect(teapot).toMatchObject({ status: 418 });
      expect(attempts.get("/teapot")).toBe(3);
      const boom = await client.get("/boom").catch((error: WorkOSError) => error);
      expect(boom).toMatchObject({ status: 500 });
      expect(attempts.get("/boom")).toBe(1);
    } finally {
      await client.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
