import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  Client,
  discoverAuthorizationServerMetadata,
  refreshAuthorization,
  StreamableHTTPClientTransport,
  UnauthorizedError,
} from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { type Exchange, recordingFetch, ScriptedOAuthProvider } from "../support/oauth-client.js";
import { closedPort } from "../support/ports.js";
import { registerSecret } from "../support/secret-scan.js";

// The whole sign-in as an MCP client does it, with the v2 SDK client's OAuth support: 401 from the server,
// its protected-resource metadata, the emulator as AuthKit (metadata, registration by CIMD or DCR, authorize,
// token with PKCE and the resource), then tools called with the token. Set SIGN_IN_TRANSCRIPT=file to keep
// the exchanges of the CIMD sign-in.
const AUDIT_ORG = DEMO_IDS.organizations.fooCorp;
// Foo Corp's workos-mcp team in the demo seed: their roles hold these permissions.
const READER = "nora.lindgren@foo-corp.com"; // workos-mcp:read
const EDITOR = "tomas.ferreira@foo-corp.com"; // read + write
const REDIRECT = "http://127.0.0.1:1/callback";

let emulator: RunningEmulator;
let http: RunningHttpServer;
let workos: WorkOSClient;
let publicUrl: string;
let cimd: Server;
let cimdUrl: string;

beforeAll(async () => {
  emulator = await startEmulator();
  registerSecret(emulator.apiKey);
  const port = await closedPort();
  publicUrl = `http://127.0.0.1:${port}/mcp`;
  const config = {
    ...loadConfig(
      {
        WORKOS_API_KEY: emulator.apiKey,
        WORKOS_MCP_AUTHKIT_DOMAIN: emulator.url,
        WORKOS_MCP_PUBLIC_URL: publicUrl,
        WORKOS_MCP_AUDIT_ORGANIZATION_ID: AUDIT_ORG,
      },
      ["--http", "--port", String(port), "--toolsets", "all"],
    ),
    baseUrl: emulator.url,
  };
  workos = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  http = await startHttpServer(config, { client: workos });
  // The client's metadata document, where its client id (this URL) says it is.
  cimd = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        client_id: cimdUrl,
        client_name: "workos-mcp sign-in test (CIMD)",
        redirect_uris: [REDIRECT],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      }),
    );
  });
  cimd.listen(0, "127.0.0.1");
  await once(cimd, "listening");
  cimdUrl = `http://127.0.0.1:${(cimd.address() as AddressInfo).port}/oauth/client.json`;
});
afterAll(async () => {
  cimd?.close();
  await http?.close();
  await workos?.close();
  await emulator?.close();
});

async function auditEvents(): Promise<Record<string, unknown>[]> {
  const res = await fetch(new URL("/_emulator/audit_logs", emulator.url), {
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
  return ((await res.json()) as { data: Record<string, unknown>[] }).data;
}

interface SignedIn {
  mcp: Client;
  provider: ScriptedOAuthProvider;
  transcript: Exchange[];
}

/** Signs the seeded person in as a client would, and connects: the first connect is refused and starts it. */
async function signIn(email: string, clientId?: string): Promise<SignedIn> {
  const transcript: Exchange[] = [];
  const provider = new ScriptedOAuthProvider({
    loginHint: email,
    redirectUrl: REDIRECT,
    ...(clientId === undefined ? {} : { clientId }),
  });
  const options = { authProvider: provider, fetch: recordingFetch(transcript) };
  const first = new StreamableHTTPClientTransport(new URL(publicUrl), options);
  await expect(new Client({ name: "sign-in", version: "0" }).connect(first)).rejects.toBeInstanceOf(
    UnauthorizedError,
  );
  // The browser's part: the emulator signs the hinted person in at once and redirects to the callback.
  const authorizationUrl = provider.authorizationUrl as URL;
  const answer = await fetch(authorizationUrl, { redirect: "manual" });
  transcript.push({
    method: "GET",
    url: authorizationUrl.href,
    status: answer.status,
    detail: { location: answer.headers.get("location") },
  });
  expect(answer.status).toBe(302);
  const callback = new URL(answer.headers.get("location") as string);
  expect(callback.searchParams.get("state")).toBe(authorizationUrl.searchParams.get("state"));
  await first.finishAuth(callback.searchParams);
  const mcp = new Client({ name: "sign-in", version: "0" });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(publicUrl), options));
  registerSecret(provider.tokens()?.access_token as string);
  return { mcp, provider, transcript };
}

