import { existsSync } from "node:fs";
import { join } from "node:path";
import { Client as ModernClient } from "@modelcontextprotocol/client";
import { StdioClientTransport as ModernStdioTransport } from "@modelcontextprotocol/client/stdio";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as LegacyStdioTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES } from "../../src/mcp/limits.js";
import { CALL_TABLE, type EraUnderTest, runInEveryEra, tapReceived } from "../support/call-table.js";

// The built CLI with its emulator, as a host launches it, spoken to by both SDK lines' clients over stdio.
const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");
const server = { command: process.execPath, args: [CLI, "--emulator"], stderr: "ignore" as const };

/**
 * The v2 client probes server/discover on a throwaway sibling process when given exactly its own stdio
 * transport, spawning the server (and its emulator) twice; a subclass probes on the connection itself.
 */
class OneProcessStdioTransport extends ModernStdioTransport {}

let modern: ModernClient;
let legacy: LegacyClient;
const eras: EraUnderTest[] = [];

beforeAll(async () => {
  expect(existsSync(CLI), "dist/cli.js is missing: run `npm run build` (npm run check does)").toBe(true);
  modern = new ModernClient(
    { name: "eras-modern", version: "0" },
    { versionNegotiation: { mode: { pin: "2026-07-28" } } },
  );
  legacy = new LegacyClient({ name: "eras-legacy", version: "0" });
  const modernWire = tapReceived(new OneProcessStdioTransport(server));
  const legacyWire = tapReceived(new LegacyStdioTransport(server));
  await Promise.all([modern.connect(modernWire.transport), legacy.connect(legacyWire.transport)]);
  // Listing first makes both clients check every structuredContent against its tool's outputSchema.
  await Promise.all([modern.listTools(), legacy.listTools()]);
  eras.push(
    { era: "2026-07-28", client: modern, received: modernWire.received },
    { era: "2025-11-25", client: legacy, received: legacyWire.received },
  );
});
afterAll(async () => {
  await modern?.close();
  await legacy?.close();
});

// The table runs in its order even in a shuffled run: each era has its own emulator, so once the create has run,
// the page read would list each era's own newly made organization (another id), not the same seed page.
describe("one table of calls over stdio, in both protocol eras", { shuffle: false }, () => {
  it("each client speaks its own era with the same server", () => {
    expect(modern.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    expect(legacy.getServerVersion()).toMatchObject({ name: "workos-mcp" });
    const initialized = eras[1]?.received.find((message) => message.id === 0);
    expect(initialized?.result).toMatchObject({ protocolVersion: "2025-11-25" });
  });

  it.each(CALL_TABLE.map((tableCase) => [tableCase.name, tableCase] as const))(
    "%s: the same in both eras",
    async (_, tableCase) => {
      await runInEveryEra(eras, tableCase);
    },
  );
});

describe("a message over the stdio limit, from each era's client", () => {
  it.each(["2026-07-28", "2025-11-25"] as const)(
    "%s: the refusal reaches the call that sent it, and the session goes on",
    async (era) => {
      const params = {
        name: "validate_webhook",
        arguments: { payload: "x".repeat(MAX_MESSAGE_BYTES), signature_header: "t=1" },
      };
      // The SDK clients write a request's id after its params: the server finds it at the line's end.
      // Unmatched, the refusal would leave the call waiting for its timeout.
      const oversized =
        era === "2026-07-28"
          ? modern.callTool(params, { timeout: 15_000 })
          : legacy.callTool(params, undefined, { timeout: 15_000 });
      await expect(oversized).rejects.toThrow(`larger than ${MAX_MESSAGE_BYTES} bytes`);
      const client = era === "2026-07-28" ? modern : legacy;
      const after = await client.callTool({ name: "list_organizations", arguments: { limit: 1 } });
      expect(after.isError).toBeFalsy();
    },
  );
});
