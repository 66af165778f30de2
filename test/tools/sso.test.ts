import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";

const { connections, organizations } = DEMO_IDS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("list_connections", () => {
  it("filters by organization", async () => {
    const result = await h.call("list_connections", { organization_id: organizations.acme });
    expect(result.isError).toBeFalsy();
    const ids = (result.structuredContent as { data: { id: string }[] }).data.map((c) => c.id).sort();
    expect(ids).toEqual([connections.acmeAzureSaml, connections.acmeGoogleOAuth].sort());
    expect(textOf(result)).toContain("No more pages.");
  });

  it("accepts a connection type in any case and sends WorkOS's spelling", async () => {
    const result = await h.call("list_connections", { connection_type: "oktasaml" });
    const data = (result.structuredContent as { data: { id: string; connection_type: string }[] }).data;
    expect(data.map((c) => c.id)).toEqual([connections.fooCorpOktaSaml]);
    const log = await h.requests();
    expect(log.at(-1)?.query.connection_type).toBe("OktaSAML");
  });

  it("rejects an unknown connection type", async () => {
    const result = await h.call("list_connections", { connection_type: "CarrierPigeon" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- connection_type: /);
  });
});

describe("get_connection", () => {
  it("returns the connection", async () => {
    const result = await h.call("get_connection", { connection_id: connections.globexGoogleSaml });
    expect(result.structuredContent).toMatchObject({
      object: "connection",
      id: connections.globexGoogleSaml,
      connection_type: "GoogleSAML",
      state: "validating",
      organization_id: organizations.globex,
    });
  });

  it("turns a 404 into isError with a hint naming list_connections", async () => {
    const result = await h.call("get_connection", { connection_id: "conn_01HZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/status: 404.*\n.*list_connections/s);
  });

  it("rejects a missing id", async () => {
    const result = await h.call("get_connection", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- connection_id: /);
  });
});
