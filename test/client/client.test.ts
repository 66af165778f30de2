import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type List, WorkOSClient } from "../../src/client/client.js";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InvalidPathError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  WorkOSAbortError,
  WorkOSConnectionError,
  WorkOSError,
  WorkOSParseError,
  WorkOSTimeoutError,
} from "../../src/client/errors.js";
import { path } from "../../src/client/path.js";
import { VERSION } from "../../src/client/version.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { EmulatorControl, header } from "./emulator-control.js";

interface Organization {
  id: string;
  name: string;
  external_id: string | null;
}

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

let emulator: RunningEmulator;
let control: EmulatorControl;
let client: WorkOSClient;

beforeAll(async () => {
  emulator = await startEmulator();
  control = new EmulatorControl(emulator.url, emulator.apiKey);
  client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, retry: FAST_RETRY });
});

afterAll(async () => {
  await client?.close();
  await emulator?.close();
});

beforeEach(async () => {
  // Reset restores the seed and clears faults, the request log and stored idempotency keys.
  await control.reset();
});

/** Everything about an error a human or a log could ever see. */
function expectNoSecret(error: unknown, secret: string): void {
  expect(error).toBeInstanceOf(WorkOSError);
  const seen: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    seen.push(String(current), current.message, current.stack ?? "", JSON.stringify(current));
    current = current.cause;
  }
  seen.push((error as WorkOSError).summary);
  for (const text of seen) expect(text).not.toContain(secret);
}

async function failure(promise: Promise<unknown>): Promise<WorkOSError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkOSError);
    return error as WorkOSError;
  }
  throw new Error("expected the request to fail");
}

describe("verbs and wire format", () => {
  it("creates, reads, updates and deletes an organization", async () => {
    const created = await client.post<Organization>("/organizations", { body: { name: "Verb Test Inc" } });
    expect(created.name).toBe("Verb Test Inc");
    const id = created.id;

    expect((await client.get<Organization>(path`/organizations/${id}`)).name).toBe("Verb Test Inc");
    const updated = await client.put<Organization>(path`/organizations/${id}`, { body: { name: "Renamed" } });
    expect(updated.name).toBe("Renamed");
    expect(await client.delete(path`/organizations/${id}`)).toBeUndefined();
    await expect(client.get(path`/organizations/${id}`)).rejects.toBeInstanceOf(NotFoundError);

    const log = await control.requests();
    expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      "POST /organizations",
      `GET /organizations/${id}`,
      `PUT /organizations/${id}`,
      `DELETE /organizations/${id}`,
      `GET /organizations/${id}`,
    ]);
    for (const entry of log) {
      expect(header(entry, "user-agent")).toBe(`workos-mcp/${VERSION}`);
      expect(header(entry, "accept")).toBe("application/json");
      expect(header(entry, "authorization")).toBeUndefined();
      const hasBody = entry.method === "POST" || entry.method === "PUT";
      expect(header(entry, "content-type")).toBe(hasBody ? "application/json" : undefined);
    }
    expect(header(log[0] as (typeof log)[0], "idempotency-key")).toMatch(/^workos-mcp-[0-9a-f-]{36}$/);
    expect(log[0]?.body).toEqual({ name: "Verb Test Inc" });
    expect(header(log[1] as (typeof log)[0], "idempotency-key")).toBeUndefined();
  });

  it("uses a caller's Idempotency-Key verbatim", async () => {
    await client.post("/organizations", { body: { name: "Keyed" }, idempotencyKey: "my-key-1" });
    const [entry] = await control.requests();
    expect(entry && header(entry, "idempotency-key")).toBe("my-key-1");
  });

  it("encodes the query like the SDK: one comma-joined domains parameter, nulls dropped", async () => {
    await client.get("/organizations", {
      query: {
        domains: ["acme.com", "acme.io"],
        search: "Acme Corp",
        limit: 5,
        before: null,
        after: undefined,
      },
    });
    const [entry] = await control.requests();
    // A single string (not an array) proves ONE domains parameter reached the server.
    expect(entry?.query).toEqual({ domains: "acme.com,acme.io", search: "Acme Corp", limit: "5" });
    expect(Object.keys(entry?.query ?? {})).toEqual(["domains", "search", "limit"]);
  });

  it("keeps a base URL path prefix", async () => {
    const prefixed = new WorkOSClient({
      apiKey: emulator.apiKey,
      baseUrl: `${emulator.url}/v1/`,
      maxRetries: 0,
    });
    try {
      expect(prefixed.baseUrl).toBe(`${emulator.url}/v1`);
      await expect(prefixed.get("/organizations")).rejects.toBeInstanceOf(WorkOSError);
      const [entry] = await control.requests();
      expect(entry?.path).toBe("/v1/organizations");
    } finally {
      await prefixed.close();
    }
  });
});

