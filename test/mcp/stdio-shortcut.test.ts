import { PassThrough } from "node:stream";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { stdioServing } from "../../src/server.js";
import { StdioTransport } from "../../src/stdio.js";
import type { ToolCallShortcut } from "../../src/stdio-shortcut.js";
import { emulatorForFile, envelope, initialize, normalized } from "../support/wire.js";

// Plain tool calls over stdio are answered by src/stdio-shortcut.ts instead of the SDK. Its answers must be the
// SDK's, byte for byte: the same raw lines go to a server with the shortcut and to one without, one at a time.

const ORG = Object.values(DEMO_IDS.organizations)[0] as string;
const ENVELOPE = envelope();
const CODEX_ENVELOPE = envelope("codex-mcp-client");

const shared = emulatorForFile();

interface Wire {
  /** Sends one raw line and resolves with what the server wrote until the answer with this id. */
  ask(message: Record<string, unknown>): Promise<string[]>;
  send(message: Record<string, unknown>): void;
  shortcut: ToolCallShortcut;
  close(): Promise<void>;
}

function serve(withShortcut: boolean): Wire {
  const config = {
    ...loadConfig({ WORKOS_API_KEY: shared.emulator.apiKey }, []),
    baseUrl: shared.emulator.url,
  };
  const { factory, shortcut } = stdioServing(config, { client: shared.workos });
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const transport = new StdioTransport(stdin, stdout);
  if (withShortcut) transport.shortcut = shortcut;
  const serving = serveStdio(factory, { transport });
  const lines: string[] = [];
  let waiting: (() => void) | undefined;
  let buffer = "";
  stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (let newline = buffer.indexOf("\n"); newline !== -1; newline = buffer.indexOf("\n")) {
      lines.push(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      waiting?.();
    }
  });
  const send = (message: Record<string, unknown>) => stdin.write(`${JSON.stringify(message)}\n`);
  return {
    shortcut,
    send,
    async ask(message) {
      const start = lines.length;
      send(message);
      const answered = () =>
        lines.slice(start).some((line) => (JSON.parse(line) as { id?: unknown }).id === message.id);
      while (!answered()) await new Promise<void>((resolve) => (waiting = resolve));
      return lines.slice(start).map(normalized);
    },
    close: () => serving.close(),
  };
}

const call = (id: number, name: string, args: unknown, meta?: unknown, extra: object = {}) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args, ...(meta === undefined ? {} : { _meta: meta }), ...extra },
});

/** The calls both eras make after their opening: plain ones the shortcut takes, and ones it leaves. */
function calls(meta: unknown): Record<string, unknown>[] {
  return [
    call(10, "get_organization", { organization_id: ORG }, meta),
    call(11, "get_organization", { organization_id: ORG }, meta),
    call(12, "list_organizations", { limit: 2 }, meta),
    call(13, "get_organization", { organization_id: "org_missing" }, meta),
    call(14, "get_organization", { organization_id: ORG, nonsense: 1 }, meta),
    call(15, "get_organization", {}, meta),
    call(16, "get_organization", JSON.parse(`{"organization_id":"${ORG}","__proto__":{"x":1}}`), meta),
    call(17, "no_such_tool", {}, meta),
    call(18, "get_organization", [ORG], meta),
    call(19, "get_organization", { organization_id: ORG }, meta, { task: { ttl: 1 } }),
    call(20, "delete_organization", { organization_id: ORG }, meta),
    call("id-21" as unknown as number, "list_directories", {}, meta),
  ];
}

async function transcript(
  withShortcut: boolean,
  opening: Record<string, unknown>[],
  script: Record<string, unknown>[],
) {
  const wire = serve(withShortcut);
  try {
    const answers: string[][] = [];
    for (const message of opening) {
      if ("id" in message) answers.push(await wire.ask(message));
      else wire.send(message);
    }
    for (const message of script) answers.push(await wire.ask(message));
    return { answers, served: wire.shortcut.served };
  } finally {
    await wire.close();
  }
}

describe("the stdio shortcut answers as the SDK does", () => {
  it("2025-11-25: every answer is the SDK's, and the plain calls are the shortcut's", async () => {
    const opening = [initialize(0), { jsonrpc: "2.0", method: "notifications/initialized" }];
    const script = [
      ...calls(undefined),
      call(30, "get_organization", { organization_id: ORG }, { progressToken: 7 }),
      call(31, "get_organization", { organization_id: ORG }, ENVELOPE),
    ];
    const sdk = await transcript(false, opening, script);
    const ours = await transcript(true, opening, script);
    expect(ours.answers).toEqual(sdk.answers);
    expect(sdk.served).toBe(0);
    // 10-16 and 21: plain reads; not an unknown tool, array arguments, extra params, a delete, progress, _meta.
    expect(ours.served).toBe(8);
  });

  it("2026-07-28: every answer is the SDK's; only envelopes the SDK accepted are taken", async () => {
    const opening = [
      { jsonrpc: "2.0", id: 0, method: "server/discover", params: { _meta: ENVELOPE } },
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: ENVELOPE } },
    ];
    const badEnvelope = { ...ENVELOPE, "io.modelcontextprotocol/clientInfo": null };
    const script = [
      ...calls(ENVELOPE),
      // A client the SDK has not seen yet: its first call is the SDK's, then the shortcut knows its envelope,
      // and the smaller budget of that client applies either way.
      call(40, "list_organizations", { limit: 100 }, CODEX_ENVELOPE),
      call(41, "list_organizations", { limit: 100 }, CODEX_ENVELOPE),
      call(42, "get_organization", { organization_id: ORG }, badEnvelope),
      call(43, "get_organization", { organization_id: ORG }, badEnvelope),
      call(44, "get_organization", { organization_id: ORG }),
      call(45, "get_organization", { organization_id: ORG }, { ...ENVELOPE, progressToken: 1 }),
      call(46, "get_organization", { organization_id: ORG }, ENVELOPE, { requestState: "x" }),
    ];
    const sdk = await transcript(false, opening, script);
    const ours = await transcript(true, opening, script);
    expect(ours.answers).toEqual(sdk.answers);
    expect(JSON.parse(ours.answers[2]?.[0] ?? "{}")).toMatchObject({
      result: {
        resultType: "complete",
        _meta: { "io.modelcontextprotocol/serverInfo": { name: "workos-mcp" } },
      },
    });
    expect(ours.served).toBe(9);
  });

  it("takes no call before the SDK has pinned the connection's era", async () => {
    const opening = [{ jsonrpc: "2.0", id: 0, method: "server/discover", params: { _meta: ENVELOPE } }];
    const script = [call(10, "get_organization", { organization_id: ORG }, ENVELOPE)];
    const ours = await transcript(true, opening, script);
    expect(ours.served).toBe(0);
  });

  it("a cancelled call is aborted and never answered, as the SDK leaves one", async () => {
    const wire = serve(true);
    try {
      await wire.ask(initialize(0));
      wire.send({ jsonrpc: "2.0", method: "notifications/initialized" });
      await wire.ask(call(1, "get_organization", { organization_id: ORG }));
      const lines: string[] = [];
      const pending = wire
        .ask(call(2, "list_organizations", { limit: 2 }))
        .then((answer) => lines.push(...answer));
      wire.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 2 } });
      const after = await wire.ask(call(3, "get_organization", { organization_id: ORG }));
      expect(after.map((line) => (JSON.parse(line) as { id?: unknown }).id)).not.toContain(2);
      expect(lines).toEqual([]);
      expect(wire.shortcut.served).toBe(3);
      void pending;
    } finally {
      await wire.close();
    }
  });
});
