import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { demoSeed, loadSeedFile, validateSeed } from "../../src/emulator/seed.js";
import { start } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "emulator-seed-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe("seeds", () => {
  it("loads a seed file with explicit ids, references and group membership", async () => {
    const path = await file(
      "good.json",
      JSON.stringify({
        organizations: [{ id: "org_01HZZZZZZZZZZZZZZZZZZZZZZ1", name: "Seeded", domains: ["seeded.dev"] }],
        connections: [{ organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZ1", connection_type: "OktaSAML" }],
        directories: [{ id: "directory_1", organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZ1" }],
        directory_groups: [{ id: "directory_group_1", directory_id: "directory_1", name: "Ops" }],
        directory_users: [
          {
            directory_id: "directory_1",
            email: "ana@seeded.dev",
            first_name: "Ana",
            groups: ["directory_group_1"],
          },
        ],
      }),
    );
    const emu = await start({ seedFile: path });
    try {
      const org = await emu.api("GET", "/organizations/org_01HZZZZZZZZZZZZZZZZZZZZZZ1");
      expect(org.json.domains[0]).toMatchObject({ domain: "seeded.dev", state: "verified" });
      const conn = (await emu.api("GET", "/connections")).json.data[0];
      expect(conn).toMatchObject({ name: "Seeded", state: "active", domains: [{ domain: "seeded.dev" }] });
      expect(conn.id).toMatch(/^conn_[0-9A-Z]{26}$/);
      const users = await emu.api("GET", "/directory_users?group=directory_group_1");
      expect(users.json.data[0]).toMatchObject({
        email: "ana@seeded.dev",
        organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZ1",
      });
      expect(users.json.data[0].groups[0].name).toBe("Ops");
    } finally {
      await emu.close();
    }
  });

  it("gives readable errors for bad JSON and dangling references", async () => {
    const badJson = await file("bad.json", "{ organizations: [");
    await expect(loadSeedFile(badJson)).rejects.toThrow(/bad\.json is not valid JSON/);
    await expect(startEmulator({ seedFile: badJson })).rejects.toThrow(/not valid JSON/);
    const dangling = await file(
      "dangling.json",
      JSON.stringify({ organizations: [], connections: [{ id: "conn_1", organization_id: "org_missing" }] }),
    );
    await expect(loadSeedFile(dangling)).rejects.toThrow(
      /connections\[0\] \(id "conn_1"\): organization_id "org_missing"/,
    );
    await expect(loadSeedFile(join(dir, "absent.json"))).rejects.toThrow(/Cannot read seed file/);
  });

  it("validates shapes, enums, duplicates and group membership", () => {
    expect(() => validateSeed([])).toThrow(/top level/);
    expect(() => validateSeed({ orgs: [] })).toThrow(/unknown key "orgs"/);
    expect(() => validateSeed({ organizations: [{}] })).toThrow(/organizations\[0\]: "name" is required/);
    expect(() =>
      validateSeed({
        organizations: [
          { id: "a", name: "A" },
          { id: "a", name: "B" },
        ],
      }),
    ).toThrow(/duplicate id/);
    expect(() =>
      validateSeed({
        organizations: [{ id: "o", name: "O" }],
        connections: [{ organization_id: "o", state: "on" }],
      }),
    ).toThrow(/"state" must be one of/);
    expect(() =>
      validateSeed({
        organizations: [{ id: "o", name: "O" }],
        directories: [{ id: "d", organization_id: "o" }],
        directory_users: [{ directory_id: "d", groups: ["g"] }],
      }),
    ).toThrow(/group "g" does not match/);
    expect(() => validateSeed({ webhook_endpoints: [{ url: "http://x" }] })).toThrow(/"secret" is required/);
  });

  it("validates roles, DNS records and events", () => {
    expect(() => validateSeed({ roles: [{ slug: "admin" }, { slug: "admin" }] })).toThrow(
      /roles\[1\]: slug "admin" is already used/,
    );
    expect(() =>
      validateSeed({
        organizations: [{ id: "o", name: "O" }],
        roles: [{ slug: "admin" }, { slug: "admin", organization_id: "o" }],
      }),
    ).toThrow(/slug "admin" is already used/);
    expect(() => validateSeed({ roles: [{ slug: "x", organization_id: "o" }] })).toThrow(
      /organization_id "o" does not match/,
    );
    expect(() => validateSeed({ dns_records: [{ domain: "a.example" }] })).toThrow(/"value" is required/);
    expect(() => validateSeed({ events: [{ event: "not.an_event" }] })).toThrow(
      /events\[0\]: "event" must be a WorkOS event type/,
    );
    expect(() => validateSeed({ events: [{ event: "user.created", ago: "yesterday" }] })).toThrow(
      /"ago" must be a duration/,
    );
    expect(() =>
      validateSeed({ events: [{ event: "user.created", ago: "1d", created_at: "2024-01-01T00:00:00Z" }] }),
    ).toThrow(/"ago" cannot be given with created_at/);
    expect(() => validateSeed({ events: [{ event: "user.created", about: "nothing_1" }] })).toThrow(
      /about "nothing_1" does not match/,
    );
  });

  it("dates events relative to the emulator's clock and keeps them in time order", async () => {
    const now = Date.UTC(2026, 2, 1, 12);
    const emu = await start({
      now: () => now,
      seed: {
        organizations: [{ id: "org_1", name: "One" }],
        events: [
          { event: "organization.updated", about: "org_1", ago: "1h" },
          { event: "organization.created", about: "org_1", ago: "1d2h30m" },
          { event: "organization.updated", data: { id: "org_1" }, created_at: "2025-12-31T00:00:00Z" },
        ],
      },
    });
    try {
      const res = await emu.api("GET", "/events?order=asc&organization_id=org_1");
      expect(res.json.data.map((e: { created_at: string }) => e.created_at)).toEqual([
        "2025-12-31T00:00:00.000Z",
        "2026-02-28T09:30:00.000Z",
        "2026-03-01T11:00:00.000Z",
      ]);
      expect(res.json.data[1].data).toMatchObject({ object: "organization", id: "org_1", name: "One" });
    } finally {
      await emu.close();
    }
  });

  it("ships a valid demo seed with realistic content", () => {
    expect(validateSeed(demoSeed)).toBe(demoSeed);
    expect(demoSeed.organizations?.length).toBeGreaterThanOrEqual(5);
    expect(demoSeed.directories?.length).toBeGreaterThanOrEqual(2);
    expect(demoSeed.directory_users?.length).toBeGreaterThanOrEqual(50);
    for (const id of demoSeed.directory_users?.map((u) => u.id) ?? [])
      expect(id).toMatch(/^directory_user_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
