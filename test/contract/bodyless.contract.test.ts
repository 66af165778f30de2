import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { startEmulator } from "../../src/emulator/index.js";
import { assertMatchesSpec, type HttpMethod } from "../support/openapi.js";

// The spec's validator accepts an empty body for these responses whatever the content type says, so this
// checks what it cannot: a response without a body does not claim to be JSON (an empty body does not parse).
const BODYLESS: { method: HttpMethod; template: string; path: string; status: number }[] = [
  {
    method: "DELETE",
    template: "/directories/{id}",
    path: `/directories/${DEMO_IDS.directories.acmeGoogle}`,
    status: 202,
  },
  {
    method: "DELETE",
    template: "/organizations/{id}",
    path: `/organizations/${DEMO_IDS.organizations.globex}`,
    status: 202,
  },
  {
    method: "DELETE",
    template: "/connections/{id}",
    path: `/connections/${DEMO_IDS.connections.initechOidc}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/organization_domains/{id}",
    path: `/organization_domains/${DEMO_IDS.domains.acmeIo}`,
    status: 204,
  },
];

describe("responses without a body", () => {
  let url = "";
  let apiKey = "";
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator();
    ({ url, apiKey } = emulator);
    close = () => emulator.close();
  });
  afterAll(() => close?.());

  it.for(BODYLESS)("$method $template -> $status with no content type and no body", async (row) => {
    const res = await fetch(new URL(row.path, url), {
      method: row.method,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const bodyText = await res.text();
    expect(res.status).toBe(row.status);
    expect(res.headers.get("content-type")).toBeNull();
    expect(bodyText).toBe("");
    assertMatchesSpec({
      method: row.method,
      pathTemplate: row.template,
      status: res.status,
      contentType: null,
      bodyText,
    });
  });
});
