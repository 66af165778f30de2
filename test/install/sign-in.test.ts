import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { PERMISSIONS } from "../../src/sign-in/permissions.js";
import { closedPort } from "../support/ports.js";
import { registerSecret } from "../support/secret-scan.js";

// The team server with sign-in (--http, WORKOS_MCP_AUTHKIT_DOMAIN = the emulator as AuthKit): tokens the
// emulator mints for its seeded people, sent by the v2 SDK client, against the server's checks.
const { read, write, delete: del } = PERMISSIONS;
const JANE = { id: DEMO_IDS.users.janeDoe, email: "jane.doe@acme.com", org: DEMO_IDS.organizations.acme };
const AUDIT_ORG = DEMO_IDS.organizations.fooCorp;
const SCOPES = "openid profile email offline_access";

let emulator: RunningEmulator;
let http: RunningHttpServer;
let client: WorkOSClient;
let publicUrl: string;

/** A server people sign in to, in front of the emulator as WorkOS and as AuthKit; its own verifier and keys. */
async function startSignInServer(): Promise<{ http: RunningHttpServer; publicUrl: string }> {
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const config = {
    ...loadConfig(
      {
        WORKOS_API_KEY: emulator.apiKey,
        WORKOS_MCP_AUTHKIT_DOMAIN: emulator.url,
        WORKOS_MCP_PUBLIC_URL: url,
        WORKOS_MCP_AUDIT_ORGANIZATION_ID: AUDIT_ORG,
        WORKOS_MCP_DESTRUCTIVE: "allow",
      },
      ["--http", "--port", String(port), "--toolsets", "all"],
    ),
    baseUrl: emulator.url,
  };
  return { http: await startHttpServer(config, { client }), publicUrl: url };
}

beforeAll(async () => {
  emulator = await startEmulator();
  registerSecret(emulator.apiKey);
  client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  ({ http, publicUrl } = await startSignInServer());
});
afterAll(async () => {
  await http?.close();
  await client?.close();
  await emulator?.close();
});
beforeEach(async () => {
  await control("POST", "/_emulator/reset");
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, emulator.url), {
    method,
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** An access token the emulator (as AuthKit) signs for Jane, for this server unless told otherwise. */
async function mint(claims: Record<string, unknown> = {}): Promise<string> {
  const { access_token } = (await control("POST", "/_emulator/oauth/tokens", {
    user_id: JANE.id,
    organization_id: JANE.org,
    aud: publicUrl,
    ...claims,
  })) as { access_token: string };
  registerSecret(access_token);
  return access_token;
}

async function connect(token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(publicUrl), {
    requestInit: { headers: { authorization: `Bearer ${token}`, "user-agent": "sign-in-test/1" } },
  });
  const mcp = new Client({ name: "sign-in-test", version: "0" });
  await mcp.connect(transport);
  return mcp;
}

function textOf(result: unknown): string {
  return ((result as { content: { text: string }[] }).content[0] as { text: string }).text;
}

async function postMcp(token: string | undefined, url = publicUrl): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
  });
}

