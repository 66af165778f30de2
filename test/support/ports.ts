import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";

/** A loopback port that was just free and is closed again: a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}
