import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

const ACME = DEMO_IDS.organizations.acme;
const CALLBACK = "https://app.example.com/callback";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

/** Follows GET /sso/authorize (without the API key, as a browser) and returns where it redirects. */
async function authorize(params: Record<string, string>): Promise<URL> {
  const url = new URL("/sso/authorize", emu.url);
  for (const [k, v] of Object.entries({
    client_id: "client_test",
    redirect_uri: CALLBACK,
    response_type: "code",
    ...params,
  }))
    url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

// biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON bodies
type Json = any;

const json = async (res: Response): Promise<Json> => res.json();

const token = (form: Record<string, string>): Promise<Response> =>
  fetch(new URL("/sso/token", emu.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: "client_test", grant_type: "authorization_code", ...form }),
  });

describe("SSO sign-in", () => {
  it("authorize by organization redirects with a code (and the state); the code buys a token and the profile once", async () => {
    const back = await authorize({ organization: ACME, state: "s-123" });
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get("state")).toBe("s-123");
    const code = back.searchParams.get("code") as string;
    const res = await token({ code, client_secret: emu.apiKey });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 600,
      profile: {
        object: "profile",
        organization_id: ACME,
        connection_id: DEMO_IDS.connections.acmeAzureSaml,
        connection_type: "AzureSAML",
      },
    });
    expect(body.profile.id).toMatch(/^prof_/);
    expect(body.profile.email).toMatch(/@/);
    const again = await token({ code, client_secret: emu.apiKey });
    expect(again.status).toBe(400);
    expect((await json(again)).error).toBe("invalid_grant");

    const profile = await fetch(new URL("/sso/profile", emu.url), {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(profile.status).toBe(200);
    expect(await json(profile)).toEqual(body.profile);
    const wrong = await fetch(new URL("/sso/profile", emu.url), {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
  });

  it("login_hint picks the user; a wrong client secret is invalid_client; PKCE needs the right verifier", async () => {
    const verifier = "a-very-long-code-verifier-for-the-pkce-test-0123456789";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const back = await authorize({
      connection: DEMO_IDS.connections.acmeAzureSaml,
      login_hint: "jane.doe@acme.com",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const code = back.searchParams.get("code") as string;
    expect((await json(await token({ code, client_secret: "sk_wrong" }))).error).toBe("invalid_client");
    expect((await json(await token({ code, code_verifier: "not-it" }))).error).toBe("invalid_client");
    const ok = await token({ code, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect((await json(ok)).profile.email).toBe("jane.doe@acme.com");
  });

  it("an inactive connection or an organization without one redirects back with an error", async () => {
    const inactive = await authorize({ connection: DEMO_IDS.connections.acmeGoogleOAuth, state: "x" });
    expect(inactive.searchParams.get("error")).toBe("access_denied");
    expect(inactive.searchParams.get("state")).toBe("x");
    expect(inactive.searchParams.has("code")).toBe(false);
    const none = await authorize({ organization: DEMO_IDS.organizations.umbrella });
    expect(none.searchParams.get("error_description")).toMatch(/no active SSO connection/);
  });

  it("logout: authorize a logout token for the profile, then the logout URL ends the session", async () => {
    const code = (await authorize({ organization: ACME })).searchParams.get("code") as string;
    const { profile, access_token } = await json(await token({ code, client_secret: emu.apiKey }));
    const logout = await emu.api("POST", "/sso/logout/authorize", { body: { profile_id: profile.id } });
    expect(logout.status).toBe(200);
    expect(logout.json.logout_url).toBe(
      `${emu.url}/sso/logout?token=${encodeURIComponent(logout.json.logout_token)}`,
    );
    expect((await fetch(logout.json.logout_url)).status).toBe(200);
    const after = await fetch(new URL("/sso/profile", emu.url), {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(after.status).toBe(401);
    expect((await fetch(logout.json.logout_url)).status).toBe(404);
    expect(
      (await emu.api("POST", "/sso/logout/authorize", { body: { profile_id: "prof_nope" } })).status,
    ).toBe(404);
  });
});
