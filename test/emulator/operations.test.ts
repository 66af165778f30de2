import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OperationCoverage, type OperationsReport } from "../../src/emulator/operations.js";
import type { Route } from "../../src/emulator/router.js";
import { SPEC_OPERATIONS, type SpecOperation } from "../../src/emulator/spec-operations.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
let report: OperationsReport;
beforeAll(async () => {
  emu = await start();
  report = (await emu.api("GET", "/_emulator/operations")).json;
});
afterAll(() => emu.close());

/** A concrete path for a template: each `{parameter}` filled with a value no template has as a literal. */
function pathOf(template: string): string {
  return template.replace(/\{[^}]+\}/g, "x01");
}

function route(method: Route["method"], pattern: string): Route {
  return { method, pattern, handler: () => ({ status: 200 }) };
}

const key = (op: { method: string; template: string }) => `${op.method} ${op.template}`;

function unserved(): SpecOperation[] {
  const served = new Set(report.data.map(key));
  return SPEC_OPERATIONS.filter((op) => !served.has(key(op)));
}

async function send(method: string, path: string, options: { key?: null } = {}) {
  const body = method === "GET" || method === "DELETE" ? {} : { body: {} };
  return emu.api(method, path, { ...body, ...options });
}

describe("an operation of the spec the emulator does not serve", () => {
  it("answers 501 not_emulated naming its method, template and operationId, each one", async () => {
    const missing = unserved();
    expect(missing.length).toBe(report.not_emulated);
    expect(missing.length).toBeGreaterThan(0);
    for (const op of missing) {
      const res = await send(op.method, pathOf(op.template));
      expect(res.status, key(op)).toBe(501);
      expect(Object.keys(res.json).sort()).toEqual(["code", "message"]);
      expect(res.json.code).toBe("not_emulated");
      expect(res.json.message).toContain(`${op.method} ${op.template} (${op.operationId}) is not emulated`);
    }
  });

  it("answers 501 without the key too, as a path it does not know answers 404", async () => {
    const op = unserved()[0] as SpecOperation;
    const res = await send(op.method, pathOf(op.template), { key: null });
    expect(res.status).toBe(501);
    expect(res.json.message).toContain(op.operationId);
  });
});

describe("a request that is no operation of the spec", () => {
  it("keeps the 404 for a path no template fits", async () => {
    for (const path of [
      "/no_such_resource",
      "/organizations/x01/no_such_thing",
      "/feature-flags/x01/targets",
    ]) {
      const res = await emu.api("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.json).toEqual({ message: `The requested path '${path}' could not be found.` });
    }
  });

  it("keeps the 405 for a method the spec does not have on a path the emulator serves", async () => {
    for (const [method, path, allow] of [
      ["POST", "/organizations/x01", "GET, PUT, DELETE"],
      ["PATCH", "/organizations", "GET, POST"],
    ] as const) {
      const res = await emu.api(method, path, { body: {} });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
    }
  });
});

describe("GET /_emulator/operations", () => {
  it("requires the API key", async () => {
    expect((await emu.api("GET", "/_emulator/operations", { key: null })).status).toBe(401);
  });

  it("lists operations of the spec, in its order, with counts that add up", () => {
    const inSpec = SPEC_OPERATIONS.map(key);
    const listed = report.data.map(key);
    expect(listed.every((op) => inSpec.includes(op))).toBe(true);
    expect(listed).toEqual(inSpec.filter((op) => listed.includes(op)));
    expect(report.served).toBe(report.data.length);
    expect(report.spec_total).toBe(SPEC_OPERATIONS.length);
    expect(report.served + report.not_emulated).toBe(report.spec_total);
    for (const entry of report.data) {
      const op = SPEC_OPERATIONS.find((candidate) => key(candidate) === key(entry));
      expect(entry).toEqual({
        method: op?.method,
        template: op?.template,
        operation_id: op?.operationId,
        tag: op?.tag,
      });
    }
  });

  it("lists only what a route answers: each listed operation reaches its handler", async () => {
    for (const op of report.data) {
      const res = await send(op.method, pathOf(op.template));
      // The handler may refuse the made-up id or empty body (404 entity_not_found, 422), never the router.
      expect(res.status, key(op)).not.toBe(501);
      expect(res.status, key(op)).not.toBe(405);
      expect(res.json?.message ?? "", key(op)).not.toContain("could not be found");
    }
  });
});

describe("OperationCoverage", () => {
  const coverage = new OperationCoverage([
    route("GET", "/organizations/:orgId"),
    route("GET", "/authorization/roles/:slug"),
    route("GET", "/portal/launch"),
    route("GET", "/organizations/:organizationId/roles"),
  ]);

  it("knows a route's operation by method and template shape, whatever its parameters are called", () => {
    const reported = coverage.report();
    expect(reported.data.map(key)).toEqual(["GET /authorization/roles/{slug}", "GET /organizations/{id}"]);
    expect(reported.beyond_spec).toEqual([
      { method: "GET", template: "/portal/launch" },
      { method: "GET", template: "/organizations/{organizationId}/roles" },
    ]);
    expect(reported.not_emulated).toBe(SPEC_OPERATIONS.length - 2);
  });

  it("names the unserved operation a request is for, and nothing for a served one or one the spec lacks", () => {
    expect(coverage.notEmulated("PUT", "/organizations/org_1")?.operationId).toBe(
      "OrganizationsController_updateOrganization",
    );
    expect(coverage.notEmulated("GET", "/organizations/org_1")).toBeUndefined();
    expect(coverage.notEmulated("POST", "/organizations/org_1")).toBeUndefined();
    expect(coverage.notEmulated("GET", "/organizations/org_1/nothing")).toBeUndefined();
    expect(coverage.notEmulated("GET", "/organizations/org_1/groups/")?.template).toBe(
      "/organizations/{organizationId}/groups",
    );
  });

  it("takes the template with a literal segment first where two fit, in any order", () => {
    const path = "/vault/v1/kv/name/versions";
    for (const operations of [SPEC_OPERATIONS, [...SPEC_OPERATIONS].reverse()]) {
      const op = new OperationCoverage([], operations).notEmulated("GET", path);
      expect(op?.template).toBe("/vault/v1/kv/name/{name}");
    }
    expect(new OperationCoverage([]).notEmulated("GET", "/vault/v1/kv/x01/versions")?.template).toBe(
      "/vault/v1/kv/{id}/versions",
    );
  });
});
