import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const event = (overrides: Record<string, unknown> = {}) => ({
  action: "invoice.paid",
  occurred_at: "2024-02-01T12:00:00.000Z",
  actor: { id: "user_1", type: "user", name: "Ann Example" },
  targets: [{ id: "inv_1", type: "invoice", metadata: { cost: 10 } }],
  context: { location: "192.0.2.1" },
  metadata: { transactionId: "txn_1" },
  ...overrides,
});

async function exportCsv(body: Record<string, unknown>): Promise<string> {
  const created = await emu.api("POST", "/audit_logs/exports", { body });
  expect(created.status, created.text).toBe(201);
  expect(created.json).toMatchObject({ object: "audit_log_export", state: "pending", url: null });
  const ready = await emu.api("GET", `/audit_logs/exports/${created.json.id}`);
  expect(ready.json.state).toBe("ready");
  // The file is fetched like WorkOS's pre-signed URL: without the API key.
  const file = await fetch(ready.json.url);
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toMatch(/^text\/csv/);
  return file.text();
}

describe("audit log events", () => {
  it("an event that fits its action's schema is recorded and shows in an export of its range", async () => {
    const res = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: GLOBEX, event: event() },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ success: true });
    const csv = await exportCsv({
      organization_id: GLOBEX,
      range_start: "2024-02-01T00:00:00.000Z",
      range_end: "2024-02-02T00:00:00.000Z",
    });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "id,action,occurred_at,actor_id,actor_type,actor_name,targets,location,user_agent,metadata",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("invoice.paid,2024-02-01T12:00:00.000Z,user_1,user,Ann Example,");
    expect(lines[1]).toContain("txn_1");
  });

  it("an event its schema refuses gets 400 invalid_audit_log_event naming each place", async () => {
    const res = await emu.api("POST", "/audit_logs/events", {
      body: {
        organization_id: GLOBEX,
        event: event({
          targets: [
            { id: "inv_1", type: "invoice", metadata: { cost: "ten" } },
            { id: "x", type: "spaceship" },
          ],
          metadata: {},
        }),
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("invalid_audit_log_event");
    expect(res.json.errors).toEqual([
      { instancePath: "/targets/0/metadata/cost" },
      { instancePath: "/targets/1/type" },
      { instancePath: "/metadata/transactionId" },
    ]);
  });

  it("validates against the version the event names, and refuses a version that does not exist", async () => {
    const v2 = await emu.api("POST", "/audit_logs/actions/invoice.paid/schemas", {
      body: { targets: [{ type: "receipt" }] },
    });
    expect(v2.status, v2.text).toBe(201);
    expect(v2.json.version).toBe(2);
    const latest = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: GLOBEX, event: event() },
    });
    expect(latest.status).toBe(400);
    expect(latest.json.errors).toEqual([{ instancePath: "/targets/0/type" }]);
    const v1 = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: GLOBEX, event: event({ version: 1 }) },
    });
    expect(v1.status, v1.text).toBe(200);
    const v9 = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: GLOBEX, event: event({ version: 9 }) },
    });
    expect(v9.status).toBe(400);
  });

  it("an action without a schema takes any event; a malformed event gets 422 and an unknown organization 404", async () => {
    const free = await emu.api("POST", "/audit_logs/events", {
      body: {
        organization_id: GLOBEX,
        event: event({ action: "door.opened", targets: [{ id: "d", type: "door" }] }),
      },
    });
    expect(free.status).toBe(200);
    const malformed = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: GLOBEX, event: { action: "x", occurred_at: "yesterday", targets: [] } },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors.map((e: { field: string }) => e.field)).toEqual([
      "event.occurred_at",
      "event.actor",
      "event.context.location",
    ]);
    const nobody = await emu.api("POST", "/audit_logs/events", {
      body: { organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ", event: event() },
    });
    expect(nobody.status).toBe(404);
  });

  it("an export filters by action, actor and target type, and refuses a backwards range", async () => {
    const range = { range_start: "2024-01-01T00:00:00.000Z", range_end: "2024-12-31T00:00:00.000Z" };
    const all = await exportCsv({ organization_id: ACME, ...range });
    expect(all.trim().split("\n")).toHaveLength(3);
    const byAction = await exportCsv({ organization_id: ACME, ...range, actions: ["user.signed_in"] });
    expect(
      byAction
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[1]),
    ).toEqual(["user.signed_in"]);
    const byActor = await exportCsv({ organization_id: ACME, ...range, actor_names: ["Bob Smith"] });
    expect(byActor).toContain("invoice.paid");
    expect(byActor).not.toContain("user.signed_in");
    const byTarget = await exportCsv({ organization_id: ACME, ...range, targets: ["user"] });
    expect(byTarget).not.toContain("invoice.paid");
    const backwards = await emu.api("POST", "/audit_logs/exports", {
      body: { organization_id: ACME, range_start: range.range_end, range_end: range.range_start },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.code).toBe("invalid_audit_log_export_range_date");
    expect((await emu.api("GET", "/audit_logs/exports/audit_log_export_nope")).status).toBe(404);
  });

  it("deleting an organization removes its events from later exports", async () => {
    await emu.api("POST", "/audit_logs/events", { body: { organization_id: GLOBEX, event: event() } });
    expect((await emu.api("DELETE", `/organizations/${GLOBEX}`)).status).toBe(202);
    const created = await emu.api("POST", "/audit_logs/exports", {
      body: {
        organization_id: GLOBEX,
        range_start: "2024-01-01T00:00:00Z",
        range_end: "2025-01-01T00:00:00Z",
      },
    });
    expect(created.status).toBe(400);
  });
});