describe("hostile path ids", () => {
  it.each([
    ["org_1/../../directories", "/organizations/org_1%2F..%2F..%2Fdirectories"],
    ["x?y=1", "/organizations/x%3Fy%3D1"],
    ["%2e%2e", "/organizations/%252e%252e"],
    ["a b", "/organizations/a%20b"],
    ["Zürich", "/organizations/Z%C3%BCrich"],
  ])("%j stays one segment and gets a 404", async (id, encoded) => {
    const error = await failure(client.get(path`/organizations/${id}`));
    expect(error).toBeInstanceOf(NotFoundError);
    const log = await control.requests();
    expect(log).toHaveLength(1);
    expect(log[0]?.path).toBe(encoded);
    expect(log[0]?.query).toEqual({});
  });

  it.each(["", ".", ".."])("%j is rejected before any request", async (id) => {
    expect(() => client.get(path`/organizations/${id}`)).toThrow(InvalidPathError);
    await expect(client.delete("/organizations/../directories")).rejects.toBeInstanceOf(InvalidPathError);
    await expect(client.get("/organizations?x=1")).rejects.toBeInstanceOf(InvalidPathError);
    expect(await control.requests()).toHaveLength(0);
  });
});

describe("errors", () => {
  it("401 with a wrong key never shows the key", async () => {
    const wrongKey = "sk_test_wrong_key_123456";
    const wrong = new WorkOSClient({ apiKey: wrongKey, baseUrl: emulator.url });
    try {
      const error = await failure(wrong.get("/organizations"));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, category: "authentication", retryable: false });
      expectNoSecret(error, wrongKey);
      expect(await control.requests()).toHaveLength(1);
    } finally {
      await wrong.close();
    }
  });

  it("404 keeps code, message and request id", async () => {
    const error = await failure(client.get(path`/organizations/${"org_missing"}`));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe("entity_not_found");
    expect(error.message).toContain("org_missing");
    expect(error.requestId).toMatch(/.+/);
    expect(error.summary).toContain(`(request ${error.requestId})`);
    expect(await control.requests()).toHaveLength(1);
  });

  it("422 from the API keeps field errors", async () => {
    const error = await failure(client.get("/organizations", { query: { limit: 500 } }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe("invalid_request_parameters");
    expect(error.errors).toEqual([expect.objectContaining({ field: "limit", code: "limit_out_of_range" })]);
  });

  it.each([
    [
      400,
      BadRequestError,
      {
        message: "Bad metadata",
        code: "invalid_metadata",
        errors: [{ field: "metadata", code: "too_long" }],
      },
    ],
    [409, ConflictError, { message: "Domain taken", code: "domain_conflict", errors: [] }],
    [
      422,
      UnprocessableEntityError,
      { message: "Invalid", code: "invalid", errors: [{ field: "name", code: "required" }] },
    ],
  ] as const)("injected %i keeps code, errors and request id", async (status, type, body) => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status,
      body,
      headers: { "X-Request-ID": "req_fault_1" },
      times: 1,
    });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code: body.code, message: body.message, requestId: "req_fault_1" });
    expect(error.errors).toEqual(body.errors);
  });

  it("5xx after exhausting retries is a ServerError with the final body", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 500,
      body: { message: "boom" },
      times: 10,
    });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, message: "boom", retryable: true });
    expect(await control.requests()).toHaveLength(4);
  });

  it("malformed JSON on a 200 is a parse error and is not retried", async () => {
    await control.addFault({ method: "GET", path: "/organizations", action: "malformed_json", times: 5 });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(WorkOSParseError);
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(200);
    expect(await control.requests()).toHaveLength(1);
  });

  it("an HTML 502 is a parse error with status and excerpt, retried", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 502,
      body: html,
      headers: { "content-type": "text/html" },
      times: 10,
    });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(WorkOSParseError);
    expect(error.status).toBe(502);
    expect((error as WorkOSParseError).excerpt).toContain("502 Bad Gateway");
    expect(error.message).toContain("HTTP 502");
    expect(await control.requests()).toHaveLength(4);
  });

  it("a dropped connection is a WorkOSConnectionError", async () => {
    await control.addFault({ method: "GET", path: "/organizations", action: "reset", times: 10 });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(WorkOSConnectionError);
    expect(error).toMatchObject({ category: "connection", retryable: true });
    expectNoSecret(error, emulator.apiKey);
  });

  it("a refused connection is a WorkOSConnectionError after retries", async () => {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    server.close();
    await once(server, "close");
    const closed = new WorkOSClient({
      apiKey: "sk_test_refused",
      baseUrl: `http://127.0.0.1:${port}`,
      retry: FAST_RETRY,
    });
    try {
      const error = await failure(closed.get("/organizations"));
      expect(error).toBeInstanceOf(WorkOSConnectionError);
      expect(error.message).toContain("ECONNREFUSED");
    } finally {
      await closed.close();
    }
  });

  it("a hanging server gives a WorkOSTimeoutError after timeoutMs", async () => {
    await control.addFault({ method: "GET", path: "/organizations", action: "hang", times: 10 });
    const started = Date.now();
    const error = await failure(client.get("/organizations", { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(WorkOSTimeoutError);
    expect(error).toMatchObject({ category: "timeout", retryable: true, timeoutMs: 150 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 140);
    expect(await control.requests()).toHaveLength(4);
  });

  it("a timed-out attempt is retried and can succeed", async () => {
    await control.addFault({ method: "GET", path: "/organizations", action: "hang", times: 1 });
    const list = await client.get<List<Organization>>("/organizations", { timeoutMs: 150 });
    expect(list.object).toBe("list");
    expect(await control.requests()).toHaveLength(2);
  });

  it("an AbortController cancels a hanging request promptly", async () => {
    await control.addFault({ method: "GET", path: "/organizations", action: "hang", times: 10 });
    const controller = new AbortController();
    const pending = failure(client.get("/organizations", { signal: controller.signal }));
    await control.waitForRequest("/organizations");
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(WorkOSAbortError);
    expect(error.retryable).toBe(false);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(await control.requests()).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    await expect(client.get("/organizations", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      WorkOSAbortError,
    );
    expect(await control.requests()).toHaveLength(0);
  });

  it("aborting during the wait between retries returns promptly", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 503,
      headers: { "Retry-After": "30" },
    });
    const controller = new AbortController();
    const pending = failure(client.get("/organizations", { signal: controller.signal }));
    await control.waitForRequest("/organizations");
    const abortedAt = Date.now();
    controller.abort();
    expect(await pending).toBeInstanceOf(WorkOSAbortError);
    expect(Date.now() - abortedAt).toBeLessThan(500);
  });

  it("redacts the API key if a server echoes it", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 400,
      body: { message: `Key ${emulator.apiKey} is not allowed here`, code: "echo" },
    });
    const error = await failure(client.get("/organizations"));
    expect(error.message).toBe("Key sk_…redacted is not allowed here");
    expectNoSecret(error, emulator.apiKey);
  });
});

