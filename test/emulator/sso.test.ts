import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
// Back to the demo seed before each test: one deletes a connection the others list.
beforeEach(async () => {
  expect((await emu.api("POST", "/_emulator/reset")).status).toBe(204);
});

const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((c) => c.id);

describe("SSO connections", () => {
  it("lists connections of several types and states", async () => {
    const res = await emu.api("GET", "/connections");
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(7);
    const states = new Set(res.json.data.map((c: { state: string }) => c.state));
    expect(states).toEqual(new Set(["active", "inactive", "validating", "draft"]));
    const okta = res.json.data.find((c: { id: string }) => c.id === DEMO_IDS.connections.fooCorpOktaSaml);
    expect(okta).toMatchObject({
      object: "connection",
      connection_type: "OktaSAML",
      state: "active",
      status: "linked",
      organization_id: DEMO_IDS.organizations.fooCorp,
      domains: [{ object: "connection_domain", domain: "foo-corp.com" }],
    });
  });

  it("filters by connection_type, domain, organization_id and search", async () => {
    expect(ids(await emu.api("GET", "/connections?connection_type=OktaSAML"))).toEqual([
      DEMO_IDS.connections.fooCorpOktaSaml,
    ]);
    expect(ids(await emu.api("GET", "/connections?domain=acme.com")).sort()).toEqual(
      [DEMO_IDS.connections.acmeAzureSaml, DEMO_IDS.connections.acmeGoogleOAuth].sort(),
    );
    expect(
      ids(await emu.api("GET", `/connections?organization_id=${DEMO_IDS.organizations.fooCorp}`)),
    ).toEqual([DEMO_IDS.connections.fooCorpLegacyAdfs, DEMO_IDS.connections.fooCorpOktaSaml]);
    expect(ids(await emu.api("GET", "/connections?search=onelogin"))).toEqual([
      DEMO_IDS.connections.muellerOneLogin,
    ]);
    expect((await emu.api("GET", "/connections?connection_type=NotAType")).status).toBe(422);
  });

  it("gets and deletes a connection, recording connection.deleted", async () => {
    const id = DEMO_IDS.connections.initechOidc;
    expect((await emu.api("GET", `/connections/${id}`)).json.name).toBe("Initech OIDC");
    const del = await emu.api("DELETE", `/connections/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await emu.api("GET", `/connections/${id}`)).status).toBe(404);
    expect((await emu.api("DELETE", `/connections/${id}`)).status).toBe(404);
    const events = await emu.api("GET", "/events?events=connection.deleted");
    expect(events.json.data[0]).toMatchObject({
      object: "event",
      event: "connection.deleted",
      data: { object: "connection", id, state: "draft", connection_type: "GenericOIDC" },
    });
  });
});
