import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { directoryUserCounts } from "../../src/tools/impact.js";
import { clientViews, tokens } from "../support/client-views.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { directories, organizations } = DEMO_IDS;
const MISSING = { directory: "directory_01HZZZZZZZZZZZZZZZZZZZZZZZ" };
const MISSING_DIRECTORY = {
  object: "directory" as const,
  id: MISSING.directory,
  organization_id: organizations.fooCorp,
  name: "Nowhere",
  type: "okta scim v2.0",
  state: "linked",
  created_at: "2024-01-15T00:00:00.000Z",
  updated_at: "2024-01-15T00:00:00.000Z",
};
let h: Harness;

interface User {
  id: string;
  email: string;
}
interface Group {
  id: string;
  name: string;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control("POST", "/_emulator/reset"));

describe("directories", () => {
  it("list_directories filters by organization", async () => {
    const result = await h.call("list_directories", { organization_id: organizations.fooCorp });
    expect(dataOf<{ id: string }[]>(result).map((d) => d.id)).toEqual([directories.fooCorpOkta]);
  });

  it("get_directory returns it, and reports a missing one", async () => {
    const found = await h.call("get_directory", { directory_id: directories.acmeGoogle });
    expect(dataOf(found)).toMatchObject({
      id: directories.acmeGoogle,
      type: "gsuite directory",
      state: "linked",
    });
    const missing = await h.call("get_directory", { directory_id: MISSING.directory });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain("list_directories");
  });

  it("get_directory refuses a directory user id", async () => {
    const result = await h.call("get_directory", {
      directory_id: "directory_user_01HM66AHB0RFC9F8W2G737GR10",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- directory_id: must be a directory id/);
  });

  it("delete_directory removes it after confirmation", async () => {
    const preview = await h.call("delete_directory", { directory_id: directories.initechBamboo });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(preview);
    const result = await h.call("delete_directory", {
      directory_id: directories.initechBamboo,
      confirmation_token,
    });
    expect(dataOf(result)).toEqual({
      deleted: true,
      object: "directory",
      id: directories.initechBamboo,
    });
    expect((await h.call("get_directory", { directory_id: directories.initechBamboo })).isError).toBe(true);
  });

  it("delete_directory reports a missing one", async () => {
    const result = await h.call("delete_directory", { directory_id: MISSING.directory });
    expect(result.isError).toBe(true);
  });
});

describe("user counts say which users are suspended", () => {
  // Foo Corp's 30 users: WorkOS's metadata says 23 active and 7 inactive, of whom 3 are suspended.
  const fooCorpUsers = { active: 23, inactive: 4, suspended: 3 };

  it("the demo directory has users in all three states", async () => {
    // The compact list names every state but active ("Users are active unless a state is shown").
    const users = dataOf<{ state?: string }[]>(
      await h.call("list_directory_users", { directory_id: directories.fooCorpOkta, limit: 100 }),
    );
    const byState: Record<string, number> = {};
    for (const { state = "active" } of users) byState[state] = (byState[state] ?? 0) + 1;
    expect(byState).toEqual(fooCorpUsers);
  });

  it("the organization overview counts active, inactive and suspended users apart", async () => {
    const overview = dataOf<{ directories: { id: string; users: unknown }[] }>(
      await h.call("get_organization_overview", { organization_id: organizations.fooCorp }),
    );
    expect(overview.directories).toEqual([
      expect.objectContaining({ id: directories.fooCorpOkta, users: fooCorpUsers }),
    ]);
  });

  it("a directory's delete preview counts them apart too", async () => {
    const preview = await h.call("delete_directory", { directory_id: directories.fooCorpOkta });
    expect(dataOf(preview)).toMatchObject({
      impact: { directory_users: fooCorpUsers, directory_groups: 4 },
    });
    let asked = "";
    const eliciting = await startHarness({
      elicit: (request) => {
        asked = request.message;
        return { action: "decline" };
      },
    });
    try {
      await eliciting.call("delete_directory", { directory_id: directories.fooCorpOkta });
    } finally {
      await eliciting.close();
    }
    expect(asked).toContain(
      "This also removes its 4 groups and 30 synced users, of whom 4 are inactive and 3 suspended,",
    );
    const organization = await h.call("delete_organization", { organization_id: organizations.fooCorp });
    expect(dataOf(organization)).toMatchObject({
      impact: { directories: [expect.objectContaining({ users: fooCorpUsers, groups: 4 })] },
    });
  });

  it("trusts WorkOS's counts without walking when none are inactive, or too many users to walk", async () => {
    const client = new WorkOSClient({ apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
    const at = { ...MISSING_DIRECTORY, metadata: { users: { active: 9_000, inactive: 2_000 }, groups: 3 } };
    try {
      await h.control("DELETE", "/_emulator/requests");
      const signal = new AbortController().signal;
      expect(await directoryUserCounts(client, at, signal)).toEqual({
        active: 9_000,
        inactive_or_suspended: 2_000,
      });
      const none = { ...at, metadata: { users: { active: 12, inactive: 0 }, groups: 3 } };
      expect(await directoryUserCounts(client, none, signal)).toEqual({
        active: 12,
        inactive: 0,
        suspended: 0,
      });
      expect(await h.requests()).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("a list of directories, from WorkOS's counts alone, says inactive_or_suspended", async () => {
    const listed = dataOf<{ id: string; users: unknown }[]>(
      await h.call("list_directories", { organization_id: organizations.fooCorp }),
    );
    expect(listed[0]?.users).toEqual({ active: 23, inactive_or_suspended: 7 });
    const found = viewOf(await h.call("get_directory", { directory_id: directories.fooCorpOkta }));
    expect(found.notes).toEqual([
      "metadata.users.inactive counts suspended users too: list_directory_users with state suspended or inactive tells them apart.",
    ]);
  });
});

describe("directory users and groups", () => {
  it("pages through a directory's 30 users with the printed cursor", async () => {
    const seen: string[] = [];
    let args: Record<string, unknown> = { directory_id: directories.fooCorpOkta, limit: 12 };
    let pages = 0;
    for (; pages < 10; pages++) {
      const result = await h.call("list_directory_users", args);
      seen.push(...dataOf<User[]>(result).map((user) => user.id));
      // The call printed in the text is the whole next call, the same as structuredContent's next.
      const printed = /^Next page: call list_directory_users with (\{.*\})\.$/m.exec(textOf(result))?.[1];
      expect(printed === undefined ? undefined : JSON.parse(printed)).toEqual(viewOf(result).next?.arguments);
      if (printed === undefined) break;
      args = JSON.parse(printed);
      expect(args).toMatchObject({
        directory_id: directories.fooCorpOkta,
        limit: 12,
        after: expect.any(String),
      });
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it("finds a user by email, and the user's groups", async () => {
    const all = dataOf<User[]>(
      await h.call("list_directory_users", { directory_id: directories.fooCorpOkta, limit: 1 }),
    );
    const someone = all[0] as User;
    const byEmail = await h.call("list_directory_users", {
      directory_id: directories.fooCorpOkta,
      email: someone.email,
    });
    expect(dataOf<User[]>(byEmail).map((user) => user.id)).toEqual([someone.id]);

    const user = await h.call("get_directory_user", { directory_user_id: someone.id });
    expect(dataOf(user)).toMatchObject({
      id: someone.id,
      email: someone.email,
      directory_id: directories.fooCorpOkta,
    });

    const groups = dataOf<Group[]>(await h.call("list_directory_groups", { directory_user_id: someone.id }));
    expect(groups.length).toBeGreaterThan(0);
    const members = await h.call("list_directory_users", {
      directory_group_id: (groups[0] as Group).id,
      limit: 100,
    });
    expect(dataOf<User[]>(members).map((member) => member.id)).toContain(someone.id);
  });

  it('detail: "full" of 30 users, just over the token cap, is cut by an item or two, not to a third', async () => {
    const result = await h.call("list_directory_users", {
      directory_id: directories.fooCorpOkta,
      limit: 30,
      detail: "full",
    });
    const shown = dataOf<unknown[]>(result).length;
    expect(shown).toBeGreaterThanOrEqual(26);
    expect(shown).toBeLessThan(30);
    const { structured, text } = clientViews(result);
    expect(Math.max(tokens(structured), tokens(text))).toBeLessThanOrEqual(9_500);
    expect(Math.max(tokens(structured), tokens(text))).toBeGreaterThan(8_000);
  });

  // 30 of them come to about 9,600 tokens, which the default token cap (9,500) cuts: 25 fit whole.
  it('detail: "full" of 25 users leaves out only what repeats: under 10,000 tokens', async () => {
    const result = await h.call("list_directory_users", {
      directory_id: directories.fooCorpOkta,
      limit: 25,
      detail: "full",
    });
    const users = dataOf<Record<string, unknown>[]>(result);
    expect(users).toHaveLength(25);
    for (const user of users) {
      expect(user).toMatchObject({ object: "directory_user", directory_id: directories.fooCorpOkta });
      expect(user).toHaveProperty("raw_attributes");
      expect(user).toHaveProperty("emails");
      // WorkOS's deprecated username and job_title here repeat email and custom_attributes.job_title.
      expect(user).not.toHaveProperty("username");
      expect(user).not.toHaveProperty("job_title");
      expect(user.custom_attributes).toHaveProperty("job_title");
      const groups = user.groups as Record<string, unknown>[];
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        expect(Object.keys(group).sort()).toEqual(["created_at", "id", "idp_id", "name", "updated_at"]);
      }
    }
    // The same group whole, from get_directory_group, still has them.
    const [first] = (users[0] as { groups: { id: string }[] }).groups;
    const group = dataOf(await h.call("get_directory_group", { directory_group_id: first?.id }));
    expect(group).toMatchObject({ object: "directory_group", directory_id: directories.fooCorpOkta });
    expect(viewOf(result).notes?.join(" ")).toContain("Left out as repeats: username and job_title");
    const { structured, text } = clientViews(result);
    expect(tokens(structured)).toBeLessThan(10_000);
    expect(tokens(text)).toBeLessThan(10_000);
  });

  it("lists a directory's groups and gets one", async () => {
    const groups = dataOf<Group[]>(
      await h.call("list_directory_groups", { directory_id: directories.fooCorpOkta }),
    );
    expect(groups.map((group) => group.name).sort()).toEqual(["Admins", "Engineering", "Sales", "Support"]);
    const group = await h.call("get_directory_group", { directory_group_id: (groups[0] as Group).id });
    expect(dataOf(group)).toMatchObject({
      object: "directory_group",
      name: (groups[0] as Group).name,
    });
  });

  it("search ignores accents and case: muller finds Müller, and a group by a folded name", async () => {
    const users = dataOf<{ name: string }[]>(
      await h.call("list_directory_users", {
        directory_id: directories.fooCorpOkta,
        search: "beatriz muller",
      }),
    );
    expect(users.map((user) => user.name)).toEqual(["Beatriz Müller"]);
    const accented = dataOf<{ name: string }[]>(
      await h.call("list_directory_users", {
        directory_id: directories.fooCorpOkta,
        search: "BEATRIZ MÜLLER",
      }),
    );
    expect(accented.map((user) => user.name)).toEqual(["Beatriz Müller"]);
    // ø has no accent to drop: it is folded to o all the same.
    const [someone] = dataOf<{ name: string }[]>(
      await h.call("list_directory_users", { directory_id: directories.fooCorpOkta, search: "Jørgensen" }),
    );
    const spelled = (someone?.name ?? "").replace("Jørgensen", "Jorgensen");
    const plain = dataOf<{ name: string }[]>(
      await h.call("list_directory_users", { directory_id: directories.fooCorpOkta, search: spelled }),
    );
    expect(plain.map((user) => user.name)).toEqual([someone?.name]);
    const groups = dataOf<Group[]>(
      await h.call("list_directory_groups", { directory_id: directories.fooCorpOkta, search: "éngînéér" }),
    );
    expect(groups.map((group) => group.name)).toEqual(["Engineering"]);
  });

  it.each([
    ["list_directory_users", {}, /- directory_id: give directory_id or directory_group_id/],
    [
      "list_directory_users",
      { directory_group_id: "directory_group_01HM66AHB0RFC9F8W2G737GR10", email: "a@b.co" },
      /need directory_id/,
    ],
    ["list_directory_users", { directory_id: directories.fooCorpOkta, email: "not-an-email" }, /- email: /],
    ["list_directory_groups", {}, /- directory_id: give directory_id or directory_user_id/],
  ])("%s rejects %o", async (tool, args, message) => {
    const result = await h.call(tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it.each([
    [
      "get_directory_user",
      { directory_user_id: "directory_user_01HZZZZZZZZZZZZZZZZZZZZZZZ" },
      "list_directory_users",
    ],
    [
      "get_directory_group",
      { directory_group_id: "directory_group_01HZZZZZZZZZZZZZZZZZZZZZZZ" },
      "list_directory_groups",
    ],
    ["list_directory_users", { directory_id: MISSING.directory }, "list_directories"],
    ["list_directory_groups", { directory_id: MISSING.directory }, "list_directories"],
  ])("%s reports a missing object", async (tool, args, finder) => {
    const result = await h.call(tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(finder);
  });
});
