import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSeed } from "../../src/emulator/seed.js";
import { SCIM_COUNTS, SCIM_IDS, scimDirectorySeed } from "../support/scim-directory.js";
import { start, type TestEmulator } from "./helpers.js";

describe("the SCIM directory fixture", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await start({ seed: validateSeed(scimDirectorySeed()) });
  });
  afterAll(() => emu.close());

  it("is the same on every call", () => {
    expect(JSON.stringify(scimDirectorySeed())).toBe(JSON.stringify(scimDirectorySeed()));
  });

  it("holds the counted users, spread over the list, with the SCIM payload in raw_attributes", async () => {
    const users = scimDirectorySeed().directory_users ?? [];
    expect(users).toHaveLength(SCIM_COUNTS.users);
    const where = (state: string) => users.flatMap((user, i) => (user.state === state ? [i] : []));
    expect(where("suspended")).toHaveLength(SCIM_COUNTS.suspended);
    expect(where("inactive")).toHaveLength(SCIM_COUNTS.inactive);
    // Every 100-user page holds some of them, so no page is all active.
    for (const from of [0, 100, 200]) {
      expect(where("suspended").some((i) => i >= from && i < from + 50)).toBe(true);
    }
    expect(new Set(users.map((user) => user.email)).size).toBe(SCIM_COUNTS.users);

    const page = await emu.api("GET", `/directory_users?directory=${SCIM_IDS.directory}&limit=100`);
    expect(page.status).toBe(200);
    const user = page.json.data[0];
    expect(user.organization_id).toBe(SCIM_IDS.organization);
    expect(user.raw_attributes).toMatchObject({
      schemas: expect.arrayContaining(["urn:ietf:params:scim:schemas:core:2.0:User"]),
      userName: user.email,
      active: user.state === "active",
      meta: { resourceType: "User" },
    });
    expect(user.custom_attributes.department).toBe(
      user.raw_attributes["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].department,
    );
    expect(user.groups.length).toBeGreaterThan(0);
  });

  it("reports its directory's users and groups", async () => {
    const directory = await emu.api("GET", `/directories/${SCIM_IDS.directory}`);
    expect(directory.json.metadata).toEqual({
      users: {
        active: SCIM_COUNTS.users - SCIM_COUNTS.suspended - SCIM_COUNTS.inactive,
        inactive: SCIM_COUNTS.suspended + SCIM_COUNTS.inactive,
      },
      groups: SCIM_COUNTS.groups,
    });
  });
});