describe("the protected-resource metadata (RFC 9728)", () => {
  it.each(["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"])(
    "is served at %s, naming AuthKit and this server",
    async (path) => {
      const res = await fetch(new URL(path, publicUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toMatchObject({
        resource: publicUrl,
        authorization_servers: [emulator.url],
        scopes_supported: SCOPES.split(" "),
        bearer_methods_supported: ["header"],
      });
    },
  );
});

describe("a request without a good token", () => {
  const metadataUrl = () => `${new URL(publicUrl).origin}/.well-known/oauth-protected-resource/mcp`;

  it("without a token: 401 naming the metadata and the scopes, no error code", async () => {
    const res = await postMcp(undefined);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${metadataUrl()}", scope="${SCOPES}"`,
    );
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ["for another audience", () => mint({ aud: "https://other.example.com/mcp" }), /another resource/],
    ["expired", () => mint({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ["not valid yet", () => mint({ nbf: Math.floor(Date.now() / 1000) + 600 }), /not valid yet/],
    ["signed with an unknown key id", () => mint({ kid: "rotated-away" }), /key id/],
    ["tampered with", async () => tamper(await mint()), /signature/],
    ["not a JWT", async () => "not-a-token", /malformed|invalid/],
    ["unsigned (alg none)", async () => unsigned(await mint()), /RS256|malformed|invalid/],
  ])("a token %s: 401 invalid_token naming the metadata", async (_name, token, reason) => {
    const res = await postMcp(await token());
    expect(res.status).toBe(401);
    const challenge = res.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"/);
    expect(challenge).toContain(`scope="${SCOPES}"`);
    expect(challenge).toContain(`resource_metadata="${metadataUrl()}"`);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(reason);
  });

  it("a token from another authorization server (another issuer, the same key): 401", async () => {
    const other = await startEmulator();
    try {
      const res = await fetch(new URL("/_emulator/oauth/tokens", other.url), {
        method: "POST",
        headers: { authorization: `Bearer ${other.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ user_id: JANE.id, aud: publicUrl, permissions: [read] }),
      });
      const { access_token } = (await res.json()) as { access_token: string };
      const answer = await postMcp(access_token);
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error_description: string }).error_description).toMatch(
        /another authorization server/,
      );
    } finally {
      await other.close();
    }
  });

  it("a good token gets through", async () => {
    const res = await postMcp(await mint({ permissions: [read] }));
    expect(res.status).toBe(200);
  });
});

describe("AuthKit's keys", () => {
  it("are fetched once and kept; unknown key ids fetch them again at most once per cooldown", async () => {
    const fresh = await startSignInServer();
    try {
      await control("DELETE", "/_emulator/requests");
      const good = await mint({ aud: fresh.publicUrl, permissions: [read] });
      expect((await postMcp(good, fresh.publicUrl)).status).toBe(200);
      for (const kid of ["forged-1", "forged-2", "forged-3"]) {
        const forged = await mint({ aud: fresh.publicUrl, kid });
        expect((await postMcp(forged, fresh.publicUrl)).status).toBe(401);
      }
      expect((await postMcp(good, fresh.publicUrl)).status).toBe(200);
      const { data } = (await control("GET", "/_emulator/requests")) as { data: { path: string }[] };
      expect(data.filter((request) => request.path === "/oauth2/jwks")).toHaveLength(1);
    } finally {
      await fresh.http.close();
    }
  });
});

/** The token's claims with `alg: none` and no signature. */
function unsigned(token: string): string {
  const [, payload] = token.split(".") as [string, string];
  const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  return `${header}.${payload}.`;
}

/** The token with its payload's permissions raised: the signature no longer matches. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.permissions = [read, write, del];
  return [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
}

describe("per-person permissions", () => {
  it("a reader sees only the tools that read, and a write is refused before WorkOS hears of it", async () => {
    const mcp = await connect(await mint({ permissions: [read] }));
    try {
      const { tools } = await mcp.listTools();
      expect(tools.length).toBeGreaterThan(10);
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((tool) => tool.name)).toContain("list_organizations");

      await control("DELETE", "/_emulator/requests");
      const result = await mcp.callTool({ name: "create_organization", arguments: { name: "Sneaky Inc" } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/create_organization needs the permission workos-mcp:write/);
      const { data } = (await control("GET", "/_emulator/requests")) as { data: { path: string }[] };
      expect(data.filter((request) => request.path.startsWith("/organizations"))).toEqual([]);
    } finally {
      await mcp.close();
    }
  });

  it("a writer sees the write tools but no delete, and a delete is refused naming workos-mcp:delete", async () => {
    const mcp = await connect(await mint({ permissions: [read, write] }));
    try {
      const names = (await mcp.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain("create_organization");
      expect(names).not.toContain("delete_organization");
      const result = await mcp.callTool({
        name: "delete_organization",
        arguments: { organization_id: DEMO_IDS.organizations.umbrella },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/needs the permission workos-mcp:delete/);
    } finally {
      await mcp.close();
    }
  });

  it.each([
    ["nora.lindgren@foo-corp.com", "list_organizations", "create_organization"],
    ["tomas.ferreira@foo-corp.com", "create_organization", "delete_organization"],
    ["grace.okonkwo@foo-corp.com", "delete_organization", undefined],
  ])("%s's seeded role gives %s, not %s", async (email, has, hasNot) => {
    const mcp = await connect(await mint({ user_id: undefined, organization_id: undefined, email }));
    try {
      const names = (await mcp.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain(has);
      if (hasNot !== undefined) expect(names).not.toContain(hasNot);
    } finally {
      await mcp.close();
    }
  });

  it("a token without any workos-mcp permission sees no tools, and reads no resource", async () => {
    const mcp = await connect(await mint({ permissions: [] }));
    try {
      expect((await mcp.listTools()).tools).toEqual([]);
      await expect(
        mcp.readResource({ uri: `workos://organizations/${DEMO_IDS.organizations.acme}` }),
      ).rejects.toThrow(/needs the permission workos-mcp:read/);
    } finally {
      await mcp.close();
    }
  });
});

describe("in the 2026-07-28 era (a request carrying the envelope)", () => {
  /** One 2026-07-28 request, as raw HTTP: the envelope in _meta, the version and method in headers. */
  async function modern(token: string, method: string, params: Record<string, unknown>) {
    const response = await fetch(publicUrl, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "user-agent": "sign-in-test/modern",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": method,
        ...(typeof params.name === "string" ? { "mcp-name": params.name } : {}),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method,
        params: {
          ...params,
          _meta: {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientInfo": { name: "modern-sign-in", version: "0" },
            "io.modelcontextprotocol/clientCapabilities": {},
          },
        },
      }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: Record<string, unknown> }).result;
  }

  it("a reader's tools/list and refusal, and a writer's audited change, as in the 2025 era", async () => {
    const reader = await mint({ permissions: [read] });
    const { tools } = (await modern(reader, "tools/list", {})) as { tools: { name: string }[] };
    expect(tools.map((tool) => tool.name)).toContain("list_organizations");
    expect(tools.map((tool) => tool.name)).not.toContain("create_organization");
    const refused = await modern(reader, "tools/call", {
      name: "create_organization",
      arguments: { name: "X" },
    });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/needs the permission workos-mcp:write/);

    const before = (await auditEvents()).length;
    const writer = await mint({ permissions: [read, write] });
    const made = await modern(writer, "tools/call", {
      name: "create_organization",
      arguments: { name: "Modern" },
    });
    expect(made.isError).toBeFalsy();
    expect((made.structuredContent as { notes: string[] }).notes.join("\n")).toContain(
      "as jane.doe@acme.com",
    );
    const events = (await auditEvents()).slice(before);
    expect(events).toMatchObject([
      { action: "workos_mcp.create_organization", context: { user_agent: "sign-in-test/modern" } },
    ]);
  });

  it("a read tool answered for a reader is refused, every time, to someone without workos-mcp:read", async () => {
    // The same kind of request (headers, envelope) by two people: what the server learned answering the first
    // must not answer the second (src/http-shortcut.ts stays off when people sign in).
    const reader = await mint({ permissions: [read] });
    const nobody = await mint({ permissions: [] });
    const call = { name: "list_organizations", arguments: {} };
    for (let round = 0; round < 3; round++) {
      expect((await modern(reader, "tools/call", call)).isError, `reader, round ${round}`).toBeFalsy();
      const refused = await modern(nobody, "tools/call", call);
      expect(refused.isError, `nobody, round ${round}`).toBe(true);
      expect(textOf(refused)).toMatch(/needs the permission workos-mcp:read/);
    }
    expect(http.shortcutCalls()).toBe(0);
  });
});

interface StoredEvent {
  organization_id: string;
  action: string;
  actor: { id: string; type: string; name?: string };
  targets: { id: string; type: string }[];
  context: { location: string; user_agent?: string };
  metadata?: Record<string, unknown>;
  occurred_at: string;
}

async function auditEvents(): Promise<StoredEvent[]> {
  return ((await control("GET", "/_emulator/audit_logs")) as { data: StoredEvent[] }).data;
}

describe("a writer's change", () => {
  it("is made, says who made it on its environment line, and is audit-logged in WorkOS", async () => {
    const before = (await auditEvents()).length;
    const mcp = await connect(await mint({ permissions: [read, write] }));
    try {
      const result = await mcp.callTool({ name: "create_organization", arguments: { name: "Audited Ltd" } });
      expect(result.isError).toBeFalsy();
      const view = result.structuredContent as { data: { id: string }; notes: string[] };
      expect(view.notes).toContain(
        "Environment: the staging (test) environment, as jane.doe@acme.com (Acme Inc).",
      );
      const events = (await auditEvents()).slice(before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        organization_id: AUDIT_ORG,
        action: "workos_mcp.create_organization",
        actor: { id: JANE.id, type: "user", name: JANE.email },
        targets: [{ type: "organization", id: view.data.id }],
        context: { location: "127.0.0.1", user_agent: "sign-in-test/1" },
        metadata: { outcome: "success" },
      });
    } finally {
      await mcp.close();
    }
  });

  it("that WorkOS refuses is audit-logged as a failure", async () => {
    const before = (await auditEvents()).length;
    const mcp = await connect(await mint({ permissions: [read, write] }));
    try {
      const result = await mcp.callTool({
        name: "add_organization_domain",
        arguments: { organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ", domain: "nobody.example.com" },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/WorkOS/);
      const events = (await auditEvents()).slice(before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "workos_mcp.add_organization_domain",
        targets: [{ type: "organization", id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ" }],
        metadata: { outcome: "failure" },
      });
    } finally {
      await mcp.close();
    }
  });

  it("stands when the audit entry cannot be written, and its result says the entry is missing", async () => {
    await control("POST", "/_emulator/faults", {
      method: "POST",
      path: "/audit_logs/events",
      status: 400,
      body: { message: "Audit Logs are not enabled" },
      times: 1,
    });
    const mcp = await connect(await mint({ permissions: [read, write] }));
    try {
      const result = await mcp.callTool({ name: "create_organization", arguments: { name: "Unaudited" } });
      expect(result.isError).toBeFalsy();
      const view = result.structuredContent as { data: { id: string }; notes: string[] };
      expect(view.notes.join("\n")).toMatch(
        /audit log entry for this change is missing.*change itself stands/,
      );
      const created = await client.get<{ name: string }>(`/organizations/${view.data.id}`);
      expect(created.name).toBe("Unaudited");
    } finally {
      await mcp.close();
    }
  });

  it("a delete by someone allowed to delete is made and audit-logged with the object it deleted", async () => {
    const before = (await auditEvents()).length;
    const mcp = await connect(await mint({ permissions: [read, write, del] }));
    try {
      const organization = DEMO_IDS.organizations.umbrella;
      const result = await mcp.callTool({
        name: "delete_organization",
        arguments: { organization_id: organization },
      });
      expect(result.isError).toBeFalsy();
      const events = (await auditEvents()).slice(before);
      expect(events).toMatchObject([
        {
          action: "workos_mcp.delete_organization",
          targets: [{ type: "organization", id: organization }],
          metadata: { outcome: "success" },
        },
      ]);
    } finally {
      await mcp.close();
    }
  });

  it("names the person and their organization in the server's log, for a change and for a refusal", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const mcp = await connect(await mint({ permissions: [read, write] }));
    try {
      await mcp.callTool({ name: "create_organization", arguments: { name: "Logged" } });
      await mcp.callTool({ name: "delete_organization", arguments: { organization_id: JANE.org } });
    } finally {
      spy.mockRestore();
      await mcp.close();
    }
    expect(written).toContain("workos-mcp: jane.doe@acme.com (Acme Inc): create_organization done\n");
    expect(written).toContain(
      "workos-mcp: jane.doe@acme.com (Acme Inc): delete_organization refused (needs workos-mcp:delete)\n",
    );
  });

  it("a read is not audit-logged", async () => {
    const before = (await auditEvents()).length;
    const mcp = await connect(await mint({ permissions: [read] }));
    try {
      const result = await mcp.callTool({ name: "list_organizations", arguments: {} });
      expect(result.isError).toBeFalsy();
      expect((await auditEvents()).length).toBe(before);
    } finally {
      await mcp.close();
    }
  });
});
