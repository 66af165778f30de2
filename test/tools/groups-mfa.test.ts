import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_MFA } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { acme, globex } = DEMO_IDS.organizations;
const { janeDoe, bobSmith, meiChen } = DEMO_IDS.users;
const M = DEMO_IDS.organizationMemberships;

type Group = { id: string; name: string; description?: string };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "users"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

async function groupsOf(organization: string): Promise<Group[]> {
  return dataOf<Group[]>(await h.call("list_groups", { organization_id: organization }));
}

describe("list_groups", () => {
  it("lists an organization's groups: name and description, nothing empty", async () => {
    const groups = await groupsOf(acme);
    // Newest first, as WorkOS lists them.
    expect(groups).toEqual([
      { id: expect.stringMatching(/^group_/), name: "Finance" },
      {
        id: expect.stringMatching(/^group_/),
        name: "Engineering",
        description: "Everyone who ships Acme's product.",
      },
    ]);
    expect((await h.requests()).map((r) => r.path)).toEqual([`/organizations/${acme}/groups`]);
  });

  it("pages on past WorkOS's largest page with the next call it offers", async () => {
    for (let i = 0; i < 100; i++) {
      await h.control("POST", `/organizations/${acme}/groups`, { name: `Team ${i}` });
    }
    const first = viewOf<Group[]>(await h.call("list_groups", { organization_id: acme }));
    expect(first.data).toHaveLength(100);
    expect(first.next?.arguments).toEqual({ organization_id: acme, after: first.data.at(-1)?.id });
    const second = viewOf<Group[]>(await h.call("list_groups", first.next?.arguments));
    expect(second.data.map((g) => g.name)).toEqual(["Finance", "Engineering"]);
    expect(second.next).toBeUndefined();
  });

  it("lists the groups one member is in", async () => {
    const result = await h.call("list_groups", { organization_membership_id: M.janeAcme });
    expect(dataOf<Group[]>(result).map((g) => g.name)).toEqual(["Engineering"]);
    expect((await h.requests()).map((r) => r.path)).toEqual([
      `/user_management/organization_memberships/${M.janeAcme}/groups`,
    ]);
    // A member of Globex has none of Acme's groups.
    const other = await h.call("list_groups", {
      organization_id: acme,
      organization_membership_id: M.hankGlobex,
    });
    expect(dataOf(other)).toEqual([]);
  });

  it("needs an organization or a member, and reports WorkOS's 404 for an unknown organization", async () => {
    const neither = await h.call("list_groups", {});
    expect(neither.isError).toBe(true);
    expect(textOf(neither)).toContain(
      "- organization_id: give organization_id or organization_membership_id",
    );
    expect(await h.requests()).toEqual([]);
    const unknown = await h.call("list_groups", { organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/HTTP 404/);
  });
});

describe("get_group", () => {
  it("gets a group with its members' emails and roles", async () => {
    const engineering = (await groupsOf(acme)).find((g) => g.name === "Engineering") as Group;
    const result = await h.call("get_group", { organization_id: acme, group_id: engineering.id });
    expect(result.isError, textOf(result)).toBeFalsy();
    const group = dataOf<{ members: Record<string, unknown>[] }>(result);
    expect(group).toMatchObject({ id: engineering.id, name: "Engineering", organization_id: acme });
    expect(viewOf(result).summary).toBe(`Group "${engineering.id}" with 2 members.`);
    expect(group.members.map((m) => m.email).sort()).toEqual(["jane.doe@acme.com", "priya.patel@acme.com"]);
    expect(group.members.find((m) => m.id === M.janeAcme)).toEqual({
      id: M.janeAcme,
      user_id: janeDoe,
      email: "jane.doe@acme.com",
      role: "admin",
    });
  });

  it("finds no group of another organization, and says where to look", async () => {
    const [sales] = await groupsOf(globex);
    const result = await h.call("get_group", { organization_id: acme, group_id: sales?.id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 404/);
    expect(textOf(result)).toContain(`Organization ${acme} has no such group`);
    const wrongKind = await h.call("get_group", { organization_id: acme, group_id: M.janeAcme });
    expect(textOf(wrongKind)).toContain(
      '- group_id: must be a group id starting with "group_"; use list_groups',
    );
  });
});

describe("list_user_auth_factors", () => {
  it("lists a user's MFA factors: kind, app issuer, when enrolled; never a TOTP secret", async () => {
    const result = await h.call("list_user_auth_factors", { user_id: janeDoe });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(dataOf(result)).toEqual([
      { id: DEMO_MFA.janeTotp, type: "totp", issuer: "Acme", enrolled_at: expect.any(String) },
    ]);
    expect(JSON.stringify(result)).not.toContain(DEMO_MFA.janeTotpSecret);
    expect((await h.requests()).map((r) => r.path)).toEqual([
      `/user_management/users/${janeDoe}/auth_factors`,
    ]);
    const bob = dataOf(await h.call("list_user_auth_factors", { user_id: bobSmith }));
    expect(bob).toEqual([
      { id: DEMO_MFA.bobSms, type: "sms", phone_number: "+15555550123", enrolled_at: expect.any(String) },
    ]);
    expect(dataOf(await h.call("list_user_auth_factors", { user_id: meiChen }))).toEqual([]);
  });

  it("reports WorkOS's 404 for an unknown user", async () => {
    const result = await h.call("list_user_auth_factors", { user_id: "user_01JZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 404/);
  });
});

describe("delete_user_auth_factor", () => {
  it("previews whose factor it is, then deletes it with the token", async () => {
    const first = await h.call("delete_user_auth_factor", { authentication_factor_id: DEMO_MFA.janeTotp });
    const preview = dataOf<{ confirmation_token: string }>(first);
    expect(preview).toMatchObject({
      deleted: false,
      object: "authentication_factor",
      name: "jane.doe@acme.com",
      impact: { user_id: janeDoe, email: "jane.doe@acme.com", type: "totp", issuer: "Acme" },
    });
    expect((await h.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
    const second = await h.call("delete_user_auth_factor", {
      authentication_factor_id: DEMO_MFA.janeTotp,
      confirmation_token: preview.confirmation_token,
    });
    expect(viewOf(second).data).toEqual({
      deleted: true,
      object: "authentication_factor",
      id: DEMO_MFA.janeTotp,
    });
    expect(dataOf(await h.call("list_user_auth_factors", { user_id: janeDoe }))).toEqual([]);
  });

  it("asks a client that can elicit for the owner's email, naming the app", async () => {
    let asked = "";
    const hh = await startHarness({
      argv: ["--toolsets", "users"],
      elicit: (request) => {
        asked = request.message;
        return { action: "accept", content: { confirm_name: "bob.smith@acme.com" } };
      },
    });
    try {
      const result = await hh.call("delete_user_auth_factor", { authentication_factor_id: DEMO_MFA.bobSms });
      expect(dataOf(result)).toMatchObject({ deleted: true });
      expect(asked).toContain(`Permanently delete MFA factor "bob.smith@acme.com" (${DEMO_MFA.bobSms})`);
      expect(asked).toContain("bob.smith@acme.com's phone +15555550123 as a second sign-in step");
      expect(asked).toContain("Type the MFA factor's exact owner's email to confirm.");
    } finally {
      await hh.close();
    }
  });

  it("reports WorkOS's 404 for an unknown factor, deleting nothing", async () => {
    const result = await h.call("delete_user_auth_factor", {
      authentication_factor_id: "auth_factor_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 404/);
    expect((await h.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
  });
});

describe("groups and MFA factors on a server pinned to Acme", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ argv: ["--toolsets", "users", "--organization", acme] });
  });
  afterAll(() => pinned.close());

  it("lists Acme's groups without being told the organization", async () => {
    const groups = dataOf<Group[]>(await pinned.call("list_groups", {}));
    expect(groups.map((g) => g.name)).toEqual(["Finance", "Engineering"]);
  });

  it.each([
    ["list_groups", { organization_membership_id: M.hankGlobex }],
    ["list_user_auth_factors", { user_id: meiChen }],
  ])("%s on someone of another organization is refused before anything is read", async (name, args) => {
    await pinned.control("DELETE", "/_emulator/requests");
    const result = await pinned.call(name, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`pinned to organization ${acme}`);
    const reads = (await pinned.requests()).map((r) => r.path);
    expect(reads.some((path) => path.endsWith("/groups") || path.endsWith("/auth_factors"))).toBe(false);
  });

  it("deletes no factor of a user who also belongs to another organization", async () => {
    await pinned.control("DELETE", "/_emulator/requests");
    // Jane is Acme's only: her factor may go (a preview here). Carlos belongs to Globex too.
    const jane = await pinned.call("delete_user_auth_factor", {
      authentication_factor_id: DEMO_MFA.janeTotp,
    });
    expect(dataOf(jane)).toMatchObject({ deleted: false, reason: "confirmation_required" });
    const enrolled = (await pinned.control(
      "POST",
      `/user_management/users/${DEMO_IDS.users.carlosGarcia}/auth_factors`,
      {
        type: "totp",
      },
    )) as { authentication_factor: { id: string } };
    const carlos = await pinned.call("delete_user_auth_factor", {
      authentication_factor_id: enrolled.authentication_factor.id,
    });
    expect(carlos.isError).toBe(true);
    expect(textOf(carlos)).toContain(`pinned to organization ${acme}`);
    expect((await pinned.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
  });
});
