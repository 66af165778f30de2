import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_AUDIT_LOG_EXPORT_ID, DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { officialSdk } from "../support/official-sdk.js";
import { dataOf, viewOf } from "../support/view.js";

const ACME = DEMO_IDS.organizations.acme;
const GLOBEX = DEMO_IDS.organizations.globex;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "audit_logs"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

type Item = Record<string, unknown>;

const HOUR = 60 * 60 * 1000;

/** Records an event at Globex through the official SDK, as an application would. */
async function record(
  action: string,
  actor: { id: string; name: string },
  hoursAgo: number,
  target = "user",
) {
  await officialSdk(h.emulator).auditLogs.createEvent(GLOBEX, {
    action,
    occurredAt: new Date(Date.now() - hoursAgo * HOUR),
    actor: { ...actor, type: "user" },
    targets: [{ id: `${target}_1`, type: target }],
    context: { location: "192.0.2.10" },
  });
}

describe("list_audit_log_actions", () => {
  it("lists each action with what its latest schema asks of events", async () => {
    const result = await h.call("list_audit_log_actions", {});
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(dataOf<Item[]>(result)).toEqual([
      {
        name: "invoice.paid",
        version: 1,
        targets: ["invoice (cost: number)"],
        metadata: ["transactionId: string (required)"],
      },
      { name: "user.signed_in", version: 1, targets: ["user"], actor_metadata: ["role: string"] },
    ]);
  });

  it("shows the latest version of a schema, and with detail full the JSON Schemas themselves", async () => {
    await officialSdk(h.emulator).auditLogs.createSchema({
      action: "user.signed_in",
      targets: [{ type: "user" }, { type: "device", metadata: { os: "string" } }],
    });
    const compact = dataOf<Item[]>(await h.call("list_audit_log_actions", {}));
    expect(compact.find((action) => action.name === "user.signed_in")).toEqual({
      name: "user.signed_in",
      version: 2,
      targets: ["user", "device (os: string)"],
    });
    const full = dataOf<Item[]>(await h.call("list_audit_log_actions", { detail: "full" }));
    expect(full.find((action) => action.name === "invoice.paid")?.schema).toMatchObject({
      version: 1,
      metadata: { type: "object", required: ["transactionId"] },
    });
  });

  it("walks every page of actions: no cursor to follow", async () => {
    const sdk = officialSdk(h.emulator);
    for (let i = 0; i < 105; i += 1) {
      await sdk.auditLogs.createSchema({ action: `report.exported_${i}`, targets: [{ type: "report" }] });
    }
    const result = await h.call("list_audit_log_actions", {});
    expect(dataOf<Item[]>(result)).toHaveLength(107);
    expect(viewOf(result).next).toBeUndefined();
  });
});

