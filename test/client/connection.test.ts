import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { WorkOSAbortError, WorkOSError, WorkOSTimeoutError } from "../../src/client/errors.js";

// A bare loopback server that exposes what the emulator cannot: its TCP connections.
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const sockets: Socket[] = [];
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on("connection", (socket: Socket) => sockets.push(socket));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return { server, sockets, requests, url: `http://127.0.0.1:${port}` };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(client: WorkOSClient, server: Server): void {
  cleanups.push(async () => {
    await client.close();
    server.closeAllConnections();
    server.close();
  });
}

describe("connection handling", () => {
  it("reuses keep-alive connections for sequential requests", async () => {
    const { server, sockets, url } = await listen((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end('{"ok":true}');
    });
    const client = new WorkOSClient({ apiKey: "sk_test_keepalive", baseUrl: url });
    track(client, server);
    for (let i = 0; i < 10; i++) expect(await client.get("/ping")).toEqual({ ok: true });
    // undici's Pool marks a connection free a microtask after the body ends, so a request sent at once
    // may open a second socket; both are then reused.
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    expect(sockets.length).toBeLessThanOrEqual(2);
    expect(sockets.every((socket) => !socket.destroyed)).toBe(true);
  });

  it("warm() makes the pool without opening a connection; requests then use it, and close() still closes", async () => {
    const { server, sockets, requests, url } = await listen((_req, res) => res.end('{"ok":true}'));
    const client = new WorkOSClient({ apiKey: "sk_test_warm", baseUrl: url });
    track(client, server);
    client.warm();
    client.warm();
    // Long enough for undici's import and the pool: still no socket, no request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets).toEqual([]);
    expect(requests).toEqual([]);
    expect(await client.get("/ping")).toEqual({ ok: true });
    await client.close();
    client.warm();
    await expect(client.get("/ping")).rejects.toThrow("The WorkOS client is closed.");
  });

  it("sends bearer auth, and no Content-Type without a body", async () => {
    const { server, requests, url } = await listen((_req, res) => res.end());
    const client = new WorkOSClient({ apiKey: "sk_test_headers", baseUrl: url });
    track(client, server);
    expect(await client.delete("/organizations/org_1")).toBeUndefined();
    const [request] = requests;
    expect(request?.headers.authorization).toBe("Bearer sk_test_headers");
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.headers["content-length"]).toBeUndefined();
  });

  it("an abort reaches the socket: the server sees the connection close", async () => {
    const { server, sockets, url } = await listen(() => {
      // Never answers.
    });
    const client = new WorkOSClient({ apiKey: "sk_test_abort", baseUrl: url });
    track(client, server);
    const controller = new AbortController();
    const pending = client.get("/hang", { signal: controller.signal }).catch((error: unknown) => error);
    await once(server, "request");
    const socket = sockets[0] as Socket;
    const closed = once(socket, "close");
    controller.abort();
    expect(await pending).toBeInstanceOf(WorkOSAbortError);
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it("a timeout also closes the socket and the next request opens a fresh one", async () => {
    let answer = false;
    const { server, sockets, url } = await listen((_req, res) => {
      if (answer) res.end("{}");
    });
    const client = new WorkOSClient({
      apiKey: "sk_test_timeout",
      baseUrl: url,
      maxRetries: 0,
      timeoutMs: 100,
    });
    track(client, server);
    const error = await client.get("/hang").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkOSTimeoutError);
    await once(sockets[0] as Socket, "close");
    answer = true;
    expect(await client.get("/ok")).toEqual({});
    expect(sockets[0]?.destroyed).toBe(true);
    expect(sockets.at(-1)?.destroyed).toBe(false);
  });

  it("a 2xx with an empty body resolves to undefined and a JSON body is parsed", async () => {
    const { server, url } = await listen((req, res) => {
      res.statusCode = req.url === "/empty" ? 202 : 201;
      res.end(req.url === "/empty" ? "" : '{"id":"org_1"}');
    });
    const client = new WorkOSClient({ apiKey: "sk_test_empty", baseUrl: url });
    track(client, server);
    expect(await client.delete("/empty")).toBeUndefined();
    expect(await client.post("/created", { body: {} })).toEqual({ id: "org_1" });
  });

  it("fails fast after close() without touching the network", async () => {
    const { server, requests, url } = await listen((_req, res) => res.end("{}"));
    const client = new WorkOSClient({ apiKey: "sk_test_closed", baseUrl: url });
    track(client, server);
    await client.close();
    await client.close();
    await expect(client.get("/x")).rejects.toMatchObject({
      message: "The WorkOS client is closed.",
      retryable: false,
    });
    await expect(client.get("/x")).rejects.toBeInstanceOf(WorkOSError);
    expect(requests).toHaveLength(0);
  });
});
