import { createHash, createPublicKey, generateKeyPairSync, verify, X509Certificate } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, DEMO_IDS, DEMO_PASSWORD } from "../../src/emulator/index.js";
import { selfSignedCertificate } from "../../src/emulator/signing-key.js";
import { start, type TestEmulator } from "./helpers.js";

// AuthKit sign-in over real HTTP: the tokens, the JWKS, the authorization URL, logout and the redirect URIs.
const { acme } = DEMO_IDS.organizations;
const { janeDoe } = DEMO_IDS.users;

let e: TestEmulator;
beforeAll(async () => {
  e = await start();
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

function password(email: string, secret = DEMO_PASSWORD) {
  return e.api("POST", "/user_management/authenticate", {
    body: {
      client_id: DEFAULT_CLIENT_ID,
      client_secret: e.apiKey,
      grant_type: "password",
      email,
      password: secret,
    },
  });
}

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
}

async function jwks(): Promise<Record<string, string | string[]>[]> {
  const res = await e.api("GET", `/sso/jwks/${DEFAULT_CLIENT_ID}`, { key: null });
  expect(res.status).toBe(200);
  return res.json.keys;
}

/** Whether the token's RS256 signature verifies with the JWKS key its header names. */
async function signatureValid(token: string): Promise<boolean> {
  const [header, payload, signature] = token.split(".");
  const jwk = (await jwks()).find((k) => k.kid === decode(header).kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: "RSA", n: jwk.n as string, e: jwk.e as string }, format: "jwk" });
  return verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature ?? "", "base64url"),
  );
}

