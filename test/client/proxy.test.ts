import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// A minimal forward proxy that only tunnels (HTTP CONNECT), as corporate proxies do, and counts the tunnels.
let emulator: RunningEmulator;
let proxyUrl: string;
const tunnels: string[] = [];
const proxy = createHttpServer((_request, response) => response.writeHead(405).end());
proxy.on("connect", (request, clientSocket, head) => {
  tunnels.push(String(request.url));
  const [host, port] = String(request.url).split(":");
  const upstream = connect(Number(port), host, () => {
    clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    upstream.write(head);
    upstream.pipe(clientSocket);
    clientSocket.pipe(upstream);
  });
  upstream.on("error", () => clientSocket.destroy());
  clientSocket.on("error", () => upstream.destroy());
});

beforeAll(async () => {
  emulator = await startEmulator();
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  proxy.close();
  await emulator.close();
});

describe("a client with a proxy", () => {
  it("tunnels every request through it and still gets WorkOS answers and errors", async () => {
    const client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, proxy: proxyUrl });
    const list = await client.get<{ data: unknown[] }>("/organizations", { query: { limit: 2 } });
    expect(list.data).toHaveLength(2);
    await expect(client.get("/organizations/org_01HZZZZZZZZZZZZZZZZZZZZZZZ")).rejects.toMatchObject({
      status: 404,
    });
    await client.close();
    const target = new URL(emulator.url).host;
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((tunnel) => tunnel === target)).toBe(true);
  });

  it("without a proxy, connects directly", async () => {
    const before = tunnels.length;
    const client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    await client.get("/organizations", { query: { limit: 1 } });
    await client.close();
    expect(tunnels.length).toBe(before);
  });
});