describe("create_audit_log_export and get_audit_log_export", () => {
  it("exports the chosen events of an organization, pending first, then a URL to the CSV", async () => {
    await record("user.signed_in", { id: "user_ann", name: "Ann Lee" }, 2);
    await record("user.signed_in", { id: "user_bo", name: "Bo Chan" }, 3);
    await record("team.renamed", { id: "user_ann", name: "Ann Lee" }, 4);
    const created = await h.call("create_audit_log_export", {
      organization_id: GLOBEX,
      range_start: new Date(Date.now() - 24 * HOUR).toISOString(),
      range_end: new Date().toISOString(),
      actions: ["user.signed_in"],
      actor_names: ["Ann Lee"],
    });
    expect(created.isError, textOf(created)).toBeFalsy();
    const pending = dataOf(created);
    expect(pending).toMatchObject({ object: "audit_log_export", state: "pending" });
    expect(viewOf(created).summary).toBe(
      `Created an audit log export of organization "${GLOBEX}". Export "${pending.id}" is still being prepared ` +
        "(pending): call get_audit_log_export again in a few seconds for its download URL.",
    );
    // The filters reached WorkOS as its fields.
    const sent = (await h.requests()).find((request) => request.path === "/audit_logs/exports");
    expect(sent?.body).toMatchObject({
      organization_id: GLOBEX,
      actions: ["user.signed_in"],
      actor_names: ["Ann Lee"],
    });

    const read = await h.call("get_audit_log_export", { audit_log_export_id: pending.id });
    const ready = dataOf<{ state: string; url: string }>(read);
    expect(ready.state).toBe("ready");
    expect(viewOf(read).summary).toBe(
      `Export "${pending.id}" is ready: its CSV file downloads from url, which works for 10 minutes; ` +
        "get_audit_log_export gives a fresh one.",
    );
    const rows = (await (await fetch(ready.url)).text()).trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("user.signed_in");
    expect(rows[1]).toContain("user_ann,user,Ann Lee");
  });

  it("reads the demo's ready export of Acme's January, whose CSV holds Acme's two events", async () => {
    const result = await h.call("get_audit_log_export", { audit_log_export_id: DEMO_AUDIT_LOG_EXPORT_ID });
    const { url } = dataOf<{ url: string }>(result);
    const rows = (await (await fetch(url)).text()).trim().split("\n");
    expect(rows.slice(1).map((row) => row.split(",")[1])).toEqual(["user.signed_in", "invoice.paid"]);
  });

  it("says plainly when an export is still pending, and to call again", async () => {
    await h.control("POST", "/_emulator/faults", {
      method: "GET",
      path: `/audit_logs/exports/${DEMO_AUDIT_LOG_EXPORT_ID}`,
      status: 200,
      body: {
        object: "audit_log_export",
        id: DEMO_AUDIT_LOG_EXPORT_ID,
        state: "pending",
        url: null,
        created_at: "2024-02-01T00:00:00.000Z",
        updated_at: "2024-02-01T00:00:00.000Z",
      },
      times: 1,
    });
    const result = await h.call("get_audit_log_export", { audit_log_export_id: DEMO_AUDIT_LOG_EXPORT_ID });
    expect(viewOf(result).summary).toBe(
      `Export "${DEMO_AUDIT_LOG_EXPORT_ID}" is still being prepared (pending): call get_audit_log_export ` +
        "again in a few seconds for its download URL.",
    );
    expect(dataOf(result).url).toBeUndefined();
  });

  it("warns that WorkOS exports only the past three months, when the range starts earlier", async () => {
    const old = await h.call("create_audit_log_export", {
      organization_id: ACME,
      range_start: "2024-01-01",
      range_end: "2024-02-01",
    });
    expect(viewOf(old).notes?.join(" ")).toContain("WorkOS exports events of the past three months only");
    const recent = await h.call("create_audit_log_export", {
      organization_id: ACME,
      range_start: new Date(Date.now() - 24 * HOUR).toISOString(),
      range_end: new Date().toISOString(),
    });
    expect(viewOf(recent).notes?.join(" ")).not.toContain("three months");
  });

  it("refuses a range that ends before it starts, or an empty filter, naming the field, before calling WorkOS", async () => {
    const backwards = await h.call("create_audit_log_export", {
      organization_id: ACME,
      range_start: "2024-02-01T00:00:00Z",
      range_end: "2024-01-01T00:00:00Z",
    });
    expect(backwards.isError).toBe(true);
    expect(textOf(backwards)).toContain("range_end");
    expect(textOf(backwards)).toContain("must be after range_start");
    const empty = await h.call("create_audit_log_export", {
      organization_id: ACME,
      range_start: "2024-01-01",
      range_end: "2024-02-01",
      actions: [],
    });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toContain("actions");
    const id = await h.call("get_audit_log_export", { audit_log_export_id: ACME });
    expect(id.isError).toBe(true);
    expect(textOf(id)).toContain('starting with "audit_log_export_"');
    expect(await h.requests()).toEqual([]);
  });

  it("an unknown export is a WorkOS 404 that says to check the id or make a new export", async () => {
    const result = await h.call("get_audit_log_export", { audit_log_export_id: "audit_log_export_01NOPE" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
    expect(textOf(result)).toContain("create_audit_log_export");
  });
});

describe("get_audit_log_retention and set_audit_log_retention", () => {
  it("reads an organization's retention", async () => {
    const result = await h.call("get_audit_log_retention", { organization_id: ACME });
    expect(dataOf(result)).toEqual({ organization_id: ACME, retention_period_in_days: 365 });
    expect(viewOf(result).summary).toBe(`Organization "${ACME}" keeps its audit log events for 365 days.`);
  });

  it("shortening the retention says which events WorkOS deletes, and the next read shows it", async () => {
    const result = await h.call("set_audit_log_retention", {
      organization_id: ACME,
      retention_period_in_days: 30,
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(dataOf(result)).toEqual({
      organization_id: ACME,
      retention_period_in_days: 30,
      previous_retention_period_in_days: 365,
    });
    expect(viewOf(result).notes?.join(" ")).toContain(
      "Shortened from 365 to 30 days: WorkOS deletes for good the events older than 30 days",
    );
    const read = await h.call("get_audit_log_retention", { organization_id: ACME });
    expect(dataOf(read).retention_period_in_days).toBe(30);
  });

  it("setting the period it already has writes nothing and says so", async () => {
    const result = await h.call("set_audit_log_retention", {
      organization_id: GLOBEX,
      retention_period_in_days: 30,
    });
    expect(viewOf(result).summary).toBe(
      `Organization "${GLOBEX}" keeps its audit log events for 30 days. It already did; nothing changed.`,
    );
    expect(viewOf(result).notes?.join(" ")).not.toContain("Shortened");
    expect((await h.requests()).map((request) => request.method)).toEqual(["GET"]);
  });

  it("refuses a period WorkOS does not offer, naming the field, before calling WorkOS", async () => {
    const result = await h.call("set_audit_log_retention", {
      organization_id: ACME,
      retention_period_in_days: 90,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("retention_period_in_days");
    expect(await h.requests()).toEqual([]);
  });

  it("an unknown organization is a WorkOS 404", async () => {
    const result = await h.call("get_audit_log_retention", { organization_id: "org_01NOSUCHORGANIZATION" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
  });
});

describe("the audit_logs toolset", () => {
  it("is off by default, and read-only mode keeps only its reads", async () => {
    const byDefault = await startHarness();
    const readOnly = await startHarness({ argv: ["--toolsets", "audit_logs", "--read-only"] });
    try {
      const names = (await byDefault.mcp.listTools()).tools.map((tool) => tool.name);
      expect(names.filter((name) => name.includes("audit_log"))).toEqual([]);
      const reads = (await readOnly.mcp.listTools()).tools.map((tool) => tool.name);
      expect(reads.sort()).toEqual([
        "get_audit_log_export",
        "get_audit_log_retention",
        "list_audit_log_actions",
      ]);
    } finally {
      await byDefault.close();
      await readOnly.close();
    }
  });
});

describe("on a server pinned to one organization", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ argv: ["--toolsets", "audit_logs", "--organization", ACME] });
  });
  afterAll(() => pinned.close());

  it("exports the pinned organization's events and reads the exports it made", async () => {
    const created = await pinned.call("create_audit_log_export", {
      range_start: "2024-01-01",
      range_end: "2024-02-01",
    });
    expect(created.isError, textOf(created)).toBeFalsy();
    const sent = (await pinned.requests()).find((request) => request.path === "/audit_logs/exports");
    expect(sent?.body).toMatchObject({ organization_id: ACME });
    const read = await pinned.call("get_audit_log_export", { audit_log_export_id: dataOf(created).id });
    expect(dataOf(read).state).toBe("ready");
  });

  it("refuses an export it did not make (WorkOS does not say whose it is), and another organization's retention", async () => {
    await pinned.control("DELETE", "/_emulator/requests");
    const other = await pinned.call("get_audit_log_export", {
      audit_log_export_id: DEMO_AUDIT_LOG_EXPORT_ID,
    });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toContain("pinned to organization");
    expect(textOf(other)).toContain("create the export again with create_audit_log_export");
    const retention = await pinned.call("set_audit_log_retention", {
      organization_id: GLOBEX,
      retention_period_in_days: 365,
    });
    expect(retention.isError).toBe(true);
    expect(await pinned.requests()).toEqual([]);
    expect(dataOf(await pinned.call("get_audit_log_retention", {})).organization_id).toBe(ACME);
  });
});
