import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSeed } from "../../src/emulator/demo-seed.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let clock = Date.UTC(2026, 0, 1, 12, 0, 0);
let emu: TestEmulator;
let created: string;
beforeAll(async () => {
  // Without the demo seed's history, so only these mutations are recorded.
  emu = await start({ now: () => clock, seed: { ...demoSeed, events: [] } });
  created = (await emu.api("POST", "/organizations", { body: { name: "Evented" } })).json.id;
  clock += 60_000;
  await emu.api("PUT", `/organizations/${created}`, { body: { name: "Evented 2" } });
  clock += 60_000;
  await emu.api("DELETE", `/connections/${DEMO_IDS.connections.acmeGoogleOAuth}`);
  clock += 60_000;
  await emu.api("DELETE", `/organizations/${created}`);
});
afterAll(() => emu.close());

describe("events", () => {
  it("records mutations in order", async () => {
    const res = await emu.api("GET", "/events?order=asc");
    expect(res.status).toBe(200);
    expect(res.json.data.map((e: { event: string }) => e.event)).toEqual([
      "organization.created",
      "organization.updated",
      "connection.deleted",
      "organization.deleted",
    ]);
    const first = res.json.data[0];
    expect(first.id).toMatch(/^event_[0-9A-Z]{26}$/);
    expect(first).toMatchObject({
      object: "event",
      created_at: "2026-01-01T12:00:00.000Z",
      data: { id: created, name: "Evented" },
    });
    expect(first).not.toHaveProperty("organization_id");
    expect(res.json.data[1].data.name).toBe("Evented 2");
  });

  it("filters by events, organization_id and range", async () => {
    const types = await emu.api("GET", "/events?events=organization.created,organization.deleted");
    expect(types.json.data.map((e: { event: string }) => e.event)).toEqual([
      "organization.deleted",
      "organization.created",
    ]);
    const byOrg = await emu.api("GET", `/events?organization_id=${DEMO_IDS.organizations.acme}`);
    expect(byOrg.json.data.map((e: { event: string }) => e.event)).toEqual(["connection.deleted"]);
    const range = await emu.api(
      "GET",
      "/events?range_start=2026-01-01T12:01:00.000Z&range_end=2026-01-01T12:03:00.000Z",
    );
    expect(range.json.data.map((e: { event: string }) => e.event)).toEqual([
      "connection.deleted",
      "organization.updated",
    ]);
    const page = await emu.api("GET", "/events?limit=1");
    expect(page.json.list_metadata.after).toBe(page.json.data[0].id);
  });

  it("answers 422 with errors[] for unknown event types and bad dates", async () => {
    const res = await emu.api("GET", "/events?events=organization.created,nope.happened");
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: "events", code: "invalid_event_type" }]);
    expect(res.json.message).toContain("nope.happened");
    const badDate = await emu.api("GET", "/events?range_start=yesterday");
    expect(badDate.status).toBe(422);
    expect(badDate.json.errors[0]).toMatchObject({ field: "range_start" });
  });
});
