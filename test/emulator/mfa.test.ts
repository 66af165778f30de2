import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MFA } from "../../src/emulator/demo-seed.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { base32Decode, totpCode } from "../../src/emulator/totp.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const challenge = async (factorId: string, body: unknown = {}) => {
  const res = await emu.api("POST", `/auth/factors/${factorId}/challenge`, { body });
  expect(res.status, res.text).toBe(201);
  return res.json;
};
const verify = (challengeId: string, code: string) =>
  emu.api("POST", `/auth/challenges/${challengeId}/verify`, { body: { code } });

describe("TOTP", () => {
  it("the RFC 6238 test vector: the code for 59 s of the RFC's secret is 287082", () => {
    // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 -> 94287082 (8 digits; 6 kept).
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(base32Decode(secret).toString()).toBe("12345678901234567890");
    expect(totpCode(secret, 59_000)).toBe("287082");
    expect(totpCode(secret, 1_111_111_109_000)).toBe("081804");
  });

  it("an enrolled TOTP factor verifies the code an authenticator computes from its secret, and no other", async () => {
    const enrolled = await emu.api("POST", "/auth/factors/enroll", {
      body: { type: "totp", totp_issuer: "Foo Corp", totp_user: "alan@foo-corp.com" },
    });
    expect(enrolled.status, enrolled.text).toBe(201);
    const { secret, uri, qr_code } = enrolled.json.totp;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Foo%20Corp:alan%40foo-corp.com?secret=${secret}&issuer=Foo%20Corp&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    const got = await emu.api("GET", `/auth/factors/${enrolled.json.id}`);
    expect(got.json.totp).toEqual({ issuer: "Foo Corp", user: "alan@foo-corp.com" });

    const first = await challenge(enrolled.json.id);
    expect(first).not.toHaveProperty("code");
    expect(first).not.toHaveProperty("expires_at");
    const wrongCode = totpCode(secret, Date.now() - 10 * 60_000);
    expect((await verify(first.id, wrongCode)).json.valid).toBe(false);
    const right = await verify(first.id, totpCode(secret, Date.now()));
    expect(right.status).toBe(201);
    expect(right.json).toMatchObject({ valid: true, challenge: { id: first.id } });
    expect((await verify(first.id, totpCode(secret, Date.now()))).json.code).toBe(
      "authentication_challenge_previously_verified",
    );
  });

  it("the seeded TOTP factor verifies codes from its documented secret", async () => {
    const c = await challenge(DEMO_MFA.janeTotp);
    expect((await verify(c.id, totpCode(DEMO_MFA.janeTotpSecret, Date.now()))).json.valid).toBe(true);
  });
});

describe("SMS and generic OTP", () => {
  it("an SMS challenge's code is read from GET /_emulator/sms, in the template, and verifies", async () => {
    const c = await challenge(DEMO_MFA.bobSms, { sms_template: "Acme code: {{code}}" });
    expect(c).not.toHaveProperty("code");
    expect(Date.parse(c.expires_at) - Date.now()).toBeGreaterThan(9 * 60_000);
    const outbox = await emu.api("GET", "/_emulator/sms");
    const sms = outbox.json.data.find(
      (m: { authentication_challenge_id: string }) => m.authentication_challenge_id === c.id,
    );
    expect(sms).toMatchObject({ phone_number: "+15555550123", body: `Acme code: ${sms.code}` });
    expect(sms.code).toMatch(/^\d{6}$/);
    const wrong = sms.code === "000000" ? "111111" : "000000";
    expect((await verify(c.id, wrong)).json.valid).toBe(false);
    expect((await verify(c.id, sms.code)).json.valid).toBe(true);
  });

  it("a generic OTP challenge returns its code; five wrong codes lock it (400)", async () => {
    const factor = (await emu.api("POST", "/auth/factors/enroll", { body: { type: "generic_otp" } })).json;
    const c = await challenge(factor.id);
    expect(c.code).toMatch(/^\d{6}$/);
    const wrong = c.code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expect((await verify(c.id, wrong)).json.valid).toBe(false);
    const locked = await verify(c.id, c.code);
    expect(locked.status).toBe(400);
    expect(locked.json.code).toBe("one_time_code_too_many_attempts");
  });

  it("an expired code is refused", async () => {
    let now = Date.now();
    const clocked = await start({ now: () => now });
    try {
      const factor = (await clocked.api("POST", "/auth/factors/enroll", { body: { type: "generic_otp" } }))
        .json;
      const c = (await clocked.api("POST", `/auth/factors/${factor.id}/challenge`, { body: {} })).json;
      now += 11 * 60_000;
      const res = await clocked.api("POST", `/auth/challenges/${c.id}/verify`, { body: { code: c.code } });
      expect(res.status).toBe(422);
      expect(res.json.code).toBe("authentication_challenge_expired");
    } finally {
      await clocked.close();
    }
  });
});

describe("factors", () => {
  it("refuses a bad enrollment (422) and an unknown factor or challenge (404); deleting a factor takes its challenges", async () => {
    for (const body of [
      { type: "email" },
      { type: "sms", phone_number: "12345" },
      { type: "totp", totp_issuer: "X" },
      { type: "generic_otp", user_id: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
    ]) {
      expect((await emu.api("POST", "/auth/factors/enroll", { body })).status, JSON.stringify(body)).toBe(
        422,
      );
    }
    expect((await emu.api("GET", "/auth/factors/auth_factor_nope")).status).toBe(404);
    const c = await challenge(DEMO_MFA.bobSms);
    expect((await emu.api("DELETE", `/auth/factors/${DEMO_MFA.bobSms}`)).status).toBe(204);
    expect((await emu.api("GET", `/auth/factors/${DEMO_MFA.bobSms}`)).status).toBe(404);
    expect((await verify(c.id, "123456")).status).toBe(404);
  });

  it("deleting a user deletes the user's factors", async () => {
    expect((await emu.api("DELETE", `/user_management/users/${DEMO_IDS.users.janeDoe}`)).status).toBeLessThan(
      300,
    );
    expect((await emu.api("GET", `/auth/factors/${DEMO_MFA.janeTotp}`)).status).toBe(404);
  });
});
