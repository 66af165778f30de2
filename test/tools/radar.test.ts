import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "radar"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

/** Radar's verdict on a sign-in from this IP address, asked of the emulator outside the server. */
const verdictFor = async (ip: string) =>
  (
    (await h.control("POST", "/radar/attempts", {
      ip_address: ip,
      user_agent: "Mozilla/5.0",
      email: "ann@example.com",
      auth_method: "Password",
      action: "sign-in",
    })) as { verdict: string }
  ).verdict;

const IP = "198.51.100.42";

describe("add_radar_list_entry", () => {
  it("blocks an IP address, and says so when it was blocked already", async () => {
    expect(await verdictFor(IP)).toBe("allow");
    const added = await h.call("add_radar_list_entry", { type: "ip_address", action: "block", entry: IP });
    expect(viewOf(added).summary).toBe("Added the entry on the Radar ip_address block list.");
    expect(dataOf(added)).toEqual({
      type: "ip_address",
      action: "block",
      entry: IP,
      already_listed: false,
      effect: "Sign-ins and sign-ups matching it are blocked.",
    });
    expect(await verdictFor(IP)).toBe("block");
    const again = await h.call("add_radar_list_entry", { type: "ip_address", action: "block", entry: IP });
    expect(viewOf(again).summary).toBe("The entry was already on the Radar ip_address block list.");
    expect(dataOf(again)).toMatchObject({ already_listed: true });
  });

  it("refuses a list type WorkOS does not have, naming the field, before anything is sent", async () => {
    const result = await h.call("add_radar_list_entry", { type: "phone", action: "block", entry: "+1555" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("- type:");
    expect(await h.requests()).toEqual([]);
  });
});

describe("remove_radar_list_entry", () => {
  it("unblocks what a block entry matched, and says what that changes", async () => {
    const seeded = "203.0.113.66";
    expect(await verdictFor(seeded)).toBe("block");
    const removed = await h.call("remove_radar_list_entry", {
      type: "ip_address",
      action: "block",
      entry: seeded,
    });
    expect(viewOf(removed).summary).toBe("Removed the entry from the Radar ip_address block list.");
    expect(dataOf(removed)).toMatchObject({
      removed: true,
      effect: "Sign-ins and sign-ups matching it are no longer blocked by this list.",
    });
    expect(await verdictFor(seeded)).toBe("allow");
  });

  it("an entry not on the list is a 404 that says entries cannot be listed", async () => {
    const result = await h.call("remove_radar_list_entry", {
      type: "ip_address",
      action: "allow",
      entry: IP,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
    expect(textOf(result)).toContain(
      "The entry is not on the ip_address allow list (WorkOS offers no way to list entries",
    );
  });

  it("is marked destructive, adding is not", async () => {
    const listed = (await h.mcp.listTools()).tools;
    const hints = (name: string) => listed.find((tool) => tool.name === name)?.annotations;
    expect(hints("remove_radar_list_entry")).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(hints("add_radar_list_entry")).toMatchObject({ destructiveHint: false, readOnlyHint: false });
  });
});

describe("a server pinned to one organization", () => {
  it("offers neither tool: Radar's lists apply to every organization", async () => {
    const pinned = await startHarness({
      argv: ["--toolsets", "radar", "--organization", DEMO_IDS.organizations.acme],
    });
    try {
      expect((await pinned.mcp.listTools()).tools).toEqual([]);
      const result = await pinned.call("add_radar_list_entry", {
        type: "ip_address",
        action: "block",
        entry: IP,
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain("pinned to organization");
      expect(await pinned.requests()).toEqual([]);
    } finally {
      await pinned.close();
    }
  });
});
