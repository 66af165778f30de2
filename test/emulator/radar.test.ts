import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const attempt = (overrides: Record<string, string> = {}) =>
  emu.api("POST", "/radar/attempts", {
    body: {
      ip_address: "198.51.100.7",
      user_agent: "Mozilla/5.0",
      email: "ann@example.com",
      auth_method: "Password",
      action: "sign-in",
      ...overrides,
    },
  });

describe("Radar", () => {
  it("allows an ordinary attempt and blocks what the seeded block lists hold (IP, email domain)", async () => {
    const ok = await attempt();
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ verdict: "allow" });
    expect(ok.json.attempt_id).toMatch(/^radar_att_/);
    expect((await attempt({ ip_address: "203.0.113.66" })).json).toMatchObject({
      verdict: "block",
      blocklist_type: "ip_address",
    });
    expect((await attempt({ email: "x@mailinator.com" })).json).toMatchObject({
      verdict: "block",
      blocklist_type: "domain",
    });
  });

  it("list entries can be added (201, then 200 already present) and removed (204, then 404); allow wins", async () => {
    const add = () => emu.api("POST", "/radar/lists/email/block", { body: { entry: "ann@example.com" } });
    expect((await add()).status).toBe(201);
    const again = await add();
    expect(again.status).toBe(200);
    expect(again.json.message).toMatch(/already/);
    expect((await attempt()).json.verdict).toBe("block");
    expect(
      (await emu.api("POST", "/radar/lists/domain/allow", { body: { entry: "example.com" } })).status,
    ).toBe(201);
    expect((await attempt()).json.verdict).toBe("allow");
    const remove = () =>
      emu.api("DELETE", "/radar/lists/email/block", { body: { entry: "ann@example.com" } });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(404);
    expect((await emu.api("POST", "/radar/lists/planet/block", { body: { entry: "mars" } })).status).toBe(
      400,
    );
  });

  it("brute force: the sixth sign-in within minutes is challenged, until an attempt is reported successful", async () => {
    const verdicts: string[] = [];
    let last = "";
    for (let i = 0; i < 6; i++) {
      const res = await attempt();
      verdicts.push(res.json.verdict);
      last = res.json.attempt_id;
    }
    expect(verdicts).toEqual(["allow", "allow", "allow", "allow", "allow", "challenge"]);
    expect((await attempt()).json.control).toBe("brute_force_attack");
    expect(
      (await emu.api("PUT", `/radar/attempts/${last}`, { body: { attempt_status: "success" } })).status,
    ).toBe(204);
    // Only the attempt after the success counts now.
    expect((await attempt()).json.verdict).toBe("allow");
    expect(
      (await emu.api("PUT", "/radar/attempts/radar_att_nope", { body: { attempt_status: "success" } }))
        .status,
    ).toBe(404);
    expect(
      (await emu.api("PUT", `/radar/attempts/${last}`, { body: { attempt_status: "failed" } })).status,
    ).toBe(400);
  });

  it("refuses an attempt without the required fields (400)", async () => {
    expect((await attempt({ email: "not-an-email" })).status).toBe(400);
    expect((await attempt({ auth_method: "Telepathy" })).status).toBe(400);
    expect((await attempt({ action: "sign-out" })).status).toBe(400);
  });
});
