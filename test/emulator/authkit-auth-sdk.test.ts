import type { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, DEMO_IDS, DEMO_PASSWORD } from "../../src/emulator/index.js";
import { officialSdk } from "../support/official-sdk.js";
import { start, type TestEmulator } from "./helpers.js";

// The official SDK signs users in against the emulator as a WorkOS customer's app would, and its own session
// helpers verify the access tokens against the JWKS the emulator serves.
const { acme, globex } = DEMO_IDS.organizations;
const { janeDoe, carlosGarcia } = DEMO_IDS.users;
const COOKIE_PASSWORD = "a-cookie-password-of-at-least-32-characters";

let e: TestEmulator;
let workos: WorkOS;
beforeAll(async () => {
  e = await start();
  workos = officialSdk(e, DEFAULT_CLIENT_ID);
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
}

describe("the official SDK signs in against the emulator", () => {
  it("authenticateWithPassword: a sealed session the SDK verifies against the emulator's JWKS", async () => {
    const auth = await workos.userManagement.authenticateWithPassword({
      email: "jane.doe@acme.com",
      password: DEMO_PASSWORD,
      session: { sealSession: true, cookiePassword: COOKIE_PASSWORD },
    });
    expect(auth.user.id).toBe(janeDoe);
    expect(auth.organizationId).toBe(acme);
    expect(auth.authenticationMethod).toBe("Password");
    const verified = await workos.userManagement.authenticateWithSessionCookie({
      sessionData: auth.sealedSession ?? "",
      cookiePassword: COOKIE_PASSWORD,
    });
    expect(verified).toMatchObject({ authenticated: true, organizationId: acme, role: "admin" });
    if (!verified.authenticated) throw new Error("not authenticated");
    expect(verified.permissions).toContain("members:manage");
    expect(verified.user.id).toBe(janeDoe);
    const sessions = await workos.userManagement.listSessions(janeDoe);
    expect(sessions.data.map((s) => s.id)).toContain(verified.sessionId);
  });

  it("a token signed by another key fails the SDK's verification", async () => {
    const auth = await workos.userManagement.authenticateWithPassword({
      email: "jane.doe@acme.com",
      password: DEMO_PASSWORD,
    });
    const [header, payload] = auth.accessToken.split(".");
    const forged = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
    // The SDK's own sealing (private in its types), so only the signature differs from a genuine session.
    const sdk = workos.userManagement as unknown as {
      sealSessionDataFromAuthenticationResponse(options: {
        authenticationResponse: typeof auth;
        cookiePassword: string;
      }): Promise<string>;
    };
    const sealed = await sdk.sealSessionDataFromAuthenticationResponse({
      authenticationResponse: { ...auth, accessToken: forged },
      cookiePassword: COOKIE_PASSWORD,
    });
    const verified = await workos.userManagement.authenticateWithSessionCookie({
      sessionData: sealed,
      cookiePassword: COOKIE_PASSWORD,
    });
    expect(verified).toMatchObject({ authenticated: false, reason: "invalid_jwt" });
  });

  it("authenticateWithPassword refuses a wrong password", async () => {
    await expect(
      workos.userManagement.authenticateWithPassword({ email: "jane.doe@acme.com", password: "wrong" }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("authenticateWithRefreshToken renews the tokens once; the spent refresh token is refused", async () => {
    const first = await workos.userManagement.authenticateWithPassword({
      email: "jane.doe@acme.com",
      password: DEMO_PASSWORD,
    });
    const renewed = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: first.refreshToken,
    });
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(renewed.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
    await expect(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("a member of two organizations chooses one, then refreshes into the other", async () => {
    const chosen = await workos.userManagement
      .authenticateWithPassword({ email: "carlos.garcia@acme.com", password: DEMO_PASSWORD })
      .then(
        () => {
          throw new Error("expected organization_selection_required");
        },
        async (error: { rawData?: { pending_authentication_token?: string } }) => {
          const token = error.rawData?.pending_authentication_token ?? "";
          return workos.userManagement.authenticateWithOrganizationSelection({
            pendingAuthenticationToken: token,
            organizationId: globex,
          });
        },
      );
    expect(chosen.user.id).toBe(carlosGarcia);
    expect(claimsOf(chosen.accessToken).org_id).toBe(globex);
    const switched = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: chosen.refreshToken,
      organizationId: acme,
    });
    expect(claimsOf(switched.accessToken).org_id).toBe(acme);
  });

  it("getAuthorizationUrl (with PKCE) redirects with a code that authenticateWithCode exchanges", async () => {
    const { url, state, codeVerifier } = await workos.userManagement.getAuthorizationUrlWithPKCE({
      provider: "authkit",
      redirectUri: "http://localhost:3000/callback",
      loginHint: "jane.doe@acme.com",
    });
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://localhost:3000/callback");
    expect(location.searchParams.get("state")).toBe(state);
    const code = location.searchParams.get("code") ?? "";
    const auth = await workos.userManagement.authenticateWithCodeAndVerifier({ code, codeVerifier });
    expect(auth.user.id).toBe(janeDoe);
    // A code is spent by its first use.
    await expect(
      workos.userManagement.authenticateWithCodeAndVerifier({ code, codeVerifier }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("getAuthorizationUrl for an organization redirects with a code that authenticateWithCode exchanges", async () => {
    const url = workos.userManagement.getAuthorizationUrl({
      organizationId: globex,
      redirectUri: "https://app.example.com/auth/callback",
      loginHint: "carlos.garcia@acme.com",
      state: "s-1",
    });
    const res = await fetch(url, { redirect: "manual" });
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe("s-1");
    const auth = await workos.userManagement.authenticateWithCode({
      code: location.searchParams.get("code") ?? "",
    });
    // The authorization URL named the organization, so no choice between Carlos's two is asked.
    expect(auth).toMatchObject({ user: { id: carlosGarcia }, organizationId: globex });
  });

  it("getLogoutUrl ends the session and returns the browser to return_to", async () => {
    const auth = await workos.userManagement.authenticateWithPassword({
      email: "jane.doe@acme.com",
      password: DEMO_PASSWORD,
    });
    const sessionId = String(claimsOf(auth.accessToken).sid);
    const res = await fetch(
      workos.userManagement.getLogoutUrl({ sessionId, returnTo: "http://localhost:3000/bye" }),
      { redirect: "manual" },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://localhost:3000/bye");
    const sessions = await workos.userManagement.listSessions(janeDoe);
    expect(sessions.data.map((s) => s.id)).not.toContain(sessionId);
    await expect(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: auth.refreshToken }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("createMagicAuth, getMagicAuth and authenticateWithMagicAuth sign a user in with an emailed code", async () => {
    const sent = await workos.userManagement.createMagicAuth({ email: "mei.chen@globex.com" });
    expect(sent).toMatchObject({ object: "magic_auth", email: "mei.chen@globex.com" });
    expect(sent.code).toMatch(/^\d{6}$/);
    expect((await workos.userManagement.getMagicAuth(sent.id)).code).toBe(sent.code);
    const auth = await workos.userManagement.authenticateWithMagicAuth({
      email: "mei.chen@globex.com",
      code: sent.code,
    });
    expect(auth).toMatchObject({ authenticationMethod: "MagicAuth", organizationId: globex });
    await expect(
      workos.userManagement.authenticateWithMagicAuth({ email: "mei.chen@globex.com", code: sent.code }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe("the official SDK: email verification, password reset, identities, factors and invitations", () => {
  it("sendVerificationEmail, getEmailVerification and verifyEmail verify a new user's address", async () => {
    const user = await workos.userManagement.createUser({ email: "verify.me@example.com" });
    const sent = await workos.userManagement.sendVerificationEmail({ userId: user.id });
    expect(sent.user.emailVerified).toBe(false);
    const events = await workos.events.listEvents({ events: ["email_verification.created"] });
    const id = String((events.data[0]?.data as { id?: string } | undefined)?.id);
    const verification = await workos.userManagement.getEmailVerification(id);
    expect(verification).toMatchObject({ userId: user.id, email: "verify.me@example.com" });
    const verified = await workos.userManagement.verifyEmail({ userId: user.id, code: verification.code });
    expect(verified.user.emailVerified).toBe(true);
  });

  it("createPasswordReset, getPasswordReset and resetPassword set a password that signs in", async () => {
    const reset = await workos.userManagement.createPasswordReset({ email: "mei.chen@globex.com" });
    expect((await workos.userManagement.getPasswordReset(reset.id)).email).toBe("mei.chen@globex.com");
    const { user } = await workos.userManagement.resetPassword({
      token: reset.passwordResetToken,
      newPassword: "a-brand-new-password",
    });
    expect(user.email).toBe("mei.chen@globex.com");
    const auth = await workos.userManagement.authenticateWithPassword({
      email: "mei.chen@globex.com",
      password: "a-brand-new-password",
    });
    expect(auth.user.id).toBe(user.id);
    // A reset ends the user's other sessions: only the one just started is left.
    const sessions = await workos.userManagement.listSessions(user.id);
    expect(sessions.data.map((s) => s.id)).toEqual([claimsOf(auth.accessToken).sid]);
  });

  it("getUserIdentities lists a user's linked OAuth accounts", async () => {
    const [mei] = (await workos.userManagement.listUsers({ email: "mei.chen@globex.com" })).data;
    const identities = await workos.userManagement.getUserIdentities(mei?.id ?? "");
    expect(identities).toEqual([{ idpId: "103948572615273849102", type: "OAuth", provider: "GoogleOAuth" }]);
    expect(await workos.userManagement.getUserIdentities(janeDoe)).toEqual([]);
  });

  it("enrollAuthFactor and listAuthFactors: a TOTP factor with its secret once, listed without it", async () => {
    const enrolled = await workos.userManagement.enrollAuthFactor({
      userId: janeDoe,
      type: "totp",
      totpIssuer: "Acme",
      totpUser: "jane.doe@acme.com",
    });
    expect(enrolled.authenticationFactor.totp.uri).toMatch(
      /^otpauth:\/\/totp\/Acme:jane\.doe%40acme\.com\?secret=[A-Z2-7]+&issuer=Acme&algorithm=SHA1&digits=6&period=30$/,
    );
    expect(enrolled.authenticationChallenge.authenticationFactorId).toBe(enrolled.authenticationFactor.id);
    // One store with the MFA API: the factor enrolled here is the one /auth/factors/{id} reads.
    const viaMfa = await workos.mfa.getFactor(enrolled.authenticationFactor.id);
    expect(viaMfa).toMatchObject({ id: enrolled.authenticationFactor.id, type: "totp" });
    const listed = await workos.userManagement.listAuthFactors({ userId: janeDoe });
    // Jane's seeded TOTP factor is listed too: one store of factors.
    expect(listed.data.map((f) => f.id)).toContain(enrolled.authenticationFactor.id);
    expect(listed.data.every((f) => f.userId === janeDoe)).toBe(true);
    expect(JSON.stringify(listed.data)).not.toContain(enrolled.authenticationFactor.totp.secret);
  });

  it("findInvitationByToken and acceptInvitation make the invitee a member", async () => {
    const user = await workos.userManagement.createUser({ email: "invitee@example.com" });
    const sent = await workos.userManagement.sendInvitation({
      email: "invitee@example.com",
      organizationId: globex,
    });
    const found = await workos.userManagement.findInvitationByToken(sent.token);
    expect(found.id).toBe(sent.id);
    const accepted = await workos.userManagement.acceptInvitation(sent.id);
    expect(accepted).toMatchObject({ state: "accepted", acceptedUserId: user.id });
    const memberships = await workos.userManagement.listOrganizationMemberships({ userId: user.id });
    expect(memberships.data.map((m) => [m.organizationId, m.status, m.role.slug])).toEqual([
      [globex, "active", "member"],
    ]);
  });
});

describe("the official SDK: an unverified email is proved before signing in", () => {
  it("authenticateWithPassword asks for verification; authenticateWithEmailVerification finishes", async () => {
    await workos.userManagement.createUser({ email: "unproved@example.com", password: "unproved-password" });
    const refusal = await workos.userManagement
      .authenticateWithPassword({ email: "unproved@example.com", password: "unproved-password" })
      .then(
        () => undefined,
        (error: { status?: number; rawData?: Record<string, string> }) => error,
      );
    expect(refusal?.status).toBe(403);
    expect(refusal?.rawData).toMatchObject({
      code: "email_verification_required",
      email: "unproved@example.com",
    });
    const verification = await workos.userManagement.getEmailVerification(
      refusal?.rawData?.email_verification_id ?? "",
    );
    const auth = await workos.userManagement.authenticateWithEmailVerification({
      code: verification.code,
      pendingAuthenticationToken: refusal?.rawData?.pending_authentication_token ?? "",
    });
    expect(auth.user).toMatchObject({ email: "unproved@example.com", emailVerified: true });
    // Verified now, the password alone signs in.
    const again = await workos.userManagement.authenticateWithPassword({
      email: "unproved@example.com",
      password: "unproved-password",
    });
    expect(again.user.id).toBe(auth.user.id);
  });
});
