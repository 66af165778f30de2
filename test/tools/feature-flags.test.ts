import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { acme, globex } = DEMO_IDS.organizations;
const U = DEMO_IDS.users;

type Item = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "feature_flags"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

const slugsOf = (items: Item[]) => items.map((item) => item.slug).sort();
/** The flags the emulator evaluates as on for a user, read outside the server. */
const userFlags = async (userId: string) =>
  ((await h.control("GET", `/user_management/users/${userId}/feature-flags`)) as { data: Item[] }).data.map(
    (flag) => flag.slug,
  );
const writes = async () => (await h.requests()).filter((request) => request.method !== "GET");

describe("list_feature_flags and get_feature_flag", () => {
  it("lists the environment's flags compactly: only the unusual states are shown", async () => {
    const flags = dataOf<Item[]>(await h.call("list_feature_flags", { limit: 100 }));
    expect(flags).toContainEqual({
      slug: "legacy-export",
      name: "Legacy Export",
      off: true,
      description: "The old CSV export, switched off.",
    });
    expect(flags).toContainEqual({
      slug: "dark-mode",
      name: "Dark Mode",
      default_on: true,
      description: "Dark theme for everyone.",
    });
    expect(slugsOf(flags)).toEqual(["advanced-analytics", "dark-mode", "legacy-export", "new-onboarding"]);
  });

  it("with organization_id lists the flags on for that organization", async () => {
    const result = await h.call("list_feature_flags", { organization_id: acme });
    // Acme is a target of advanced-analytics, and dark-mode is on by default; legacy-export is disabled.
    expect(slugsOf(dataOf<Item[]>(result))).toEqual(["advanced-analytics", "dark-mode"]);
    expect((await h.requests()).map((r) => r.path)).toEqual([`/organizations/${acme}/feature-flags`]);
  });

  it("get_feature_flag fetches the whole flag; an unknown slug is a 404 pointing to list_feature_flags", async () => {
    const result = await h.call("get_feature_flag", { slug: "advanced-analytics" });
    expect(viewOf(result).summary).toBe(
      'Feature flag "advanced-analytics" is enabled, on for its targets only.',
    );
    const disabled = await h.call("get_feature_flag", { slug: "legacy-export" });
    expect(viewOf(disabled).summary).toBe(
      'Feature flag "legacy-export" is disabled in the environment: on for no one.',
    );
    const flag = dataOf(result);
    expect(flag).toMatchObject({
      slug: "advanced-analytics",
      enabled: true,
      default_value: false,
      owner: { email: "pm@example.com" },
      tags: ["beta"],
    });
    const missing = await h.call("get_feature_flag", { slug: "no-such-flag" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain("HTTP 404");
    expect(textOf(missing)).toContain("list_feature_flags lists the slugs");
  });

  it("a slug that is no slug is refused before anything is sent", async () => {
    const result = await h.call("get_feature_flag", { slug: "../users" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^Invalid arguments for get_feature_flag; nothing was sent to WorkOS\.\n- slug:/,
    );
    expect(await h.requests()).toEqual([]);
  });
});

describe("set_feature_flag_target", () => {
  it("turns a flag on for an organization, and off again", async () => {
    const on = await h.call("set_feature_flag_target", {
      slug: "advanced-analytics",
      organization_id: globex,
      enabled: true,
    });
    expect(viewOf(on).summary).toBe(
      `Feature flag "advanced-analytics" now targets organization "${globex}".`,
    );
    // The flag's state that decides whether the target takes effect, not its whole record.
    expect(dataOf(on)).toEqual({
      targeted: true,
      organization_id: globex,
      flag: { slug: "advanced-analytics", name: "Advanced Analytics", enabled: true, default_value: false },
    });
    expect(viewOf(on).notes).toEqual(["Environment: the staging (test) environment."]);
    const listed = async () =>
      slugsOf(dataOf<Item[]>(await h.call("list_feature_flags", { organization_id: globex })));
    expect(await listed()).toContain("advanced-analytics");

    const off = await h.call("set_feature_flag_target", {
      slug: "advanced-analytics",
      organization_id: globex,
      enabled: false,
    });
    expect(viewOf(off).summary).toBe(
      `Feature flag "advanced-analytics" no longer targets organization "${globex}".`,
    );
    expect(await listed()).not.toContain("advanced-analytics");
    expect((await writes()).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /feature-flags/advanced-analytics/targets/${globex}`,
      `DELETE /feature-flags/advanced-analytics/targets/${globex}`,
    ]);
  });

  it("turns a flag on for a user", async () => {
    expect(await userFlags(U.oliviaBrown)).not.toContain("new-onboarding");
    const on = await h.call("set_feature_flag_target", {
      slug: "new-onboarding",
      user_id: U.oliviaBrown,
      enabled: true,
    });
    expect(viewOf(on).summary).toBe(`Feature flag "new-onboarding" now targets user "${U.oliviaBrown}".`);
    expect(await userFlags(U.oliviaBrown)).toContain("new-onboarding");
  });

  it("says when a target changes nothing yet: the flag is disabled, or on by default", async () => {
    const disabled = await h.call("set_feature_flag_target", {
      slug: "legacy-export",
      organization_id: acme,
      enabled: true,
    });
    expect(viewOf(disabled).notes?.[0]).toMatch(
      /^The flag is disabled in the environment, so it is on for no one/,
    );
    const byDefault = await h.call("set_feature_flag_target", {
      slug: "dark-mode",
      organization_id: acme,
      enabled: false,
    });
    expect(viewOf(byDefault).notes?.[0]).toMatch(/^The flag's default is on, so it stays on for them/);
  });

  it("an unknown flag is a 404 and changes nothing", async () => {
    const result = await h.call("set_feature_flag_target", {
      slug: "no-such-flag",
      organization_id: acme,
      enabled: true,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
    expect(textOf(result)).toContain("list_feature_flags lists the slugs");
    expect(await writes()).toEqual([]);
  });

  it.each([
    ["both", { organization_id: acme, user_id: U.janeDoe }],
    ["neither", {}],
  ])("naming %s of organization_id and user_id is refused before anything is sent", async (_case, who) => {
    const result = await h.call("set_feature_flag_target", { slug: "dark-mode", enabled: true, ...who });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("- organization_id: give organization_id or user_id, one of them");
    expect(await h.requests()).toEqual([]);
  });
});

describe("on a server pinned to Acme", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ argv: ["--toolsets", "feature_flags", "--organization", acme] });
  });
  afterAll(() => pinned.close());
  beforeEach(async () => {
    await pinned.control("POST", "/_emulator/reset");
    await pinned.control("DELETE", "/_emulator/requests");
  });

  it("list_feature_flags lists the flags on for Acme, organization_id filled in", async () => {
    const listed = (await pinned.mcp.listTools()).tools.find((tool) => tool.name === "list_feature_flags");
    expect(Object.keys(listed?.inputSchema.properties ?? {})).not.toContain("organization_id");
    const flags = dataOf<Item[]>(await pinned.call("list_feature_flags", {}));
    expect(slugsOf(flags)).toEqual(["advanced-analytics", "dark-mode"]);
  });

  it("targets Acme, and a user who belongs to Acme alone", async () => {
    for (const who of [{ organization_id: acme }, { user_id: U.janeDoe }]) {
      const result = await pinned.call("set_feature_flag_target", {
        slug: "new-onboarding",
        enabled: true,
        ...who,
      });
      expect(result.isError, textOf(result)).toBeFalsy();
    }
  });

  it.each([
    ["Globex", { organization_id: globex }],
    ["a Foo Corp user", { user_id: U.zoeAhlberg }],
    ["an Acme member who is also in Globex", { user_id: U.carlosGarcia }],
  ])("refuses %s and changes nothing", async (_case, who) => {
    const result = await pinned.call("set_feature_flag_target", {
      slug: "new-onboarding",
      enabled: true,
      ...who,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`pinned to organization ${acme}`);
    expect(textOf(result)).toContain("Only the pinned organization, or a user of it alone, can be a target.");
    expect((await pinned.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });
});