describe("audit log actions and schemas", () => {
  it("lists the seeded actions, each with its latest schema, newest first and paginated", async () => {
    const res = await emu.api("GET", "/audit_logs/actions?limit=1");
    expect(res.status).toBe(200);
    expect(res.json.data.map((a: { name: string }) => a.name)).toEqual(["invoice.paid"]);
    expect(res.json.data[0].schema).toMatchObject({ object: "audit_log_schema", version: 1 });
    const next = await emu.api("GET", `/audit_logs/actions?limit=1&after=${res.json.list_metadata.after}`);
    expect(next.json.data.map((a: { name: string }) => a.name)).toEqual(["user.signed_in"]);
  });

  it("creating a schema for a new action creates the action; versions list newest first", async () => {
    const body = { targets: [{ type: "team" }], actor: { metadata: { type: "object", properties: {} } } };
    expect((await emu.api("POST", "/audit_logs/actions/team.created/schemas", { body })).json.version).toBe(
      1,
    );
    expect((await emu.api("POST", "/audit_logs/actions/team.created/schemas", { body })).json.version).toBe(
      2,
    );
    const versions = await emu.api("GET", "/audit_logs/actions/team.created/schemas");
    expect(versions.json.data.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    const asc = await emu.api("GET", "/audit_logs/actions/team.created/schemas?order=asc&limit=1");
    expect(asc.json.data[0].version).toBe(1);
    const after = await emu.api(
      "GET",
      `/audit_logs/actions/team.created/schemas?order=asc&after=${asc.json.list_metadata.after}`,
    );
    expect(after.json.data.map((s: { version: number }) => s.version)).toEqual([2]);
    const actions = await emu.api("GET", "/audit_logs/actions");
    expect(actions.json.data[0]).toMatchObject({ name: "team.created", schema: { version: 2 } });
  });

  it("refuses a schema without targets (422) and lists no schemas for an unknown action (404)", async () => {
    const bad = await emu.api("POST", "/audit_logs/actions/x.y/schemas", { body: { targets: [] } });
    expect(bad.status).toBe(422);
    expect((await emu.api("GET", "/audit_logs/actions/x.y/schemas")).status).toBe(404);
  });
});

describe("audit log retention and configuration", () => {
  it("reads the default and the seeded retention, and sets 30 or 365 days only", async () => {
    expect((await emu.api("GET", `/organizations/${GLOBEX}/audit_logs_retention`)).json).toEqual({
      retention_period_in_days: 30,
    });
    expect(
      (await emu.api("GET", `/organizations/${ACME}/audit_logs_retention`)).json.retention_period_in_days,
    ).toBe(365);
    const set = await emu.api("PUT", `/organizations/${GLOBEX}/audit_logs_retention`, {
      body: { retention_period_in_days: 365 },
    });
    expect(set.json).toEqual({ retention_period_in_days: 365 });
    const config = await emu.api("GET", `/organizations/${GLOBEX}/audit_log_configuration`);
    expect(config.json).toEqual({
      organization_id: GLOBEX,
      retention_period_in_days: 365,
      state: "inactive",
    });
    const acme = await emu.api("GET", `/organizations/${ACME}/audit_log_configuration`);
    expect(acme.json.state).toBe("active");
    const bad = await emu.api("PUT", `/organizations/${GLOBEX}/audit_logs_retention`, {
      body: { retention_period_in_days: 90 },
    });
    expect(bad.status).toBe(422);
    const unknown = await emu.api(
      "GET",
      "/organizations/org_01JZZZZZZZZZZZZZZZZZZZZZZZ/audit_logs_retention",
    );
    expect(unknown.status).toBe(404);
  });
});
