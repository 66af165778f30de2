import { BadRequestException, WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// The official SDK drives the Audit Logs, API keys, feature flags, webhook endpoints, MFA, SSO and Radar
// operations it has methods for: what it sends must be understood, what it gets back must deserialize.

const GLOBEX = DEMO_IDS.organizations.globex;

let emulator: RunningEmulator;
let workos: WorkOS;

async function control(path: string): Promise<void> {
  const res = await fetch(new URL(path, emulator.url), {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
  if (res.status >= 300) throw new Error(`${path} -> ${res.status}`);
}

beforeAll(async () => {
  emulator = await startEmulator();
  const base = new URL(emulator.url);
  workos = new WorkOS(emulator.apiKey, { apiHostname: base.hostname, port: Number(base.port), https: false });
});
afterAll(() => emulator.close());
beforeEach(() => control("/_emulator/reset"));

describe("the official SDK against the emulator: audit logs", () => {
  it("auditLogs.createSchema, createEvent (validated), createExport and getExport", async () => {
    const schema = await workos.auditLogs.createSchema({
      action: "document.shared",
      targets: [{ type: "document", metadata: { pages: "number" } }],
      actor: { metadata: { role: "string" } },
    });
    expect(schema).toMatchObject({ object: "audit_log_schema", version: 1 });
    expect(schema.targets).toEqual([{ type: "document", metadata: { pages: "number" } }]);
    const occurredAt = new Date("2024-03-01T10:00:00.000Z");
    const event = {
      action: "document.shared",
      occurredAt,
      actor: { id: "user_7", type: "user", name: "Dana", metadata: { role: "editor" } },
      targets: [{ id: "doc_1", type: "document", metadata: { pages: 12 } }],
      context: { location: "192.0.2.5", userAgent: "sdk-test" },
    };
    await workos.auditLogs.createEvent(GLOBEX, event);
    await expect(
      workos.auditLogs.createEvent(GLOBEX, {
        ...event,
        targets: [{ id: "d", type: "document", metadata: { pages: "x" } }],
      }),
    ).rejects.toBeInstanceOf(BadRequestException);
    const created = await workos.auditLogs.createExport({
      organizationId: GLOBEX,
      rangeStart: new Date("2024-03-01T00:00:00.000Z"),
      rangeEnd: new Date("2024-03-02T00:00:00.000Z"),
    });
    expect(created).toMatchObject({ object: "audit_log_export", state: "pending" });
    const ready = await workos.auditLogs.getExport(created.id);
    expect(ready.state).toBe("ready");
    const csv = await (await fetch(ready.url as string)).text();
    expect(csv.trim().split("\n")).toHaveLength(2);
    expect(csv).toContain("document.shared,2024-03-01T10:00:00.000Z,user_7,user,Dana");
  });
});
