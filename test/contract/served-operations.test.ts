import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OperationsReport } from "../../src/emulator/operations.js";
import { SPEC_OPERATIONS } from "../../src/emulator/spec-operations.js";
import { start, type TestEmulator } from "../emulator/helpers.js";
import { specPath } from "../support/openapi.js";
import { OPERATIONS } from "./operations.js";

const DOCS = new URL("../../docs/emulator.md", import.meta.url);

let emu: TestEmulator;
let report: OperationsReport;
beforeAll(async () => {
  emu = await start();
  report = (await emu.api("GET", "/_emulator/operations")).json;
});
afterAll(() => emu.close());

const key = (op: { method: string; template: string }) => `${op.method} ${op.template}`;

/** The rows of the table under a docs/emulator.md heading: `METHOD /template` and the reason beside it. */
function documented(heading: string): Map<string, string> {
  const text = readFileSync(DOCS, "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`docs/emulator.md has no "${heading}"`);
  const end = text.indexOf("\n#", start + heading.length + 2);
  const section = text.slice(start, end === -1 ? undefined : end);
  const rows = new Map<string, string>();
  for (const [, operation, reason] of section.matchAll(/^\| `([A-Z]+ \/[^`]*)` \|(.*)\|$/gm)) {
    if (rows.has(operation as string)) throw new Error(`${heading} lists ${operation} twice`);
    rows.set(operation as string, (reason as string).trim());
  }
  return rows;
}

describe("the operations the emulator serves", () => {
  it("are exactly the ones the contract covers (test/contract/operations.ts)", () => {
    const covered = OPERATIONS.map(key);
    expect(new Set(covered).size).toBe(covered.length);
    expect(report.data.map(key).sort()).toEqual([...covered].sort());
  });

  it("are each an operation of the vendored spec, by template, method and operationId", () => {
    const spec = parse(readFileSync(specPath, "utf8")) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(report.data.length).toBeGreaterThan(0);
    for (const op of report.data) {
      expect(spec.paths[op.template]?.[op.method.toLowerCase()]?.operationId, key(op)).toBe(op.operation_id);
    }
  });

  it("are counted as the README and docs/emulator.md count them", () => {
    const count = `${report.served} of the`;
    expect(readFileSync(DOCS, "utf8")).toContain(`${count} spec's ${report.spec_total} operations`);
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`${count} ${report.spec_total} operations of WorkOS's OpenAPI spec`);
  });

  it("go beyond the spec only where docs/emulator.md says why", () => {
    const beyond = documented("### Beyond the spec");
    expect(report.beyond_spec.map(key).sort()).toEqual([...beyond.keys()].sort());
    for (const [route, why] of beyond) expect(why, route).not.toBe("");
  });

  it("leave out of docs/emulator.md's Not emulated table exactly the operations served, each other with a reason", () => {
    const table = documented("### Not emulated");
    const served = new Set(report.data.map(key));
    const unserved = SPEC_OPERATIONS.map(key).filter((op) => !served.has(op));
    // Serving an operation: strike its row. A row left for a served one, or none for an unserved one, fails here.
    expect([...table.keys()].sort()).toEqual(unserved.sort());
    for (const [operation, reason] of table) expect(reason, operation).not.toBe("");
  });
});