describe("AuthKit access tokens", () => {
  it("are RS256 JWTs with WorkOS's claims, signed by the key the JWKS serves", async () => {
    const res = await password("jane.doe@acme.com");
    expect(res.status).toBe(200);
    const [header, payload] = res.json.access_token.split(".");
    expect(decode(header)).toMatchObject({ alg: "RS256", typ: "JWT" });
    const claims = decode(payload);
    expect(claims).toMatchObject({
      iss: `${e.url}/user_management/${DEFAULT_CLIENT_ID}`,
      sub: janeDoe,
      org_id: acme,
      role: "admin",
      roles: ["admin"],
      // The admin role's permissions, as the seed gives them (the project ones flow down to every project).
      permissions: [
        "members:manage",
        "billing:manage",
        "settings:manage",
        "reports:read",
        "project:view",
        "project:edit",
      ],
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(String(claims.sid)).toMatch(/^session_/);
    expect(await signatureValid(res.json.access_token)).toBe(true);
    // Any change to the signed part breaks the signature.
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: "owner" })).toString("base64url")}.${res.json.access_token.split(".")[2]}`;
    expect(await signatureValid(tampered)).toBe(false);
  });

  it("the JWKS key carries a self-signed X.509 certificate of the same key, with its SHA-256 thumbprint", async () => {
    const [key] = await jwks();
    if (!key) throw new Error("no key");
    const der = Buffer.from((key.x5c as string[])[0] ?? "", "base64");
    const certificate = new X509Certificate(der);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.publicKey.export({ format: "jwk" })).toMatchObject({ n: key.n, e: key.e });
    expect(key["x5t#S256"]).toBe(createHash("sha256").update(der).digest("base64url"));
    expect(key).toMatchObject({ alg: "RS256", kty: "RSA", use: "sig" });
  });

  it("every certificate parses as strict DER, whatever random serial it drew (one in 256 once did not)", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    for (let i = 0; i < 600; i++) {
      const certificate = new X509Certificate(selfSignedCertificate(publicKey, privateKey));
      expect(certificate.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    }
  });

  it("another client id has no JWKS", async () => {
    const res = await e.api("GET", "/sso/jwks/client_01JZZZZZZZZZZZZZZZZZZZZZZZ", { key: null });
    expect(res.status).toBe(404);
  });

  it("a sign-in starts a session, stamps last_sign_in_at and emits session.created and authentication.password_succeeded", async () => {
    const before = await e.api("GET", `/user_management/users/${janeDoe}/sessions?limit=100`);
    const res = await password("jane.doe@acme.com");
    const sid = decode(res.json.access_token.split(".")[1]).sid;
    const after = await e.api("GET", `/user_management/users/${janeDoe}/sessions?limit=100`);
    expect(after.json.data.length).toBe(before.json.data.length + 1);
    expect(after.json.data[0]).toMatchObject({ id: sid, auth_method: "password", organization_id: acme });
    expect(res.json.user.last_sign_in_at).toBe(after.json.data[0].created_at);
    const events = await e.api(
      "GET",
      "/events?events=session.created,authentication.password_succeeded&order=asc",
    );
    expect(events.json.data.map((ev: { event: string }) => ev.event)).toEqual([
      "session.created",
      "authentication.password_succeeded",
    ]);
    expect(events.json.data[1].data).toMatchObject({ user_id: janeDoe, email: "jane.doe@acme.com" });
  });

  it("a password set through PUT /user_management/users signs in; the old one no longer does", async () => {
    expect(
      (await e.api("PUT", `/user_management/users/${janeDoe}`, { body: { password: "new-secret" } })).status,
    ).toBe(200);
    expect((await password("jane.doe@acme.com")).status).toBe(400);
    expect((await password("jane.doe@acme.com", "new-secret")).status).toBe(200);
  });

  it("a user without a password cannot sign in with one", async () => {
    const res = await password("olivia.brown@gmail.com", "");
    expect(res.status).toBe(422);
    const guess = await password("olivia.brown@gmail.com", "anything");
    expect(guess.status).toBe(400);
    expect(guess.json.code).toBe("invalid_credentials");
  });

  it("deleting the user ends its refresh tokens", async () => {
    const user = await e.api("POST", "/user_management/users", {
      body: { email: "leaver@example.com", password: "pw-leaver", email_verified: true },
    });
    const signedIn = await password("leaver@example.com", "pw-leaver");
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.organization_id).toBeUndefined();
    await e.api("DELETE", `/user_management/users/${user.json.id}`);
    const refresh = await e.api("POST", "/user_management/authenticate", {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        grant_type: "refresh_token",
        refresh_token: signedIn.json.refresh_token,
      },
    });
    expect(refresh.status).toBe(400);
    expect(refresh.json.error).toBe("invalid_grant");
  });
});

describe("the authorization URL and logout", () => {
  const authorize = (params: Record<string, string>) =>
    fetch(
      `${e.url}/user_management/authorize?${new URLSearchParams({
        response_type: "code",
        client_id: DEFAULT_CLIENT_ID,
        ...params,
      })}`,
      { redirect: "manual" },
    );

  it("refuses a redirect_uri that is not configured, and accepts one added later", async () => {
    const uri = "https://new.example.com/cb";
    expect((await authorize({ redirect_uri: uri, login_hint: "jane.doe@acme.com" })).status).toBe(422);
    await e.api("POST", "/user_management/redirect_uris", { body: { uri } });
    const res = await authorize({ redirect_uri: uri, login_hint: "jane.doe@acme.com" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^https:\/\/new\.example\.com\/cb\?code=/);
  });

  it("without a login_hint shows a page to pick a user, each link with its own code for that user", async () => {
    const res = await authorize({ redirect_uri: "http://localhost:3000/callback", organization_id: acme });
    expect(res.status).toBe(200);
    const page = await res.text();
    const links = [...page.matchAll(/href="([^"]+)">([^<]+)</g)];
    expect(links.map((l) => l[2])).toContain("jane.doe@acme.com");
    // Only Acme's active members are offered.
    expect(links.map((l) => l[2])).not.toContain("mei.chen@globex.com");
    const jane = links.find((l) => l[2] === "jane.doe@acme.com");
    const code = new URL((jane?.[1] ?? "").replaceAll("&#38;", "&")).searchParams.get("code");
    const auth = await e.api("POST", "/user_management/authenticate", {
      body: { client_id: DEFAULT_CLIENT_ID, client_secret: e.apiKey, grant_type: "authorization_code", code },
    });
    expect(auth.status).toBe(200);
    expect(auth.json).toMatchObject({ user: { id: janeDoe }, organization_id: acme });
  });

  it("a PKCE code needs the matching code_verifier", async () => {
    const verifier = "a-code-verifier-of-some-length-0123456789abcdef";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = async () => {
      const res = await authorize({
        redirect_uri: "http://localhost:3000/callback",
        login_hint: "jane.doe@acme.com",
        code_challenge: challenge,
        code_challenge_method: "S256",
      });
      return new URL(res.headers.get("location") ?? "").searchParams.get("code");
    };
    const exchange = async (codeVerifier: string) =>
      e.api("POST", "/user_management/authenticate", {
        body: {
          client_id: DEFAULT_CLIENT_ID,
          grant_type: "authorization_code",
          code: await code(),
          code_verifier: codeVerifier,
        },
      });
    expect((await exchange("the-wrong-verifier")).status).toBe(400);
    expect((await exchange(verifier)).status).toBe(200);
  });

  it("logout without return_to answers 200 and ends the session once", async () => {
    const session = DEMO_IDS.sessions.janeLaptop;
    const res = await fetch(`${e.url}/user_management/sessions/logout?session_id=${session}`, {
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    const sessions = await e.api("GET", `/user_management/users/${janeDoe}/sessions`);
    expect(sessions.json.data.map((s: { id: string }) => s.id)).not.toContain(session);
    await fetch(`${e.url}/user_management/sessions/logout?session_id=${session}`, { redirect: "manual" });
    const revoked = await e.api("GET", "/events?events=session.revoked");
    expect(revoked.json.data).toHaveLength(1);
  });
});

describe("redirect URIs", () => {
  it("lists the seeded ones, the first the default; adds, refuses duplicates and deletes", async () => {
    const seeded = await e.api("GET", "/user_management/redirect_uris?order=asc");
    expect(seeded.json.data.map((r: { uri: string; default: boolean }) => [r.uri, r.default])).toEqual([
      ["http://localhost:3000/callback", true],
      ["https://app.example.com/auth/callback", false],
    ]);
    const added = await e.api("POST", "/user_management/redirect_uris", {
      body: { uri: "https://*.example.com/callback" },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ object: "redirect_uri", default: false });
    expect(added.json.id).toMatch(/^redir_/);
    const again = await e.api("POST", "/user_management/redirect_uris", {
      body: { uri: "https://*.example.com/callback" },
    });
    expect(again.status).toBe(400);
    expect((await e.api("DELETE", `/user_management/redirect_uris/${added.json.id}`)).status).toBe(204);
    const after = await e.api("GET", "/user_management/redirect_uris");
    expect(after.json.data).toHaveLength(2);
  });

  it("a wildcard redirect URI admits one subdomain level", async () => {
    await e.api("POST", "/user_management/redirect_uris", {
      body: { uri: "https://*.example.com/callback" },
    });
    const go = (uri: string) =>
      fetch(
        `${e.url}/user_management/authorize?${new URLSearchParams({
          response_type: "code",
          client_id: DEFAULT_CLIENT_ID,
          redirect_uri: uri,
          login_hint: "jane.doe@acme.com",
        })}`,
        { redirect: "manual" },
      );
    expect((await go("https://tenant.example.com/callback")).status).toBe(302);
    expect((await go("https://evil.com/x.example.com/callback")).status).toBe(422);
  });
});

describe("Magic Auth", () => {
  it("a code for an unknown address signs a new user up (user.created, magic_auth.created without the code)", async () => {
    const sent = await e.api("POST", "/user_management/magic_auth", {
      body: { email: "New.Person@example.com" },
    });
    expect(sent.status).toBe(201);
    expect(sent.json.email).toBe("new.person@example.com");
    const user = await e.api("GET", `/user_management/users/${sent.json.user_id}`);
    expect(user.json).toMatchObject({ email: "new.person@example.com", email_verified: false });
    const events = await e.api("GET", "/events?events=user.created,magic_auth.created&order=asc");
    expect(events.json.data.map((ev: { event: string }) => ev.event)).toEqual([
      "user.created",
      "magic_auth.created",
    ]);
    expect(events.json.data[1].data.code).toBeUndefined();
    const auth = await e.api("POST", "/user_management/authenticate", {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        client_secret: e.apiKey,
        grant_type: "urn:workos:oauth:grant-type:magic-auth:code",
        email: "new.person@example.com",
        code: sent.json.code,
      },
    });
    expect(auth.status).toBe(200);
    // Signing in with the emailed code proves the address.
    expect(auth.json.user.email_verified).toBe(true);
  });

  it("an expired code is refused", async () => {
    let now = Date.now();
    const clocked = await start({ now: () => now });
    try {
      const sent = await clocked.api("POST", "/user_management/magic_auth", {
        body: { email: "mei.chen@globex.com" },
      });
      now += 600_001;
      const auth = await clocked.api("POST", "/user_management/authenticate", {
        body: {
          client_id: DEFAULT_CLIENT_ID,
          client_secret: clocked.apiKey,
          grant_type: "urn:workos:oauth:grant-type:magic-auth:code",
          email: "mei.chen@globex.com",
          code: sent.json.code,
        },
      });
      expect(auth.status).toBe(400);
      expect(auth.json.code).toBe("one_time_code_expired");
    } finally {
      await clocked.close();
    }
  });
});

describe("the device flow", () => {
  const poll = (emulator: TestEmulator, deviceCode: string) =>
    emulator.api("POST", "/user_management/authenticate", {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        grant_type: "urn:ietf:params:oauth:grant-type:device_code",
        device_code: deviceCode,
      },
    });

  it("pending until a user approves on the verification page, then tokens once", async () => {
    const device = await e.api("POST", "/user_management/authorize/device", {
      body: { client_id: DEFAULT_CLIENT_ID },
      key: null,
    });
    expect(device.status).toBe(200);
    expect(device.json).toMatchObject({ expires_in: 300, interval: 5 });
    expect(device.json.user_code).toMatch(/^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    const pending = await poll(e, device.json.device_code);
    expect(pending.status).toBe(400);
    expect(pending.json.error).toBe("authorization_pending");
    const page = await (await fetch(device.json.verification_uri_complete)).text();
    const approve = [...page.matchAll(/href="([^"]+)">([^<]+)</g)].find((l) => l[2] === "jane.doe@acme.com");
    expect((await fetch(new URL((approve?.[1] ?? "").replaceAll("&#38;", "&"), e.url))).status).toBe(200);
    const tokens = await poll(e, device.json.device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.json.user.id).toBe(janeDoe);
    const spent = await poll(e, device.json.device_code);
    expect(spent.json.error).toBe("invalid_grant");
  });

  it("a device code not approved within five minutes expires", async () => {
    let now = Date.now();
    const clocked = await start({ now: () => now });
    try {
      const device = await clocked.api("POST", "/user_management/authorize/device", {
        body: { client_id: DEFAULT_CLIENT_ID },
      });
      now += 300_001;
      const late = await poll(clocked, device.json.device_code);
      expect(late.json.error).toBe("expired_token");
      expect((await fetch(device.json.verification_uri_complete)).status).toBe(404);
    } finally {
      await clocked.close();
    }
  });
});

describe("signing in with an invitation token", () => {
  it("accepts the invitation and signs into its organization", async () => {
    await e.api("POST", "/user_management/users", {
      body: { email: "joiner@example.com", password: "joiner-pw", email_verified: true },
    });
    const invitation = await e.api("POST", "/user_management/invitations", {
      body: { email: "joiner@example.com", organization_id: acme, role_slug: "admin" },
    });
    const res = await e.api("POST", "/user_management/authenticate", {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        client_secret: e.apiKey,
        grant_type: "password",
        email: "joiner@example.com",
        password: "joiner-pw",
        invitation_token: invitation.json.token,
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.organization_id).toBe(acme);
    expect(decode(res.json.access_token.split(".")[1])).toMatchObject({ org_id: acme, role: "admin" });
    const after = await e.api("GET", `/user_management/invitations/${invitation.json.id}`);
    expect(after.json).toMatchObject({ state: "accepted", accepted_user_id: res.json.user.id });
  });

  it("refuses a token of another email's invitation", async () => {
    const invitation = await e.api("POST", "/user_management/invitations", {
      body: { email: "someone.else@example.com", organization_id: acme },
    });
    const res = await password("jane.doe@acme.com");
    const withToken = await e.api("POST", "/user_management/authenticate", {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        client_secret: e.apiKey,
        grant_type: "password",
        email: "jane.doe@acme.com",
        password: DEMO_PASSWORD,
        invitation_token: invitation.json.token,
      },
    });
    expect(res.status).toBe(200);
    expect(withToken.status).toBe(400);
    expect(withToken.json.error).toBe("invitation_cannot_be_used_for_email");
  });
});
