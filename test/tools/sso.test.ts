import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

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
    const view = viewOf<{ id: string; organization_id?: string }[]>(result);
    const ids = view.data.map((c) => c.id).sort();
    expect(ids).toEqual([connections.acmeAzureSaml, connections.acmeGoogleOAuth].sort());
    // Each item is the compact projection; the organization it was filtered by is not repeated.
    for (const item of view.data) expect(item).not.toHaveProperty("organization_id");
    expect(view.next).toBeUndefined();
    expect(view.summary).toBe("2 SSO connections; this is the last page.");
    expect(textOf(result)).toContain("this is the last page");
    expect(textOf(result)).not.toContain("Next page:");
  });

  it("accepts a connection type in any case and sends WorkOS's spelling", async () => {
    const result = await h.call("list_connections", { connection_type: "oktasaml" });
    const data = dataOf<{ id: string }[]>(result);
    expect(data.map((c) => c.id)).toEqual([connections.fooCorpOktaSaml]);
    const log = await h.requests();
    expect(log.findLast((request) => request.path === "/connections")?.query.connection_type).toBe(
      "OktaSAML",
    );
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
    expect(dataOf(result)).toMatchObject({
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
    expect(textOf(result)).toMatch(/\(HTTP 404\).*\nHint: .*list_connections/);
  });

  it("rejects a missing id", async () => {
    const result = await h.call("get_connection", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- connection_id: /);
  });
});
