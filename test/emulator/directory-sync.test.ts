import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator, walk } from "./helpers.js";

let emu: TestEmulator | undefined;
let e: TestEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
  e = emu;
});
afterAll(() => emu?.close());

const foo = DEMO_IDS.directories.fooCorpOkta;

describe("directory sync", () => {
  it("lists and filters directories, with user and group counts", async () => {
    const all = await e.api("GET", "/directories");
    expect(all.json.data).toHaveLength(4);
    const byOrg = await e.api("GET", `/directories?organization_id=${DEMO_IDS.organizations.acme}`);
    expect(byOrg.json.data.map((d: { id: string }) => d.id)).toEqual([DEMO_IDS.directories.acmeGoogle]);
    expect((await e.api("GET", "/directories?search=okta")).json.data[0].id).toBe(foo);
    expect((await e.api("GET", "/directories?domain=globex.com")).json.data[0].id).toBe(
      DEMO_IDS.directories.globexAzure,
    );
    const dir = await e.api("GET", `/directories/${foo}`);
    expect(dir.json).toMatchObject({
      object: "directory",
      type: "okta scim v2.0",
      state: "linked",
      name: "Foo Corp Okta SCIM",
    });
    const { active, inactive } = dir.json.metadata.users;
    expect(active + inactive).toBe(30);
    expect(dir.json.metadata.groups).toBe(4);
  });

  it("lists users of a directory and of a group, with groups embedded", async () => {
    const users = (await walk(e, `/directory_users?directory=${foo}&limit=7`, "after")).flat();
    expect(users).toHaveLength(30);
    const google = (
      await walk(e, `/directory_users?directory=${DEMO_IDS.directories.acmeGoogle}&limit=100`, "after")
    ).flat();
    expect(google).toHaveLength(20);
    const groups = await e.api("GET", `/directory_groups?directory=${foo}`);
    const admins = groups.json.data.find((g: { name: string }) => g.name === "Admins");
    const members = await e.api("GET", `/directory_users?group=${admins.id}&limit=100`);
    expect(members.json.data.length).toBeGreaterThan(0);
    for (const user of members.json.data) {
      expect(user.groups.map((g: { id: string }) => g.id)).toContain(admins.id);
      expect(user.directory_id).toBe(foo);
    }
    const user = await e.api("GET", `/directory_users/${members.json.data[0].id}`);
    expect(user.json).toMatchObject({
      object: "directory_user",
      organization_id: DEMO_IDS.organizations.fooCorp,
    });
    expect(Array.isArray(user.json.groups)).toBe(true);
  });

  it("has non-ASCII names in the demo data", async () => {
    const res = await e.api("GET", `/directory_users?directory=${foo}&limit=100`);
    const names = res.json.data.map((u: { first_name: string }) => u.first_name);
    expect(names).toContain("Zoë");
    expect(names).toContain("José");
  });

  it("filters users by email and idp_id only together with directory", async () => {
    const all = await e.api("GET", `/directory_users?directory=${foo}&limit=1`);
    const { email, idp_id, id } = all.json.data[0];
    const byEmail = await e.api(
      "GET",
      `/directory_users?directory=${foo}&email=${encodeURIComponent(email.toUpperCase())}`,
    );
    expect(byEmail.json.data.map((u: { id: string }) => u.id)).toEqual([id]);
    const byIdp = await e.api("GET", `/directory_users?directory=${foo}&idp_id=${idp_id}`);
    expect(byIdp.json.data.map((u: { id: string }) => u.id)).toEqual([id]);
    const groups = await e.api("GET", `/directory_groups?directory=${foo}`);
    const withoutDirectory = await e.api(
      "GET",
      `/directory_users?group=${groups.json.data[0].id}&email=${email}`,
    );
    expect(withoutDirectory.status).toBe(422);
    expect((await e.api("GET", "/directory_users")).status).toBe(422);
    expect((await e.api("GET", "/directory_groups")).status).toBe(422);
    expect((await e.api("GET", "/directory_users?directory=directory_unknown")).status).toBe(404);
  });

  it("lists groups of a directory and of a user, and gets a group", async () => {
    const groups = await e.api("GET", `/directory_groups?directory=${foo}`);
    expect(groups.json.data.map((g: { name: string }) => g.name).sort()).toEqual([
      "Admins",
      "Engineering",
      "Sales",
      "Support",
    ]);
    const users = await e.api("GET", `/directory_users?directory=${foo}&limit=100`);
    const admin = users.json.data.find((u: { role: { slug: string } }) => u.role.slug === "admin");
    const ofUser = await e.api("GET", `/directory_groups?user=${admin.id}`);
    expect(ofUser.json.data.map((g: { id: string }) => g.id).sort()).toEqual(
      admin.groups.map((g: { id: string }) => g.id).sort(),
    );
    const group = await e.api("GET", `/directory_groups/${groups.json.data[0].id}`);
    expect(group.json).toMatchObject({ object: "directory_group", directory_id: foo });
    expect((await e.api("GET", "/directory_groups/directory_group_nope")).status).toBe(404);
    expect((await e.api("GET", "/directory_users/directory_user_nope")).status).toBe(404);
  });

  it("deletes a directory with its users and groups and records dsync.deleted", async () => {
    const users = await e.api("GET", `/directory_users?directory=${foo}&limit=1`);
    const del = await e.api("DELETE", `/directories/${foo}`);
    expect(del.status).toBe(202);
    expect((await e.api("GET", `/directories/${foo}`)).status).toBe(404);
    expect((await e.api("GET", `/directory_users/${users.json.data[0].id}`)).status).toBe(404);
    const events = await e.api("GET", "/events?events=dsync.deleted");
    expect(events.json.data[0].data).toMatchObject({ object: "directory", id: foo, state: "active" });
    expect((await e.api("DELETE", `/directories/${foo}`)).status).toBe(404);
  });
});
