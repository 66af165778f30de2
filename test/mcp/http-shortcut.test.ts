import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { registerSecret } from "../support/secret-scan.js";
import { emulatorForFile, envelope, normalized } from "../support/wire.js";

// Plain 2026-07-28 tool calls over HTTP are answered by src/http-shortcut.ts once the SDK has answered one of
// their kind. Its answers must be the SDK's, status, headers and body: the same raw POSTs go to a server with
// the shortcut and to one without, one at a time.
const TOKEN = "shortcut-token-0123456789abcdef01234567";
registerSecret(TOKEN);

const ORG = Object.values(DEMO_IDS.organizations)[0] as string;
const ENVELOPE = envelope();
const CODEX = envelope("codex-mcp-client");

const shared = emulatorForFile();

async function serve(shortcut: boolean): Promise<RunningHttpServer> {
  const config = {
    ...loadConfig({ WORKOS_API_KEY: shared.emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN }, [
      "--http",
      "--port",
      "0",
    ]),
    baseUrl: shared.emulator.url,
  };
  return startHttpServer(config, { client: shared.workos, shortcut });
}

interface Post {
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A tools/call POST as the v2 Client sends it; `headers` replaces or (undefined) drops its headers. */
function post(id: unknown, name: string, args: unknown, meta: unknown = ENVELOPE, headers = {}): Post {
  return {
    body: { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args, _meta: meta } },
    headers: { "mcp-method": "tools/call", "mcp-name": name, ...headers },
  };
}

async function transcript(shortcut: boolean, posts: Post[]) {
  const http = await serve(shortcut);
  try {
    const answers: string[] = [];
    for (const { body, headers } of posts) {
      const all: Record<string, string> = {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        ...headers,
      };
      const sent = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== "(none)"));
      const response = await fetch(http.url, { method: "POST", headers: sent, body: JSON.stringify(body) });
      const kept = [...response.headers].filter(
        ([name]) => !["date", "keep-alive", "connection"].includes(name),
      );
      answers.push(`${response.status} ${JSON.stringify(kept)}\n${normalized(await response.text())}`);
    }
    return { answers, served: http.shortcutCalls() };
  } finally {
    await http.close();
  }
}

describe("the HTTP shortcut answers as the SDK's handler does", () => {
  it("every answer is the SDK's; only kinds of request the SDK has answered are taken", async () => {
    const posts = [
      post(1, "get_organization", { organization_id: ORG }),
      post(2, "get_organization", { organization_id: ORG }),
      post("three", "get_organization", { organization_id: "org_missing" }),
      post(4, "get_organization", { organization_id: ORG, nonsense: 1 }),
      post(5, "get_organization", JSON.parse(`{"organization_id":"${ORG}","__proto__":{"x":1}}`)),
      post(6, "list_organizations", { limit: 100 }, CODEX),
      post(7, "list_organizations", { limit: 100 }, CODEX),
      // The SDK refuses these; the shortcut must never take them, first or again.
      post(8, "get_organization", { organization_id: ORG }, ENVELOPE, { "mcp-name": "list_organizations" }),
      post(9, "get_organization", { organization_id: ORG }, ENVELOPE, { "mcp-protocol-version": "(none)" }),
      post(10, "get_organization", { organization_id: ORG }, ENVELOPE, { "mcp-protocol-version": "(none)" }),
      post(
        11,
        "get_organization",
        { organization_id: ORG },
        { ...ENVELOPE, "io.modelcontextprotocol/clientInfo": 5 },
      ),
      post(
        12,
        "get_organization",
        { organization_id: ORG },
        { ...ENVELOPE, "io.modelcontextprotocol/clientInfo": 5 },
      ),
      post(13.5, "get_organization", { organization_id: ORG }),
      post(14, "get_organization", [ORG]),
      post(15, "delete_organization", { organization_id: ORG }),
      post(16, "get_organization", { organization_id: ORG }, ENVELOPE, { accept: "text/event-stream" }),
      post(17, "get_organization", { organization_id: ORG }, ENVELOPE, { accept: "text/event-stream" }),
      {
        ...post(18, "get_organization", { organization_id: ORG }),
        body: { ...post(18, "x", {}).body, extra: 1 },
      },
    ];
    const sdk = await transcript(false, posts);
    const ours = await transcript(true, posts);
    expect(ours.answers).toEqual(sdk.answers);
    expect(sdk.served).toBe(0);
    // 2, three, 4, 5 (the SDK answered 1, a get_organization of this kind), 7 (after 6, Codex's first) and 17
    // (the SDK answered 16, with other Accept, in JSON).
    expect(ours.served).toBe(6);
    expect(ours.answers[1]).toMatch(/^200 .*"resultType":"complete"/s);
  });
});