describe("retries", () => {
  it("honours Retry-After: 0 on 429", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 429,
      body: { message: "Too many requests", code: "rate_limit_exceeded" },
      headers: { "Retry-After": "0" },
      times: 2,
    });
    const slow = new WorkOSClient({
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
      retry: { baseDelayMs: 10_000 },
    });
    try {
      const started = Date.now();
      await slow.get("/organizations");
      // A 10 s backoff base would show if Retry-After were ignored.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await slow.close();
    }
    expect(await control.requests()).toHaveLength(3);
  });

  it("waits for Retry-After: 1", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 429,
      body: JSON.stringify("Ratelimited"),
      headers: { "Retry-After": "1" },
      times: 1,
    });
    const started = Date.now();
    await client.get("/organizations");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await control.requests()).toHaveLength(2);
  });

  it("gives up with a RateLimitError carrying retryAfterMs", async () => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status: 429,
      body: JSON.stringify("Ratelimited"),
      headers: { "Retry-After": "0" },
      times: 10,
    });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ message: "Ratelimited", retryAfterMs: 0 });
    expect(await control.requests()).toHaveLength(4);
  });

  it.each([408, 500, 502, 503, 504])("retries GET on %i with backoff", async (status) => {
    await control.addFault({
      method: "GET",
      path: "/organizations",
      status,
      body: { message: "x" },
      times: 2,
    });
    await client.get("/organizations");
    expect(await control.requests()).toHaveLength(3);
  });

  it("maxRetries bounds the attempts", async () => {
    const once1 = new WorkOSClient({
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
      maxRetries: 1,
      retry: FAST_RETRY,
    });
    try {
      await control.addFault({
        method: "GET",
        path: "/organizations",
        status: 503,
        body: { message: "x" },
        times: 5,
      });
      await expect(once1.get("/organizations")).rejects.toBeInstanceOf(ServerError);
      expect(await control.requests()).toHaveLength(2);
    } finally {
      await once1.close();
    }
  });

  it("does not retry 404", async () => {
    await expect(client.get(path`/organizations/${"org_nope"}`)).rejects.toBeInstanceOf(NotFoundError);
    expect(await control.requests()).toHaveLength(1);
  });

  it("retries PUT and DELETE", async () => {
    const org = await client.post<Organization>("/organizations", { body: { name: "Retry PUT" } });
    const orgPath = path`/organizations/${org.id}`;
    await control.clearLog();
    await control.addFault({ method: "PUT", path: orgPath, status: 503, body: { message: "x" }, times: 1 });
    await control.addFault({
      method: "DELETE",
      path: orgPath,
      status: 502,
      body: { message: "x" },
      times: 1,
    });
    await client.put(orgPath, { body: { name: "Retried" } });
    await client.delete(orgPath);
    expect((await control.requests()).map((entry) => entry.method)).toEqual([
      "PUT",
      "PUT",
      "DELETE",
      "DELETE",
    ]);
  });

  it("does not retry a POST without an Idempotency-Key", async () => {
    await control.addFault({
      method: "POST",
      path: "/organizations",
      status: 500,
      body: { message: "x" },
      times: 1,
    });
    await expect(
      client.request("POST", "/organizations", { body: { name: "No Key" } }),
    ).rejects.toBeInstanceOf(ServerError);
    const log = await control.requests();
    expect(log).toHaveLength(1);
    expect(log[0] && header(log[0], "idempotency-key")).toBeUndefined();
  });

  it("sends patch() as PATCH, and does not retry it (not idempotent by definition)", async () => {
    const endpoint = "/webhook_endpoints/we_01JZZZZZZZZZZZZZZZZZZZZZZZ";
    await control.addFault({
      method: "PATCH",
      path: endpoint,
      status: 503,
      body: { message: "x" },
      times: 1,
    });
    await expect(client.patch(endpoint, { body: { status: "enabled" } })).rejects.toBeInstanceOf(ServerError);
    const log = await control.requests();
    expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`PATCH ${endpoint}`]);
    expect(log[0]?.body).toEqual({ status: "enabled" });
  });

  it("retries post() with the SAME Idempotency-Key", async () => {
    await control.addFault({
      method: "POST",
      path: "/organizations",
      status: 503,
      body: { message: "x" },
      times: 2,
    });
    await client.post("/organizations", { body: { name: "Same Key" } });
    const log = await control.requests();
    expect(log).toHaveLength(3);
    const keys = new Set(log.map((entry) => header(entry, "idempotency-key")));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^workos-mcp-/);
  });

  it("uses a fresh key for each post() call", async () => {
    await client.post("/organizations", { body: { name: "One" } });
    await client.post("/organizations", { body: { name: "Two" } });
    const keys = (await control.requests()).map((entry) => header(entry, "idempotency-key"));
    expect(new Set(keys).size).toBe(2);
  });

  it("a POST whose response is lost after the server acted creates exactly one organization", async () => {
    await control.addFault({ method: "POST", path: "/organizations", action: "reset_after", times: 1 });
    const created = await client.post<Organization>("/organizations", { body: { name: "Exactly Once LLC" } });
    const log = await control.requests();
    expect(log.filter((entry) => entry.method === "POST")).toHaveLength(2);
    const list = await client.get<List<Organization>>("/organizations", {
      query: { search: "Exactly Once" },
    });
    expect(list.data.map((org) => org.id)).toEqual([created.id]);
  });
});