describe("sign-in with the v2 SDK client against the emulator as AuthKit", () => {
  it("registers by Client ID Metadata Document, signs an editor in, whose change is made and audit-logged", async () => {
    const { mcp, provider, transcript } = await signIn(EDITOR, cimdUrl);
    try {
      const result = await mcp.callTool({
        name: "create_organization",
        arguments: { name: "Signed In Ltd" },
      });
      expect(result.isError).toBeFalsy();
      const created = (result.structuredContent as { data: { id: string } }).data;
      const events = await auditEvents();
      expect(events.at(-1)).toMatchObject({
        organization_id: AUDIT_ORG,
        action: "workos_mcp.create_organization",
        actor: { type: "user", name: EDITOR },
        targets: [{ type: "organization", id: created.id }],
        metadata: { outcome: "success" },
      });
      if (process.env.SIGN_IN_TRANSCRIPT !== undefined) {
        writeFileSync(
          `${process.env.SIGN_IN_TRANSCRIPT}.audit.json`,
          `${JSON.stringify(events.at(-1), null, 2)}\n`,
        );
      }
      expect(provider.clientInformation()?.client_id).toBe(cimdUrl);
      const paths = transcript.map(
        ({ method, url, status }) => `${method} ${new URL(url).pathname} ${status}`,
      );
      expect(paths[0]).toBe("POST /mcp 401");
      expect(paths).toContain("GET /.well-known/oauth-protected-resource/mcp 200");
      expect(paths).toContain("GET /.well-known/oauth-authorization-server 200");
      expect(paths).toContain("GET /oauth2/authorize 302");
      expect(paths).toContain("POST /oauth2/token 200");
      expect(paths.some((path) => path.startsWith("POST /oauth2/register"))).toBe(false);
      expect(paths.at(-1)).toMatch(/^POST \/mcp 20[02]$/);
      const token = transcript.find((exchange) => exchange.url.endsWith("/oauth2/token")) as Exchange;
      expect((token.detail.sent as Record<string, string>).resource).toBe(publicUrl);
      if (process.env.SIGN_IN_TRANSCRIPT !== undefined) {
        writeFileSync(process.env.SIGN_IN_TRANSCRIPT, `${JSON.stringify(transcript, null, 2)}\n`);
      }
    } finally {
      await mcp.close();
    }
  });

  it("registers by dynamic client registration, signs a reader in, who reads but is refused a write", async () => {
    const { mcp, provider, transcript } = await signIn(READER);
    try {
      expect(transcript.map(({ method, url }) => `${method} ${new URL(url).pathname}`)).toContain(
        "POST /oauth2/register",
      );
      expect(provider.clientInformation()?.client_id).toBeTruthy();
      const { tools } = await mcp.listTools();
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      expect((await mcp.callTool({ name: "list_organizations", arguments: {} })).isError).toBeFalsy();
      const refused = await mcp.callTool({ name: "create_organization", arguments: { name: "Nope" } });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain("needs the permission workos-mcp:write");
    } finally {
      await mcp.close();
    }
  });

  it("refuses a refresh token once it was used (rotation), and the new one works", async () => {
    const { mcp, provider } = await signIn(READER, cimdUrl);
    await mcp.close();
    const metadata = await discoverAuthorizationServerMetadata(emulator.url);
    const clientInformation = provider.clientInformation() as { client_id: string };
    const used = provider.tokens()?.refresh_token as string;
    expect(used).toBeTruthy();
    const refreshed = await refreshAuthorization(emulator.url, {
      ...(metadata === undefined ? {} : { metadata }),
      clientInformation,
      refreshToken: used,
      resource: new URL(publicUrl),
    });
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(used);
    await expect(
      refreshAuthorization(emulator.url, {
        ...(metadata === undefined ? {} : { metadata }),
        clientInformation,
        refreshToken: used,
        resource: new URL(publicUrl),
      }),
    ).rejects.toThrow(/invalid_grant|refresh token/i);
    // The rotated token's access token still opens the server.
    const res = await fetch(publicUrl, {
      method: "POST",
      headers: {
        authorization: `Bearer ${refreshed.access_token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });
    expect(res.status).toBe(200);
  });
});
