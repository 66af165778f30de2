import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator, walk } from "./helpers.js";

let emu: TestEmulator;
const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;
const OM = DEMO_IDS.organizationMemberships;

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const groupsOf = (org: string) => `/organizations/${org}/groups`;
const createGroup = (org: string, body: unknown) => emu.api("POST", groupsOf(org), { body });
const memberIds = async (org: string, group: string): Promise<string[]> =>
  (await walk(emu, `${groupsOf(org)}/${group}/organization-memberships?limit=1`, "after")).flat();

async function eventTypes(prefix: string): Promise<string[]> {
  const res = await emu.api("GET", "/events?limit=100&order=asc");
  return (res.json.data as { event: string }[]).map((e) => e.event).filter((t) => t.startsWith(prefix));
}

describe("groups", () => {
  it("creates, reads, updates and lists an organization's groups", async () => {
    const made = await createGroup(ACME, { name: "Design", description: "Pixels" });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      object: "group",
      organization_id: ACME,
      name: "Design",
      description: "Pixels",
    });
    expect(made.json.id).toMatch(/^group_/);
    const patched = await emu.api("PATCH", `${groupsOf(ACME)}/${made.json.id}`, {
      body: { description: null },
    });
    expect(patched.json).toMatchObject({ name: "Design", description: null });
    const read = await emu.api("GET", `${groupsOf(ACME)}/${made.json.id}`);
    expect(read.json.description).toBeNull();
    const names = (await emu.api("GET", `${groupsOf(ACME)}?order=asc`)).json.data.map(
      (g: { name: string }) => g.name,
    );
    expect(names).toEqual(["Engineering", "Finance", "Design"]);
    expect(await eventTypes("group.")).toEqual(["group.created", "group.updated"]);
  });

  it("refuses a missing name (422), an unknown organization (404) and another organization's group (404)", async () => {
    expect((await createGroup(ACME, { description: "no name" })).status).toBe(422);
    expect((await createGroup("org_01JZZZZZZZZZZZZZZZZZZZZZZZ", { name: "X" })).status).toBe(404);
    const globexGroup = (await emu.api("GET", groupsOf(GLOBEX))).json.data[0].id as string;
    expect((await emu.api("GET", `${groupsOf(ACME)}/${globexGroup}`)).status).toBe(404);
  });

  it("membership changes show in the group's members, with events", async () => {
    const group = (await createGroup(ACME, { name: "On call" })).json.id as string;
    expect(await memberIds(ACME, group)).toEqual([]);
    const added = await emu.api("POST", `${groupsOf(ACME)}/${group}/organization-memberships`, {
      body: { organization_membership_id: OM.carlosAcme },
    });
    expect(added.status).toBe(200);
    expect(added.json.id).toBe(group);
    await emu.api("POST", `${groupsOf(ACME)}/${group}/organization-memberships`, {
      body: { organization_membership_id: OM.janeAcme },
    });
    // Adding twice keeps one membership.
    await emu.api("POST", `${groupsOf(ACME)}/${group}/organization-memberships`, {
      body: { organization_membership_id: OM.janeAcme },
    });
    expect((await memberIds(ACME, group)).sort()).toEqual([OM.janeAcme, OM.carlosAcme].sort());
    const removed = await emu.api(
      "DELETE",
      `${groupsOf(ACME)}/${group}/organization-memberships/${OM.janeAcme}`,
    );
    expect(removed.status).toBe(204);
    expect(await memberIds(ACME, group)).toEqual([OM.carlosAcme]);
    const again = await emu.api(
      "DELETE",
      `${groupsOf(ACME)}/${group}/organization-memberships/${OM.janeAcme}`,
    );
    expect(again.status).toBe(404);
    expect(await eventTypes("group.member")).toEqual([
      "group.member_added",
      "group.member_added",
      "group.member_removed",
    ]);
  });

  it("refuses a membership of another organization (404)", async () => {
    const group = (await emu.api("GET", groupsOf(ACME))).json.data[0].id as string;
    const res = await emu.api("POST", `${groupsOf(ACME)}/${group}/organization-memberships`, {
      body: { organization_membership_id: OM.hankGlobex },
    });
    expect(res.status).toBe(404);
  });

  it("a deleted membership leaves its groups; a deleted organization takes its groups", async () => {
    const engineering = (await emu.api("GET", `${groupsOf(ACME)}?order=asc`)).json.data[0].id as string;
    expect((await memberIds(ACME, engineering)).sort()).toEqual([OM.janeAcme, OM.priyaAcme].sort());
    await emu.api("DELETE", `/user_management/organization_memberships/${OM.priyaAcme}`);
    expect(await memberIds(ACME, engineering)).toEqual([OM.janeAcme]);
    // The group no longer holds it: removing it from the group finds nothing.
    const stale = await emu.api(
      "DELETE",
      `${groupsOf(ACME)}/${engineering}/organization-memberships/${OM.priyaAcme}`,
    );
    expect(stale.status).toBe(404);
    await emu.api("DELETE", `/organizations/${ACME}`);
    const deleted = (await eventTypes("group.")).filter((t) => t === "group.deleted");
    expect(deleted).toHaveLength(2);
    expect((await emu.api("GET", `/organizations/${GLOBEX}/groups`)).json.data).toHaveLength(1);
  });

  it("deleting a group answers 204 and then 404", async () => {
    const group = (await emu.api("GET", groupsOf(ACME))).json.data[0].id as string;
    expect((await emu.api("DELETE", `${groupsOf(ACME)}/${group}`)).status).toBe(204);
    expect((await emu.api("GET", `${groupsOf(ACME)}/${group}`)).status).toBe(404);
  });
});