describe("pagination over 250 organizations", () => {
  let big: RunningEmulator;
  let bigControl: EmulatorControl;
  let bigClient: WorkOSClient;
  let newestFirst: string[];

  beforeAll(async () => {
    const organizations = Array.from({ length: 250 }, (_, index) => ({
      name: `Org ${String(index).padStart(3, "0")}`,
    }));
    big = await startEmulator({ seed: { organizations } });
    bigControl = new EmulatorControl(big.url, big.apiKey);
    bigClient = new WorkOSClient({ apiKey: big.apiKey, baseUrl: big.url });
  });

  afterAll(async () => {
    await bigClient?.close();
    await big?.close();
  });

  beforeEach(async () => {
    await bigControl.clearLog();
  });

  async function ids(iterable: AsyncIterable<Organization>): Promise<string[]> {
    const result: string[] = [];
    for await (const org of iterable) result.push(org.id);
    return result;
  }

  it("walks 100 at a time in exactly 3 requests", async () => {
    const sizes: number[] = [];
    for await (const page of bigClient.pages<Organization>("/organizations", { query: { order: "desc" } })) {
      sizes.push(page.data.length);
    }
    expect(sizes).toEqual([100, 100, 50]);
    const log = await bigControl.requests();
    expect(log).toHaveLength(3);
    expect(log.map((entry) => entry.query.limit)).toEqual(["100", "100", "100"]);
    expect(log[0]?.query.after).toBeUndefined();
    expect(log[1]?.query.after).toEqual(expect.any(String));
  });

  it("asc, desc, after and before agree", async () => {
    newestFirst = await ids(bigClient.items<Organization>("/organizations", { query: { order: "desc" } }));
    expect(newestFirst).toHaveLength(250);
    expect(new Set(newestFirst).size).toBe(250);

    const oldestFirst = await ids(
      bigClient.items<Organization>("/organizations", { query: { order: "asc" } }),
    );
    expect(oldestFirst).toEqual([...newestFirst].reverse());

    // Walk backwards from the oldest organization towards the newest.
    const oldest = newestFirst.at(-1) as string;
    const backwardPages: string[][] = [];
    for await (const page of bigClient.pages<Organization>("/organizations", {
      query: { order: "desc", before: oldest },
      direction: "before",
    })) {
      backwardPages.push(page.data.map((org) => org.id));
    }
    expect(backwardPages.map((page) => page.length)).toEqual([100, 100, 49]);
    expect(backwardPages.reverse().flat()).toEqual(newestFirst.slice(0, 249));
  });

  it("maxItems caps items and requests", async () => {
    const all = await ids(bigClient.items<Organization>("/organizations", { query: { order: "desc" } }));
    await bigControl.clearLog();
    const first150 = await ids(
      bigClient.items<Organization>("/organizations", { query: { order: "desc" }, maxItems: 150 }),
    );
    expect(first150).toEqual(all.slice(0, 150));
    const log = await bigControl.requests();
    expect(log.map((entry) => entry.query.limit)).toEqual(["100", "50"]);
  });

  it("a 429 mid-walk is absorbed by the ordinary retry", async () => {
    const all: string[] = [];
    let pages = 0;
    for await (const page of bigClient.pages<Organization>("/organizations", { pageSize: 100 })) {
      pages++;
      all.push(...page.data.map((org) => org.id));
      if (pages === 1) {
        await bigControl.addFault({
          method: "GET",
          path: "/organizations",
          status: 429,
          body: JSON.stringify("Ratelimited"),
          headers: { "Retry-After": "0" },
          times: 1,
        });
      }
    }
    expect(new Set(all).size).toBe(250);
    expect(await bigControl.requests()).toHaveLength(4);
  });
});
