import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tools } from "../../src/tools/index.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { VALID } from "../support/valid-arguments.js";
import { viewOf } from "../support/view.js";

const workosTools = tools.filter((tool) => tool.annotations.openWorldHint).map((tool) => tool.name);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "all" } });
});
afterAll(() => h.close());

describe("every WorkOS tool", () => {
  it("has valid arguments in this table", () => {
    expect(Object.keys(VALID).sort()).toEqual([...workosTools].sort());
  });

  it.each(workosTools)("%s succeeds with valid arguments", async (name) => {
    await h.control("POST", "/_emulator/reset");
    const result = await h.call(name, VALID[name]);
    expect(result.isError, textOf(result)).toBeFalsy();
    const view = viewOf(result);
    expect(view.summary).toMatch(/\S/);
    // WorkOS's answer reached the model: an object with fields, or a list with items (the demo data has some).
    expect(view.data, textOf(result)).toBeTypeOf("object");
    expect(Object.keys(view.data as object).length, textOf(result)).toBeGreaterThan(0);
  });

  it.each(workosTools)("%s turns a WorkOS 403 into an isError result", async (name) => {
    await h.control("POST", "/_emulator/faults", {
      method: "*",
      path: "*",
      status: 403,
      body: { message: "This API key is not allowed to do that." },
      times: 10,
    });
    const result = await h.call(name, VALID[name]);
    await h.control("DELETE", "/_emulator/faults");
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(new RegExp(`^${name} failed: the API key may not do this \\(HTTP 403\\)`));
    expect(textOf(result)).toMatch(
      /"category":"permission","status":403,"message":"This API key is not allowed to do that."/,
    );
    expect(textOf(result)).toMatch(/Hint: /);
  });
});

describe("every WorkOS tool, given an unknown parameter", () => {
  // A harness of its own that no call reaches WorkOS through: on the shared one, a call of an earlier test
  // (an overview whose first request failed) may still have requests in flight after its result, and they
  // would land in a log cleared here.
  let quiet: Harness;
  beforeAll(async () => {
    quiet = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "all" } });
  });
  afterAll(() => quiet.close());

  it.each(workosTools)("%s refuses it before calling WorkOS", async (name) => {
    const result = await quiet.call(name, { ...VALID[name], bogus_param: 1 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(new RegExp(`bogus_param: not a parameter of ${name}`));
    expect(await quiet.requests()).toEqual([]);
  });
});
