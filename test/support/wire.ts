import { afterAll, beforeAll } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { clientOptions, loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// What tests that speak raw JSON-RPC to the server share: the 2026-07-28 envelope, the 2025-11-25 opening, how
// two answers are compared, and an emulator with a WorkOS client of it.

/** What every 2026-07-28 request carries in its params' _meta, as the client named `name` sends it. */
export function envelope(name = "raw"): Record<string, unknown> {
  return {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name, version: "0" },
    "io.modelcontextprotocol/clientCapabilities": {},
  };
}

/** A 2025-11-25 client's initialize request. */
export function initialize(id: number) {
  return {
    jsonrpc: "2.0",
    id,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
  };
}

/** What differs per call whoever answers (fence tag, WorkOS request id, confirmation token and its expiry). */
export function normalized(text: string): string {
  return text
    .replace(/workos-data-[0-9a-f]{8}/g, "workos-data-TAG")
    .replace(/req_[0-9A-Z]{26}/g, "req_ID")
    .replace(/ct_[0-9a-z]+_[0-9a-f]{64}/g, "ct_TOKEN")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "TIME");
}

/** An emulator and a WorkOS client of it, made as the CLI makes one, for a file's tests (from beforeAll on). */
export function emulatorForFile(): { emulator: RunningEmulator; workos: WorkOSClient } {
  const shared = {} as { emulator: RunningEmulator; workos: WorkOSClient };
  beforeAll(async () => {
    shared.emulator = await startEmulator();
    shared.workos = new WorkOSClient(
      clientOptions({
        ...loadConfig({ WORKOS_API_KEY: shared.emulator.apiKey }, []),
        baseUrl: shared.emulator.url,
      }),
    );
  });
  afterAll(async () => {
    await shared.workos?.close();
    await shared.emulator?.close();
  });
  return shared;
}
