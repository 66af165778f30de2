import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

// Email changes, verification codes, password resets, factors and invitations accepted, over real HTTP.
const { fooCorp } = DEMO_IDS.organizations;
const { janeDoe, amaraOkafor } = DEMO_IDS.users;

let e: TestEmulator;
beforeAll(async () => {
  e = await start();
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

describe("email change", () => {
  it("the code sent to the new address changes and verifies the email; a second use is refused", async () => {
    const sent = await e.api("POST", `/user_management/users/${janeDoe}/email_change/send`, {
      body: { new_email: "Jane@New.example.com" },
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ object: "email_change", new_email: "jane@new.example.com" });
    expect(sent.json.user.email).toBe("jane.doe@acme.com");
    const confirmed = await e.api("POST", `/user_management/users/${janeDoe}/email_change/confirm`, {
      body: { code: sent.json.code },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.user).toMatchObject({ email: "jane@new.example.com", email_verified: true });
    const again = await e.api("POST", `/user_management/users/${janeDoe}/email_change/confirm`, {
      body: { code: sent.json.code },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("email_change_code_previously_used");
  });

  it("an address taken after the code was sent is refused at confirmation", async () => {
    const sent = await e.api("POST", `/user_management/users/${janeDoe}/email_change/send`, {
      body: { new_email: "contested@example.com" },
    });
    await e.api("POST", "/user_management/users", { body: { email: "contested@example.com" } });
    const confirmed = await e.api("POST", `/user_management/users/${janeDoe}/email_change/confirm`, {
      body: { code: sent.json.code },
    });
    expect(confirmed.status).toBe(409);
    expect(confirmed.json.code).toBe("email_not_available");
  });

  it("an address another user has cannot be asked for", async () => {
    const res = await e.api("POST", `/user_management/users/${janeDoe}/email_change/send`, {
      body: { new_email: "mei.chen@globex.com" },
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("email_not_available");
  });
});

describe("email verification and password reset", () => {
  it("a verification code works once; a verified user gets no new one", async () => {
    await e.api("POST", `/user_management/users/${amaraOkafor}/email_verification/send`);
    const events = await e.api("GET", "/events?events=email_verification.created");
    expect(events.json.data[0].data.code).toBeUndefined();
    const verification = await e.api(
      "GET",
      `/user_management/email_verification/${events.json.data[0].data.id}`,
    );
    const confirm = () =>
      e.api("POST", `/user_management/users/${amaraOkafor}/email_verification/confirm`, {
        body: { code: verification.json.code },
      });
    expect((await confirm()).status).toBe(200);
    const again = await confirm();
    expect(again.status).toBe(400);
    expect(again.json.code).toBe("email_previously_verified");
    const resend = await e.api("POST", `/user_management/users/${amaraOkafor}/email_verification/send`);
    expect(resend.status).toBe(400);
    expect(resend.json.code).toBe("email_already_verified");
  });

  it("a reset token expires after half an hour, and its event carries no token", async () => {
    let now = Date.now();
    const clocked = await start({ now: () => now });
    try {
      const reset = await clocked.api("POST", "/user_management/password_reset", {
        body: { email: "jane.doe@acme.com" },
      });
      expect(Date.parse(reset.json.expires_at) - now).toBe(30 * 60_000);
      expect(reset.json.password_reset_url).toContain(reset.json.password_reset_token);
      const events = await clocked.api("GET", "/events?events=password_reset.created");
      expect(events.json.data[0].data.password_reset_token).toBeUndefined();
      now += 30 * 60_000 + 1;
      const late = await clocked.api("POST", "/user_management/password_reset/confirm", {
        body: { token: reset.json.password_reset_token, new_password: "too-late-password" },
      });
      expect(late.status).toBe(400);
      expect(late.json.errors[0].code).toBe("password_reset_token_expired");
    } finally {
      await clocked.close();
    }
  });

  it("a reset verifies an unverified email", async () => {
    const reset = await e.api("POST", "/user_management/password_reset", {
      body: { email: "amara.okafor@foo-corp.com" },
    });
    const done = await e.api("POST", "/user_management/password_reset/confirm", {
      body: { token: reset.json.password_reset_token, new_password: "amara-new-password" },
    });
    expect(done.json.user).toMatchObject({ id: amaraOkafor, email_verified: true });
  });
});

describe("factors and invitations", () => {
  it("deleting a user deletes its factors", async () => {
    const user = await e.api("POST", "/user_management/users", { body: { email: "factor@example.com" } });
    const enrolled = await e.api("POST", `/user_management/users/${user.json.id}/auth_factors`, {
      body: { type: "totp", totp_secret: "JBSWY3DPEHPK3PXP" },
    });
    expect(enrolled.json.authentication_factor.totp.secret).toBe("JBSWY3DPEHPK3PXP");
    expect(enrolled.json.authentication_factor.totp.user).toBe("factor@example.com");
    await e.api("DELETE", `/user_management/users/${user.json.id}`);
    const listed = await e.api("GET", `/user_management/users/${user.json.id}/auth_factors`);
    expect(listed.status).toBe(404);
  });

  it("accepting activates the invitee's pending membership and is refused a second time", async () => {
    const invitation = DEMO_IDS.invitations.fooCorpAmara;
    const accepted = await e.api("POST", `/user_management/invitations/${invitation}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ state: "accepted", accepted_user_id: amaraOkafor });
    const membership = await e.api(
      "GET",
      `/user_management/organization_memberships/${DEMO_IDS.organizationMemberships.amaraFooCorp}`,
    );
    expect(membership.json).toMatchObject({ organization_id: fooCorp, status: "active" });
    const events = await e.api(
      "GET",
      "/events?events=organization_membership.updated,invitation.accepted&order=asc",
    );
    expect(events.json.data.map((ev: { event: string }) => ev.event)).toEqual([
      "organization_membership.updated",
      "invitation.accepted",
    ]);
    const again = await e.api("POST", `/user_management/invitations/${invitation}/accept`);
    expect(again.status).toBe(400);
    expect(again.json.code).toBe("invite_has_accepted_user_id");
  });

  it("an invitation whose invitee has not signed up cannot be accepted", async () => {
    const res = await e.api(
      "POST",
      `/user_management/invitations/${DEMO_IDS.invitations.acmeNewHire}/accept`,
    );
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("invalid_invite");
  });
});
