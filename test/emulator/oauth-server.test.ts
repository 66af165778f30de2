import { createHash, createPublicKey, type JsonWebKey, randomBytes, verify } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  auth,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from "@modelcontextprotocol/client";
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

// ---------------------------------------------------------------------------------------------------------------
// The code flow, as a public client drives it with fetch.

const REDIRECT = "http://127.0.0.1:33418/callback";
const JANE = "jane.doe@acme.com";

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function registerClient(metadata: Record<string, unknown> = {}) {
  const res = await fetch(`${emu.url}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "Test client", redirect_uris: [REDIRECT], ...metadata }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** GET /oauth2/authorize without following its redirect. */
async function authorize(params: Record<string, string>) {
  const res = await fetch(`${emu.url}/oauth2/authorize?${new URLSearchParams(params)}`, {
    redirect: "manual",
  });
  const location = res.headers.get("location");
  return { res, location: location === null ? undefined : new URL(location) };
}

/** A refresh_token grant of this client (a public one: client_id in the form). */
function refresh(refreshToken: unknown, clientId: string) {
  return tokenRequest({
    grant_type: "refresh_token",
    refresh_token: String(refreshToken),
    client_id: clientId,
  });
}

async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${emu.url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/** Registers nothing: signs `email` in through `clientId` and answers the code and its verifier. */
async function signIn(clientId: string, email = JANE, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const { res, location } = await authorize({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "st-123",
    scope: "openid profile email offline_access",
    resource: RESOURCE,
    login_hint: email,
    ...extra,
  });
  expect(res.status, await res.text()).toBe(302);
  return { code: location?.searchParams.get("code") ?? "", location, verifier };
}

describe("the authorization code flow with PKCE", () => {
  it("signs a seeded user in by login_hint and issues tokens for the resource, verifiable with the JWKS", async () => {
    const client = await registerClient();
    const clientId = client.json.client_id as string;
    const { code, location, verifier } = await signIn(clientId);
    expect(`${location?.origin}${location?.pathname}`).toBe(REDIRECT);
    expect(location?.searchParams.get("state")).toBe("st-123");
    expect(code).not.toBe("");

    const res = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      client_id: clientId,
      redirect_uri: REDIRECT,
      resource: RESOURCE,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({
      token_type: "Bearer",
      expires_in: 300,
      refresh_token: expect.any(String),
      scope: "openid profile email offline_access",
    });
    const { claims } = await verified(res.json.access_token as string);
    expect(claims).toMatchObject({
      iss: emu.url,
      sub: DEMO_IDS.users.janeDoe,
      aud: RESOURCE,
      org_id: DEMO_IDS.organizations.acme,
      role: "admin",
      client_id: clientId,
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
    // The session is a real one, as the sign-in started it.
    const listed = await emu.api("GET", `/user_management/users/${DEMO_IDS.users.janeDoe}/sessions`);
    expect(listed.json.data.map((s: { id: string }) => s.id)).toContain(claims.sid);

    // The code was spent.
    const again = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      client_id: clientId,
    });
    expect(again.status).toBe(400);
    expect(again.json.error).toBe("invalid_grant");
    // The replay revoked what the code gave: its refresh token no longer works.
    const refreshed = await refresh(res.json.refresh_token, clientId);
    expect(refreshed.json.error).toBe("invalid_grant");
  });

  it("refuses a code after its ten minutes", async () => {
    let clock = Date.now();
    const timed = await start({ now: () => clock });
    try {
      const reg = await fetch(`${timed.url}/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ redirect_uris: [REDIRECT] }),
      });
      const clientId = ((await reg.json()) as { client_id: string }).client_id;
      const exchange = async () => {
        const { verifier, challenge } = pkce();
        const query = new URLSearchParams({
          response_type: "code",
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: challenge,
          code_challenge_method: "S256",
          login_hint: JANE,
        });
        const back = await fetch(`${timed.url}/oauth2/authorize?${query}`, { redirect: "manual" });
        const code = new URL(back.headers.get("location") ?? "").searchParams.get("code") ?? "";
        clock += 10 * 60_000 + 1;
        const res = await fetch(`${timed.url}/oauth2/token`, {
          method: "POST",
          body: new URLSearchParams({
            grant_type: "authorization_code",
            code,
            code_verifier: verifier,
            client_id: clientId,
          }),
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      const late = await exchange();
      expect(late.status).toBe(400);
      expect(late.json).toEqual({
        error: "invalid_grant",
        error_description: "The code is invalid or expired.",
      });
    } finally {
      await timed.close();
    }
  });

  it("refuses a wrong code_verifier with invalid_grant, in RFC 6749's shape", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const { code } = await signIn(clientId);
    const res = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: pkce().verifier,
      client_id: clientId,
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: "invalid_grant",
      error_description: "The code_verifier does not match the code_challenge.",
    });
  });

  it("refuses the plain method and a missing challenge, back at the redirect_uri with the state", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const base = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      state: "s1",
      login_hint: JANE,
    };
    const plain = await authorize({
      ...base,
      code_challenge: "abc".repeat(15),
      code_challenge_method: "plain",
    });
    expect(plain.res.status).toBe(302);
    expect(plain.location?.searchParams.get("error")).toBe("invalid_request");
    expect(plain.location?.searchParams.get("error_description")).toMatch(/S256/);
    expect(plain.location?.searchParams.get("state")).toBe("s1");
    expect(plain.location?.searchParams.get("code")).toBeNull();
    const none = await authorize(base);
    expect(none.location?.searchParams.get("error")).toBe("invalid_request");
    const implicit = await authorize({ ...base, response_type: "token", code_challenge: pkce().challenge });
    expect(implicit.location?.searchParams.get("error")).toBe("unsupported_response_type");
  });

  it("answers an unknown client or a redirect_uri the client lacks itself, never redirecting there", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const base = { response_type: "code", code_challenge: pkce().challenge, code_challenge_method: "S256" };
    const unknown = await authorize({ ...base, client_id: "client_nope", redirect_uri: REDIRECT });
    expect(unknown.res.status).toBe(400);
    expect(await unknown.res.json()).toMatchObject({ error: "invalid_client" });
    const elsewhere = await authorize({
      ...base,
      client_id: clientId,
      redirect_uri: "https://evil.example/cb",
    });
    expect(elsewhere.res.status).toBe(400);
    expect(elsewhere.location).toBeUndefined();
    expect(await elsewhere.res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("refuses a login_hint that is no seeded user's email", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const { res } = await authorize({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
      login_hint: "nobody@example.com",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("without login_hint, shows a sign-in page listing the users (escaped), each link signing that user in", async () => {
    const created = await emu.api("POST", "/user_management/users", {
      body: { email: "mallory@example.com", first_name: "<script>alert(1)</script>" },
    });
    expect(created.status, created.text).toBe(201);
    const clientId = (await registerClient({ client_name: "Claude <Desktop>" })).json.client_id as string;
    const { challenge } = pkce();
    const { res } = await authorize({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "page",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("Sign in to Claude &#60;Desktop&#62;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain(DEMO_MCP_TEAM.reader.email);
    const link = html.match(/href="([^"]*login_hint=nora[^"]*)"/)?.[1]?.replaceAll("&#38;", "&");
    expect(link).toBeDefined();
    const follow = await fetch(`${emu.url}${link}`, { redirect: "manual" });
    expect(follow.status).toBe(302);
    const back = new URL(follow.headers.get("location") ?? "");
    expect(back.searchParams.get("state")).toBe("page");
    expect(back.searchParams.get("code")).toBeTruthy();
  });
});

describe("refresh tokens", () => {
  async function tokensFor(clientId: string) {
    const { code, verifier } = await signIn(clientId);
    const res = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      client_id: clientId,
    });
    expect(res.status).toBe(200);
    return res.json;
  }

  it("rotate: a refresh answers new tokens, and a used refresh token is refused, with its whole line", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const first = await tokensFor(clientId);
    const second = await refresh(first.refresh_token, clientId);
    expect(second.status, JSON.stringify(second.json)).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    const { claims } = await verified(second.json.access_token as string);
    expect(claims).toMatchObject({ sub: DEMO_IDS.users.janeDoe, aud: RESOURCE, role: "admin" });

    const replay = await refresh(first.refresh_token, clientId);
    expect(replay.status).toBe(400);
    expect(replay.json.error).toBe("invalid_grant");
    // The replay revoked the line: the token the first refresh issued is dead too.
    const after = await refresh(second.json.refresh_token, clientId);
    expect(after.json.error).toBe("invalid_grant");
  });

  it("carry the role's permissions as they are now, and end with the session", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const first = await tokensFor(clientId);
    const put = await emu.api("PUT", "/authorization/roles/admin/permissions", {
      body: { permissions: ["reports:read"] },
    });
    expect(put.status, put.text).toBe(200);
    const refreshed = await refresh(first.refresh_token, clientId);
    const { claims } = await verified(refreshed.json.access_token as string);
    expect(claims.permissions).toEqual(["reports:read"]);

    const revoked = await emu.api("POST", "/user_management/sessions/revoke", {
      body: { session_id: claims.sid },
    });
    expect(revoked.status, revoked.text).toBe(200);
    const ended = await refresh(refreshed.json.refresh_token, clientId);
    expect(ended.status).toBe(400);
    expect(ended.json.error).toBe("invalid_grant");
  });

  it("are refused to another client, and unknown grants and client secrets are refused", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const other = (await registerClient()).json.client_id as string;
    const first = await tokensFor(clientId);
    const stolen = await refresh(first.refresh_token, other);
    expect(stolen.json.error).toBe("invalid_grant");
    expect((await tokenRequest({ grant_type: "password" })).json.error).toBe("unsupported_grant_type");
    const basic = await tokenRequest(
      { grant_type: "refresh_token", refresh_token: first.refresh_token as string },
      { authorization: `Basic ${Buffer.from(`${clientId}:secret`).toString("base64")}` },
    );
    expect(basic.status).toBe(401);
    expect(basic.json.error).toBe("invalid_client");
  });
});

describe("allowed resource indicators", () => {
  it("any absolute URI by default; only the seeded ones when the seed lists them", async () => {
    const clientId = (await registerClient()).json.client_id as string;
    const { code, verifier } = await signIn(clientId, JANE, { resource: "https://other.example/mcp" });
    const open = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      client_id: clientId,
    });
    expect((await verified(open.json.access_token as string)).claims.aud).toBe("https://other.example/mcp");

    const { demoSeed } = await import("../../src/emulator/seed.js");
    const strict = await start({ seed: { ...demoSeed, resource_indicators: [{ resource: RESOURCE }] } });
    try {
      const reg = await fetch(`${strict.url}/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ redirect_uris: [REDIRECT] }),
      });
      const id = ((await reg.json()) as { client_id: string }).client_id;
      const ask = (resource: string) =>
        fetch(
          `${strict.url}/oauth2/authorize?${new URLSearchParams({
            response_type: "code",
            client_id: id,
            redirect_uri: REDIRECT,
            code_challenge: pkce().challenge,
            code_challenge_method: "S256",
            login_hint: JANE,
            resource,
          })}`,
          { redirect: "manual" },
        );
      const refused = new URL((await ask("https://other.example/mcp")).headers.get("location") ?? "");
      expect(refused.searchParams.get("error")).toBe("invalid_target");
      const allowed = new URL((await ask(RESOURCE)).headers.get("location") ?? "");
      expect(allowed.searchParams.get("code")).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe("dynamic client registration (RFC 7591)", () => {
  it("registers a public client: 201, a client_id, and its metadata answered back", async () => {
    const res = await registerClient({
      client_name: "Claude",
      grant_types: ["authorization_code", "refresh_token"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "openid offline_access",
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      client_id: expect.stringMatching(/^client_/),
      client_id_issued_at: expect.any(Number),
      client_name: "Claude",
      scope: "openid offline_access",
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    });
    expect(res.json).not.toHaveProperty("client_secret");
  });

  it.each([
    ["no redirect_uris", { redirect_uris: undefined }, "invalid_redirect_uri"],
    ["an empty list", { redirect_uris: [] }, "invalid_redirect_uri"],
    ["http to a public host", { redirect_uris: ["http://example.com/cb"] }, "invalid_redirect_uri"],
    ["a javascript: URI", { redirect_uris: ["javascript:alert(1)"] }, "invalid_redirect_uri"],
    ["a fragment", { redirect_uris: ["https://app.example/cb#x"] }, "invalid_redirect_uri"],
    ["a relative URI", { redirect_uris: ["/cb"] }, "invalid_redirect_uri"],
    ["an implicit grant", { grant_types: ["implicit"] }, "invalid_client_metadata"],
    ["a token response type", { response_types: ["token"] }, "invalid_client_metadata"],
  ])("refuses %s with 400 %s", async (_, metadata, error) => {
    const res = await registerClient(metadata);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error, error_description: expect.any(String) });
  });

  it("accepts https, loopback http and a native app's scheme", async () => {
    const res = await registerClient({
      redirect_uris: [
        "https://app.example/cb",
        "http://localhost:8080/cb",
        "cursor://anysphere.cursor-mcp/oauth/callback",
      ],
    });
    expect(res.status).toBe(201);
  });
});

describe("Client ID Metadata Documents", () => {
  let docs: Server;
  let docsUrl = "";
  const documents = new Map<string, unknown>();
  beforeAll(async () => {
    docs = createServer((req, res) => {
      const document = documents.get(req.url ?? "");
      if (document === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(document));
    });
    await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
    docsUrl = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => docs.close(() => resolve())));

  const publish = (path: string, document: Record<string, unknown>) => {
    documents.set(path, document);
    return `${docsUrl}${path}`;
  };

  it("takes a client_id that is the URL of its metadata document through the whole flow", async () => {
    const clientId = publish("/client.json", {
      client_id: `${docsUrl}/client.json`,
      client_name: "CIMD client",
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: "none",
    });
    const { code, verifier } = await signIn(clientId, DEMO_MCP_TEAM.editor.email);
    const res = await tokenRequest({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      client_id: clientId,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { claims } = await verified(res.json.access_token as string);
    expect(claims).toMatchObject({
      sub: DEMO_MCP_TEAM.editor.userId,
      client_id: clientId,
      permissions: [...DEMO_MCP_TEAM.editor.permissions],
    });
  });

  it.each([
    [
      "names another client_id",
      { client_id: "https://elsewhere.example/client.json", redirect_uris: [REDIRECT] },
    ],
    ["does not list the redirect_uri", { redirect_uris: ["http://127.0.0.1:9/other"] }],
    [
      "is a confidential client",
      { redirect_uris: [REDIRECT], token_endpoint_auth_method: "client_secret_basic" },
    ],
  ])("refuses a document that %s, with 400 and no redirect", async (_, document) => {
    const path = `/bad-${randomBytes(4).toString("hex")}.json`;
    const clientId = publish(path, { client_id: `${docsUrl}${path}`, ...document });
    const { res, location } = await authorize({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
      login_hint: JANE,
    });
    expect(res.status).toBe(400);
    expect(location).toBeUndefined();
    expect(((await res.json()) as { error: string }).error).toMatch(/^invalid_(client|request)$/);
  });

  it("refuses a document that cannot be fetched, and a plain-http URL to a public host", async () => {
    for (const clientId of [`${docsUrl}/missing.json`, "http://example.com/client.json"]) {
      const { res } = await authorize({
        response_type: "code",
        client_id: clientId,
        redirect_uri: REDIRECT,
        code_challenge: pkce().challenge,
        code_challenge_method: "S256",
      });
      expect(res.status, clientId).toBe(400);
      expect(await res.json()).toMatchObject({ error: "invalid_client" });
    }
  });
});

describe("the MCP SDK's OAuth client (@modelcontextprotocol/client auth())", () => {
  /** A provider that keeps everything in memory and "opens" the authorization URL by fetching it. */
  class ScriptedProvider implements OAuthClientProvider {
    information: StoredOAuthClientInformation | undefined;
    saved: StoredOAuthTokens | undefined;
    verifier = "";
    /** Where the authorization server sent the browser back to. */
    callback: URL | undefined;

    // No clientMetadataUrl: the SDK takes only https ones, so this client registers (DCR).
    constructor(private readonly email: string) {}

    get redirectUrl() {
      return REDIRECT;
    }
    get clientMetadata(): OAuthClientMetadata {
      return {
        client_name: "SDK client",
        redirect_uris: [REDIRECT],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      };
    }
    state() {
      return "sdk-state";
    }
    clientInformation() {
      return this.information;
    }
    saveClientInformation(information: StoredOAuthClientInformation) {
      this.information = information;
    }
    tokens() {
      return this.saved;
    }
    saveTokens(tokens: StoredOAuthTokens) {
      this.saved = tokens;
    }
    async redirectToAuthorization(url: URL) {
      url.searchParams.set("login_hint", this.email);
      const res = await fetch(url, { redirect: "manual" });
      this.callback = new URL(res.headers.get("location") ?? "");
    }
    saveCodeVerifier(verifier: string) {
      this.verifier = verifier;
    }
    codeVerifier() {
      return this.verifier;
    }
  }

  /** auth() twice, as a client does around the browser: once to redirect, once with the code. */
  async function signInWithSdk(provider: ScriptedProvider) {
    const serverUrl = `${emu.url}/mcp`;
    expect(await auth(provider, { serverUrl, scope: "openid profile email offline_access" })).toBe(
      "REDIRECT",
    );
    expect(provider.callback?.searchParams.get("state")).toBe("sdk-state");
    const code = provider.callback?.searchParams.get("code") ?? "";
    expect(await auth(provider, { serverUrl, authorizationCode: code })).toBe("AUTHORIZED");
    return provider.saved?.access_token ?? "";
  }

  it("registers (DCR), signs in with PKCE and gets a token for the person's role", async () => {
    const provider = new ScriptedProvider(DEMO_MCP_TEAM.reader.email);
    const token = await signInWithSdk(provider);
    expect(provider.information?.client_id).toMatch(/^client_/);
    const { claims } = await verified(token);
    expect(claims).toMatchObject({
      iss: emu.url,
      sub: DEMO_MCP_TEAM.reader.userId,
      role: DEMO_MCP_TEAM.reader.role,
      permissions: [...DEMO_MCP_TEAM.reader.permissions],
    });
    expect(provider.saved?.refresh_token).toEqual(expect.any(String));
  });
});
