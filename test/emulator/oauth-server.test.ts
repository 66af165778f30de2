import { createPublicKey, type JsonWebKey, verify } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_MCP_TEAM } from "../../src/emulator/index.js";
import { demoSeed, validateSeed } from "../../src/emulator/seed.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const RESOURCE = "https://mcp.example.com/mcp";

interface Jwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** Checks a token's RS256 signature against the key the emulator's /oauth2/jwks lists under its kid. */
async function verified(token: string): Promise<Jwt> {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const decoded: Jwt = {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    claims: JSON.parse(Buffer.from(payload, "base64url").toString()),
  };
  const jwks = (await (await fetch(`${emu.url}/oauth2/jwks`)).json()) as { keys: JsonWebKey[] };
  const jwk = jwks.keys.find((k) => k.kid === decoded.header.kid);
  if (!jwk) throw new Error(`no key ${String(decoded.header.kid)} in /oauth2/jwks`);
  const key = createPublicKey({ key: jwk, format: "jwk" });
  const ok = verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
  if (!ok) throw new Error("bad signature");
  return decoded;
}

function decode(token: string): Jwt {
  const [header, payload] = token.split(".") as [string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    claims: JSON.parse(Buffer.from(payload, "base64url").toString()),
  };
}

describe("authorization server metadata", () => {
  it("names the emulator's origin as issuer and its endpoints under it, without the API key", async () => {
    const res = await fetch(`${emu.url}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      issuer: emu.url,
      authorization_endpoint: `${emu.url}/oauth2/authorize`,
      token_endpoint: `${emu.url}/oauth2/token`,
      jwks_uri: `${emu.url}/oauth2/jwks`,
      registration_endpoint: `${emu.url}/oauth2/register`,
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      token_endpoint_auth_methods_supported: ["none"],
      code_challenge_methods_supported: ["S256"],
      client_id_metadata_document_supported: true,
    });
    expect(emu.url).not.toMatch(/\/$/);
  });

  it("publishes one RS256 key at /oauth2/jwks", async () => {
    const res = await fetch(`${emu.url}/oauth2/jwks`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
  });
});

describe("POST /_emulator/oauth/tokens", () => {
  const mint = (body: unknown) => emu.api("POST", "/_emulator/oauth/tokens", { body });

  it("mints a token for a seeded user by email, with the role's permissions, verifiable with the JWKS", async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await mint({ email: "jane.doe@acme.com", aud: RESOURCE });
    expect(res.status, res.text).toBe(200);
    const { header, claims } = await verified(res.json.access_token);
    expect(header).toMatchObject({ alg: "RS256", typ: "JWT" });
    expect(claims).toMatchObject({
      iss: emu.url,
      sub: DEMO_IDS.users.janeDoe,
      aud: RESOURCE,
      org_id: DEMO_IDS.organizations.acme,
      role: "admin",
      sid: expect.stringMatching(/^session_/),
      jti: expect.any(String),
    });
    const roles = await emu.api("GET", "/authorization/roles/admin");
    expect(claims.permissions).toEqual(roles.json.permissions);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    // An hour by default.
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(claims).not.toHaveProperty("email");
  });

  it("takes exp, nbf, organization_id, permissions and a key id the JWKS does not have", async () => {
    const res = await mint({
      user_id: DEMO_IDS.users.carlosGarcia,
      organization_id: DEMO_IDS.organizations.globex,
      exp: 1_700_000_000,
      nbf: 1_690_000_000,
      permissions: ["workos-mcp:read"],
      kid: "key_rotated_away",
    });
    expect(res.status, res.text).toBe(200);
    const { header, claims } = decode(res.json.access_token);
    expect(header.kid).toBe("key_rotated_away");
    expect(claims).toMatchObject({
      sub: DEMO_IDS.users.carlosGarcia,
      org_id: DEMO_IDS.organizations.globex,
      exp: 1_700_000_000,
      nbf: 1_690_000_000,
      permissions: ["workos-mcp:read"],
    });
    expect(claims).not.toHaveProperty("aud");
    await expect(verified(res.json.access_token)).rejects.toThrow("no key key_rotated_away");
  });

  it("refuses an unknown user, a missing one, an organization the user is not in, and bad fields", async () => {
    expect((await mint({ email: "nobody@example.com" })).status).toBe(404);
    expect((await mint({})).status).toBe(400);
    expect(
      (await mint({ email: "jane.doe@acme.com", organization_id: DEMO_IDS.organizations.globex })).status,
    ).toBe(400);
    expect((await mint({ email: "jane.doe@acme.com", exp: "tomorrow" })).status).toBe(400);
    expect((await mint({ email: "jane.doe@acme.com", aud: 7 })).status).toBe(400);
    expect((await mint({ email: "jane.doe@acme.com", permissions: "all" })).status).toBe(400);
  });

  it("needs the API key, as the rest of the control API", async () => {
    const res = await emu.api("POST", "/_emulator/oauth/tokens", {
      body: { email: "jane.doe@acme.com" },
      key: null,
    });
    expect(res.status).toBe(401);
  });
});

describe("the demo seed's workos-mcp team", () => {
  it("is a valid seed", () => {
    expect(() => validateSeed(demoSeed)).not.toThrow();
  });

  it.each(["reader", "editor", "admin"] as const)(
    "gives the %s the role's workos-mcp permissions",
    async (who) => {
      const person = DEMO_MCP_TEAM[who];
      const res = await emu.api("POST", "/_emulator/oauth/tokens", { body: { email: person.email } });
      expect(res.status, res.text).toBe(200);
      const { claims } = await verified(res.json.access_token);
      expect(claims).toMatchObject({
        sub: person.userId,
        org_id: DEMO_MCP_TEAM.organizationId,
        role: person.role,
        permissions: [...person.permissions],
      });
      const role = await emu.api(
        "GET",
        `/authorization/organizations/${DEMO_MCP_TEAM.organizationId}/roles/${person.role}`,
      );
      expect(role.json.permissions).toEqual([...person.permissions]);
    },
  );
});

describe("GET /_emulator/audit_logs", () => {
  it("lists the events recorded, newest last, as stored", async () => {
    const before = (await emu.api("GET", "/_emulator/audit_logs")).json.data.length;
    const event = {
      action: "workos_mcp.create_organization",
      occurred_at: "2026-01-01T12:00:00.000Z",
      actor: { id: DEMO_IDS.users.janeDoe, type: "user", name: "jane.doe@acme.com" },
      targets: [{ id: DEMO_IDS.organizations.acme, type: "organization" }],
      context: { location: "192.0.2.1", user_agent: "test" },
      metadata: { outcome: "success" },
    };
    const posted = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: DEMO_IDS.organizations.acme, event },
    });
    expect(posted.status, posted.text).toBe(200);
    const res = await emu.api("GET", "/_emulator/audit_logs");
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(before + 1);
    expect(res.json.data.at(-1)).toEqual({
      ...event,
      id: expect.stringMatching(/^audit_log_event_/),
      organization_id: DEMO_IDS.organizations.acme,
      version: null,
      created_at: expect.any(String),
    });
  });
});
