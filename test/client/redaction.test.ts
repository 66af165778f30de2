import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { WorkOSConnectionError, WorkOSError } from "../../src/client/errors.js";
import { registerSecret } from "../support/secret-scan.js";

const KEY = "sk_test_echoed_back_0123456789";
registerSecret(KEY);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A hostile WorkOS stand-in on loopback: the handler gets the key the client sent in Authorization. */
async function echoing(handler: (key: string, req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    handler(String(req.headers.authorization).replace(/^Bearer /, ""), req, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const client = new WorkOSClient({
    apiKey: KEY,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  cleanups.push(async () => {
    await client.close();
    server.closeAllConnections();
    server.close();
  });
  return client;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

/** Everything about an error a person, a log or a model could see, down its cause chain. */
function exposedText(error: unknown): string[] {
  const seen: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    seen.push(String(current), current.message, current.stack ?? "", JSON.stringify(current));
    if (current instanceof WorkOSError) seen.push(current.summary, current.requestId ?? "");
    current = current.cause;
  }
  return seen;
}

function expectKeyHidden(error: unknown): void {
  expect(error).toBeInstanceOf(WorkOSError);
  for (const text of exposedText(error)) expect(text).not.toContain(KEY);
}

describe("the API key echoed by a hostile upstream never reaches a WorkOSError", () => {
  it("sanity: the stand-in really echoes the key the client sent", async () => {
    let echoed: string | undefined;
    const client = await echoing((key, _req, res) => {
      echoed = key;
      res.end("{}");
    });
    await client.get("/organizations");
    expect(echoed).toBe(KEY);
  });

  it("in X-Request-ID of an error response", async () => {
    const client = await echoing((key, _req, res) => {
      res.writeHead(400, { "content-type": "application/json", "x-request-id": `req_${key}` });
      res.end(JSON.stringify({ message: "Bad request", code: "bad" }));
    });
    expectKeyHidden(await failure(client.get("/organizations")));
  });

  it("in X-Request-ID of a retried 503", async () => {
    const client = await echoing((key, _req, res) => {
      res.writeHead(503, { "content-type": "application/json", "x-request-id": key });
      res.end(JSON.stringify({ message: "Unavailable" }));
    });
    expectKeyHidden(await failure(client.get("/organizations")));
  });

  it("in X-Request-ID of a 2xx that is not JSON", async () => {
    const client = await echoing((key, _req, res) => {
      res.writeHead(200, { "content-type": "text/html", "x-request-id": key });
      res.end("<html>not json</html>");
    });
    expectKeyHidden(await failure(client.get("/organizations")));
  });

  it("in the headers of a response whose connection then drops", async () => {
    const client = await echoing((key, _req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": "100",
        "x-request-id": key,
      });
      res.write('{"object":');
      setImmediate(() => res.destroy());
    });
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(WorkOSConnectionError);
    expectKeyHidden(error);
  });

  it("in the message of a refused connection (a base URL pasted with the key in it)", async () => {
    const closed = createTcpServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, "close");
    const client = new WorkOSClient({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/${KEY}`,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    cleanups.push(() => client.close());
    const error = await failure(client.get("/organizations"));
    expect(error).toBeInstanceOf(WorkOSConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expectKeyHidden(error);
  });

  it("in the bytes of a response that is not HTTP (a connection error)", async () => {
    const client = await echoing((key, _req, res) => {
      res.socket?.end(`${key} is not how HTTP starts\r\n\r\n`);
    });
    expectKeyHidden(await failure(client.get("/organizations")));
  });

  it("in the status line of a malformed response (a connection error)", async () => {
    const client = await echoing((key, _req, res) => {
      res.socket?.end(`HTTP/1.1 2x0 ${key}\r\n\r\n`);
    });
    expectKeyHidden(await failure(client.get("/organizations")));
  });
});
