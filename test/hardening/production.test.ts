import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import type { ModelView } from "../../src/mcp/view.js";
import { clientViews } from "../support/client-views.js";
import { type Harness, type HarnessOptions, harnessPerTest, textOf } from "../support/harness.js";

// With a live key a confirmation token is not enough: it proves the model saw a preview, not that a person
// agreed. Writes stay off unless the operator allows them, and deletes need the user's own answer.
const LIVE_KEY = "sk_live_hardening_9f8e7d6c5b4a39281706";
const { fooCorp } = DEMO_IDS.organizations;

const harness = harnessPerTest();
const live = (options: HarnessOptions = {}) => harness({ ...options, emulator: { apiKey: LIVE_KEY } });

const deletes = async (harness: Harness) =>
  (await harness.requests()).filter((request) => request.method === "DELETE");

describe("live keys need a person", () => {
  it("writes are off unless allowed, and the refusal and the instructions say how to allow them", async () => {
    const server = await live();
    const { tools } = await server.mcp.listTools();
    // Over a list that is not empty: every() of nothing would pass.
    expect(tools.map((tool) => tool.name)).toContain("list_organizations");
    expect(tools.filter((tool) => tool.annotations?.readOnlyHint !== true).map((tool) => tool.name)).toEqual(
      [],
    );
    expect(server.mcp.getInstructions()).toContain("WORKOS_MCP_ALLOW_PRODUCTION_WRITES=true");
    const result = await server.call("create_organization", { name: "Live Inc" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("WORKOS_MCP_ALLOW_PRODUCTION_WRITES=true or --allow-production-writes");
    expect((await server.requests()).filter((request) => request.method === "POST")).toEqual([]);
  });

  it("allowed writes work, but a delete without elicitation returns the preview and no token", async () => {
    const server = await live({ env: { WORKOS_MCP_ALLOW_PRODUCTION_WRITES: "true" } });
    expect((await server.call("create_organization", { name: "Live Inc" })).isError).toBeFalsy();
    const result = await server.call("delete_organization", { organization_id: fooCorp });
    const view = result.structuredContent as unknown as ModelView;
    expect(view.data).toMatchObject({
      deleted: false,
      reason: "person_required",
      impact: expect.any(Object),
    });
    expect(view.data).not.toHaveProperty("confirmation_token");
    for (const channel of Object.values(clientViews(result))) {
      expect(channel).toContain("WorkOS dashboard");
      expect(channel).toContain("--destructive allow");
      expect(channel).not.toContain("ct_");
    }
    // A token minted for a staging server does not help either.
    const forged = await server.call("delete_organization", {
      organization_id: fooCorp,
      confirmation_token: `ct_zzzzzzzz_${"a".repeat(64)}`,
    });
    expect((forged.structuredContent as unknown as ModelView).data).toMatchObject({
      deleted: false,
      reason: "person_required",
    });
    expect(await deletes(server)).toEqual([]);
  });

  it("with elicitation, the user's typed name deletes", async () => {
    const server = await live({
      env: { WORKOS_MCP_ALLOW_PRODUCTION_WRITES: "true" },
      elicit: () => ({ action: "accept", content: { confirm_name: "Foo Corp" } }),
    });
    const result = await server.call("delete_organization", { organization_id: fooCorp });
    expect((result.structuredContent as unknown as ModelView).data).toMatchObject({ deleted: true });
    expect(await deletes(server)).toHaveLength(1);
  });

  it("a form that is never answered deletes nothing and offers no other way", async () => {
    const server = await live({
      env: { WORKOS_MCP_ALLOW_PRODUCTION_WRITES: "true" },
      elicit: () => new Promise<never>(() => {}),
      elicitationTimeoutMs: 100,
    });
    const result = await server.call("delete_organization", { organization_id: fooCorp });
    expect((result.structuredContent as unknown as ModelView).data).toMatchObject({
      deleted: false,
      reason: "not_answered",
    });
    for (const channel of Object.values(clientViews(result))) expect(channel).not.toContain("ct_");
    expect(await deletes(server)).toEqual([]);
  });

  it("--destructive allow is the operator's explicit choice for automation", async () => {
    const server = await live({
      env: { WORKOS_MCP_ALLOW_PRODUCTION_WRITES: "true" },
      argv: ["--destructive", "allow"],
    });
    const result = await server.call("delete_organization", { organization_id: fooCorp });
    expect((result.structuredContent as unknown as ModelView).data).toMatchObject({ deleted: true });
  });

  it("test keys keep the token path", async () => {
    const h = await harness();
    const result = await h.call("delete_organization", { organization_id: fooCorp });
    expect((result.structuredContent as unknown as ModelView).data).toHaveProperty("confirmation_token");
  });
});
