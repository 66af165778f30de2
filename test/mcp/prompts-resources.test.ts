import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import type { ModelView } from "../../src/mcp/view.js";
import { SUMMARISED_EVENT_TYPES } from "../../src/webhooks/event-types.js";
import { summarizeEvent } from "../../src/webhooks/summary.js";
import { EVENT_TYPES } from "../../src/workos-vocabulary.js";
import { type Harness, startHarness } from "../support/harness.js";

/** The text of a prompt's one user message. */
function promptText(messages: { content: unknown }[]): string {
  return (messages[0]?.content as { text?: string } | undefined)?.text ?? "";
}

// Prompts become slash commands and resources @-mentions in Claude Code; VS Code also completes arguments.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { WORKOS_WEBHOOK_SECRET: "wh_sec_prompts_test_4Kd9" } });
});
afterAll(() => h.close());

describe("capabilities", () => {
  it("declares tools, prompts, resources and completions, and nothing else", () => {
    expect(Object.keys(h.mcp.getServerCapabilities() ?? {}).sort()).toEqual([
      "completions",
      "prompts",
      "resources",
      "tools",
    ]);
  });
});

describe("prompts", () => {
  it("lists the four, with their arguments", async () => {
    const { prompts } = await h.mcp.listPrompts();
    expect(prompts.map((prompt) => [prompt.name, prompt.arguments?.map((arg) => arg.name)])).toEqual([
      ["onboard_enterprise_customer", ["organization_name", "domain"]],
      ["diagnose_sso", ["organization"]],
      ["audit_directory_sync", ["organization"]],
      ["check_webhook", ["payload", "signature_header"]],
    ]);
  });

  it("writes the user's request with the steps and the tools that do it", async () => {
    const { messages } = await h.mcp.getPrompt({
      name: "onboard_enterprise_customer",
      arguments: { organization_name: "Hooli", domain: "hooli.com" },
    });
    expect(messages).toHaveLength(1);
    const text = promptText(messages);
    for (const words of [
      '"Hooli"',
      "hooli.com",
      "list_organizations",
      "create_organization",
      'intent "sso"',
      'intent "dsync"',
      "5 minutes",
    ]) {
      expect(text).toContain(words);
    }
  });

  it("takes an organization by id or by name", async () => {
    const byId = await h.mcp.getPrompt({
      name: "diagnose_sso",
      arguments: { organization: DEMO_IDS.organizations.acme },
    });
    expect(promptText(byId.messages)).toContain(`the organization ${DEMO_IDS.organizations.acme}`);
    const byName = await h.mcp.getPrompt({
      name: "audit_directory_sync",
      arguments: { organization: "Acme" },
    });
    expect(promptText(byName.messages)).toContain('named "Acme" (find its id with list_organizations');
  });

  it("refuses a missing argument or an unknown prompt with a protocol error", async () => {
    await expect(h.mcp.getPrompt({ name: "diagnose_sso", arguments: {} })).rejects.toThrow(
      /needs the argument "organization"/,
    );
    await expect(h.mcp.getPrompt({ name: "nope" })).rejects.toThrow(
      /^MCP error -32602: Unknown prompt "nope"/,
    );
  });

  it("shows hidden characters in an argument instead of passing them on", async () => {
    const { messages } = await h.mcp.getPrompt({
      name: "diagnose_sso",
      arguments: { organization: "Ac\u202Eme" },
    });
    const text = promptText(messages);
    expect(text).toContain("Ac\\u202Eme");
    expect(text).not.toContain("\u202E");
  });

  it("is listed only where the tools it uses are enabled", async () => {
    const readOnly = await startHarness({ argv: ["--read-only"] });
    try {
      const { prompts } = await readOnly.mcp.listPrompts();
      expect(prompts.map((prompt) => prompt.name)).not.toContain("onboard_enterprise_customer");
      expect(prompts.map((prompt) => prompt.name)).toContain("diagnose_sso");
    } finally {
      await readOnly.close();
    }
  });
});

