import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EXTERNAL_AUTH_ID } from "../../src/emulator/demo-seed.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const complete = (user: Record<string, unknown>, id = DEMO_EXTERNAL_AUTH_ID) =>
  emu.api("POST", "/authkit/oauth2/complete", { body: { external_auth_id: id, user } });

describe("Standalone Connect: POST /authkit/oauth2/complete", () => {
  it("creates the user by external id and returns AuthKit's redirect with a code and the state, once", async () => {
    const res = await complete({ id: "ext-42", email: "Dana@Example.com", first_name: "Dana" });
    expect(res.status, res.text).toBe(200);
    const next = new URL(res.json.redirect_uri);
    expect(`${next.origin}${next.pathname}`).toBe("https://auth.example.com/oauth2/callback");
    expect(next.searchParams.get("state")).toBe("demo-state");
    expect(next.searchParams.get("code")).toBeTruthy();
    const user = await emu.api("GET", "/user_management/users/external_id/ext-42");
    expect(user.json).toMatchObject({ email: "dana@example.com", first_name: "Dana", external_id: "ext-42" });
    const again = await complete({ id: "ext-42", email: "dana@example.com" });
    expect(again.status).toBe(400);
    expect(again.json.code).toBe("external_auth_session_already_completed");
  });

  it("updates a user with the same external id; an email of another user is email_not_available", async () => {
    await emu.api("POST", "/user_management/users", {
      body: { email: "old@example.com", external_id: "ext-7" },
    });
    const taken = await complete({ id: "ext-7", email: "jane.doe@acme.com" });
    expect(taken.status).toBe(400);
    expect(taken.json.code).toBe("email_not_available");
    expect((await complete({ id: "ext-7", email: "new@example.com", last_name: "Q" })).status).toBe(200);
    const user = await emu.api("GET", "/user_management/users/external_id/ext-7");
    expect(user.json).toMatchObject({ email: "new@example.com", last_name: "Q" });
  });

  it("refuses an invalid email (400), a missing user (422) and an unknown session (404)", async () => {
    expect((await complete({ id: "x", email: "nope" })).json.code).toBe("invalid_email");
    expect(
      (await emu.api("POST", "/authkit/oauth2/complete", { body: { external_auth_id: "x" } })).status,
    ).toBe(422);
    expect((await complete({ id: "x", email: "x@example.com" }, "external_auth_unknown")).status).toBe(404);
  });
});
