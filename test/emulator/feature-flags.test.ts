import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

const O = DEMO_IDS.organizations;
const U = DEMO_IDS.users;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const slugs = async (path: string): Promise<string[]> => {
  const res = await emu.api("GET", path);
  expect(res.status, res.text).toBe(200);
  return res.json.data.map((f: { slug: string }) => f.slug).sort();
};

describe("feature flags", () => {
  it("lists and gets the seeded flags by slug; an unknown slug is 404", async () => {
    expect(await slugs("/feature-flags?limit=100")).toEqual([
      "advanced-analytics",
      "dark-mode",
      "legacy-export",
      "new-onboarding",
    ]);
    const flag = await emu.api("GET", "/feature-flags/advanced-analytics");
    expect(flag.json).toMatchObject({
      object: "feature_flag",
      slug: "advanced-analytics",
      name: "Advanced Analytics",
      enabled: true,
      default_value: false,
      tags: ["beta"],
      owner: { email: "pm@example.com", first_name: "Pat", last_name: "Morgan" },
    });
    expect(flag.json.id).toMatch(/^flag_/);
    expect((await emu.api("GET", "/feature-flags/nope")).status).toBe(404);
  });

  it("evaluation follows targets: an organization's flags, and a user's own plus their organizations'", async () => {
    expect(await slugs(`/organizations/${O.acme}/feature-flags`)).toEqual([
      "advanced-analytics",
      "dark-mode",
    ]);
    // legacy-export targets Globex but is disabled.
    expect(await slugs(`/organizations/${O.globex}/feature-flags`)).toEqual(["dark-mode"]);
    // Jane is an Acme member; Zoe (Foo Corp) is a target of new-onboarding herself.
    expect(await slugs(`/user_management/users/${U.janeDoe}/feature-flags`)).toEqual([
      "advanced-analytics",
      "dark-mode",
    ]);
    expect(await slugs(`/user_management/users/${U.zoeAhlberg}/feature-flags`)).toEqual([
      "dark-mode",
      "new-onboarding",
    ]);
  });

  it("adding and removing a target changes evaluation; enabling and disabling a flag too", async () => {
    const add = await emu.api("POST", `/feature-flags/new-onboarding/targets/${O.globex}`);
    expect(add.status).toBe(204);
    expect(await slugs(`/organizations/${O.globex}/feature-flags`)).toEqual(["dark-mode", "new-onboarding"]);
    expect((await emu.api("DELETE", `/feature-flags/new-onboarding/targets/${O.globex}`)).status).toBe(204);
    expect(await slugs(`/organizations/${O.globex}/feature-flags`)).toEqual(["dark-mode"]);

    const enabled = await emu.api("PUT", "/feature-flags/legacy-export/enable");
    expect(enabled.json.enabled).toBe(true);
    expect(await slugs(`/organizations/${O.globex}/feature-flags`)).toEqual(["dark-mode", "legacy-export"]);
    const disabled = await emu.api("PUT", "/feature-flags/dark-mode/disable");
    expect(disabled.json.enabled).toBe(false);
    expect(await slugs(`/organizations/${O.globex}/feature-flags`)).toEqual(["legacy-export"]);
    const events = await emu.api("GET", "/events?events=flag.updated&order=asc");
    expect(events.json.data.map((e: { data: { slug: string; enabled: boolean } }) => e.data)).toMatchObject([
      { slug: "legacy-export", enabled: true },
      { slug: "dark-mode", enabled: false },
    ]);
  });

  it("targets must be an existing organization or user: 400 for another id, 404 for an unknown one", async () => {
    const conn = await emu.api(
      "POST",
      `/feature-flags/dark-mode/targets/${DEMO_IDS.connections.initechOidc}`,
    );
    expect(conn.status).toBe(400);
    expect(
      (await emu.api("POST", "/feature-flags/dark-mode/targets/org_01JZZZZZZZZZZZZZZZZZZZZZZZ")).status,
    ).toBe(404);
    expect((await emu.api("POST", `/feature-flags/nope/targets/${O.acme}`)).status).toBe(404);
    expect((await emu.api("GET", "/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/feature-flags")).status).toBe(
      404,
    );
  });
});