describe("resources", () => {
  it("offers a template per object and the event types", async () => {
    const { resourceTemplates } = await h.mcp.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual([
      "workos://organizations/{organization_id}",
      "workos://connections/{connection_id}",
      "workos://directories/{directory_id}",
    ]);
    const { resources } = await h.mcp.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(["workos://webhooks/event-types"]);
  });

  it.each([
    [
      "organizations",
      DEMO_IDS.organizations.acme,
      "get_organization",
      { organization_id: DEMO_IDS.organizations.acme },
    ],
    [
      "connections",
      DEMO_IDS.connections.acmeAzureSaml,
      "get_connection",
      { connection_id: DEMO_IDS.connections.acmeAzureSaml },
    ],
    [
      "directories",
      DEMO_IDS.directories.acmeGoogle,
      "get_directory",
      { directory_id: DEMO_IDS.directories.acmeGoogle },
    ],
  ])("workos://%s/{id} reads the same view the tool returns", async (kind, id, tool, args) => {
    const uri = `workos://${kind}/${id}`;
    const { contents } = await h.mcp.readResource({ uri });
    expect(contents).toEqual([{ uri, mimeType: "application/json", text: expect.any(String) }]);
    const read = JSON.parse((contents[0] as { text: string }).text) as ModelView;
    const called = (await h.call(tool, args)).structuredContent as unknown as ModelView;
    expect(read).toEqual(called);
  });

  it("a missing object is MCP's resource-not-found error, with the URI in its data", async () => {
    // -32602 on the wire in both eras: the SDK sends MCP's -32002 as -32602, which SEP-2164 settled on;
    // data.uri is what tells it from other invalid params.
    const missing = "workos://organizations/org_01HZZZZZZZZZZZZZZZZZZZZZZZ";
    await expect(h.mcp.readResource({ uri: missing })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(
        /^MCP error -32602: get_organization failed: WorkOS found no such object/,
      ),
      data: { uri: missing },
    });
    await expect(h.mcp.readResource({ uri: "workos://elsewhere/1" })).rejects.toMatchObject({
      code: -32602,
      data: { uri: "workos://elsewhere/1" },
    });
  });

  it("explains every event type validate_webhook summarises by name", async () => {
    const { contents } = await h.mcp.readResource({ uri: "workos://webhooks/event-types" });
    const text = (contents[0] as { text: string }).text;
    for (const [type] of SUMMARISED_EVENT_TYPES) {
      expect(text).toContain(`\`${type}\``);
      expect((EVENT_TYPES as readonly string[]).includes(type), type).toBe(true);
      // Each is summarised by its own describer, not the generic fallback that only names the event.
      const payload = JSON.stringify({
        id: "event_1",
        event: type,
        data: { id: "x_1", name: "Thing" },
        created_at: "2024-01-01T00:00:00Z",
      });
      expect(summarizeEvent(payload)?.summary, type).not.toBe(type);
    }
  });
});

describe("completion", () => {
  it("completes an organization name for a prompt from a fragment", async () => {
    const { completion } = await h.mcp.complete({
      ref: { type: "ref/prompt", name: "diagnose_sso" },
      argument: { name: "organization", value: "glob" },
    });
    expect(completion.values).toEqual(["Globex Corporation"]);
  });

  it.each([
    [
      "workos://organizations/{organization_id}",
      "organization_id",
      "umbrella",
      [DEMO_IDS.organizations.umbrella],
    ],
    [
      "workos://connections/{connection_id}",
      "connection_id",
      "onelogin",
      [DEMO_IDS.connections.muellerOneLogin],
    ],
    ["workos://directories/{directory_id}", "directory_id", "okta", [DEMO_IDS.directories.fooCorpOkta]],
  ])("completes ids for %s from a name fragment", async (uri, name, value, expected) => {
    const { completion } = await h.mcp.complete({
      ref: { type: "ref/resource", uri },
      argument: { name, value },
    });
    expect(completion.values).toEqual(expected);
  });

  it("completes an id being typed by its prefix, and nothing for an argument it does not know", async () => {
    const { completion } = await h.mcp.complete({
      ref: { type: "ref/resource", uri: "workos://organizations/{organization_id}" },
      argument: { name: "organization_id", value: "org_01HM65M" },
    });
    expect(completion.values).toEqual([DEMO_IDS.organizations.acme]);
    const none = await h.mcp.complete({
      ref: { type: "ref/prompt", name: "check_webhook" },
      argument: { name: "payload", value: "{" },
    });
    expect(none.completion.values).toEqual([]);
  });
});
