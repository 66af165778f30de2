import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WorkOSClient } from "../../src/client/client.js";
import { clientOptions, loadConfig } from "../../src/config.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type RunningHttpServer, startHttpServer } from "../../src/http.js";
import { registerSecret } from "../support/secret-scan.js";

// A delete confirmed through MCP 2026-07-28's input_required, on the wire as a client sees it over HTTP: the
// first call returns the form and a requestState, the retried call carries the user's answer and that state.

const TOKEN = "input-required-token-0123456789abcdef0123";
registerSecret(TOKEN);
const { fooCorp, acme } = DEMO_IDS.organizations;
const MODERN = "2026-07-28";

let emulator: RunningEmulator;
let http: RunningHttpServer;
let workos: WorkOSClient;
let now = Date.now();

beforeAll(async () => {
  emulator = await startEmulator();
  const config = {
    ...loadConfig({ WORKOS_API_KEY: emulator.apiKey, WORKOS_MCP_HTTP_TOKEN: TOKEN }, [
      "--http",
      "--port",
      "0",
    ]),
    baseUrl: emulator.url,
  };
  workos = new WorkOSClient({ ...clientOptions(config), maxRetries: 0 });
  http = await startHttpServer(config, { client: workos, now: () => now });
});
afterAll(async () => {
  await http.close();
  await workos.close();
  await emulator.close();
});
beforeEach(async () => {
  now = Date.now();
  await fetch(`${emulator.url}/_emulator/reset`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
});

const FORMS = { elicitation: { form: {} } };

interface JsonRpcAnswer {
  id: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

let nextId = 1;

/** One tools/call of the 2026-07-28 revision: the envelope in _meta, the Mcp-Method and Mcp-Name headers. */
async function callTool(
  name: string,
  args: Record<string, unknown>,
  options: { capabilities?: Record<string, unknown>; retry?: Record<string, unknown> } = {},
): Promise<{ status: number; body: JsonRpcAnswer }> {
  const id = nextId++;
  const response = await fetch(http.url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": MODERN,
      "mcp-method": "tools/call",
      "mcp-name": name,
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id,
      method: "tools/call",
      params: {
        name,
        arguments: args,
        ...options.retry,
        _meta: {
          "io.modelcontextprotocol/protocolVersion": MODERN,
          "io.modelcontextprotocol/clientInfo": { name: "wire-test", version: "0" },
          "io.modelcontextprotocol/clientCapabilities": options.capabilities ?? FORMS,
        },
      },
    }),
  });
  return { status: response.status, body: (await response.json()) as JsonRpcAnswer };
}

async function organizationExists(id: string): Promise<boolean> {
  const response = await fetch(`${emulator.url}/organizations/${id}`, {
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
  return response.status === 200;
}

/** The first round: the question and the state to send back with the answer. */
async function ask(organizationId: string) {
  const first = await callTool("delete_organization", { organization_id: organizationId });
  expect(first.status).toBe(200);
  const result = first.body.result as {
    resultType: string;
    inputRequests: Record<string, { method: string; params: Record<string, unknown> }>;
    requestState: string;
  };
  return { first, result, key: Object.keys(result.inputRequests)[0] as string };
}

const accept = (name: string) => ({ action: "accept", content: { confirm_name: name } });

describe("a delete in the 2026-07-28 era, with a client that shows forms", () => {
  it("asks with input_required first, deletes nothing, then deletes on the retry with the exact name", async () => {
    const { first, result, key } = await ask(fooCorp);
    expect(first.body.id).toBeTypeOf("number");
    expect(result.resultType).toBe("input_required");
    expect(result.inputRequests[key]).toEqual({
      method: "elicitation/create",
      params: {
        mode: "form",
        message: expect.stringMatching(
          /^Permanently delete organization "Foo Corp" \(org_\w+\) in the staging \(test\) environment\?.*Type the organization's exact name to confirm\.$/s,
        ),
        requestedSchema: {
          type: "object",
          properties: {
            confirm_name: {
              type: "string",
              title: "Organization name",
              description: "Type Foo Corp to delete it",
            },
          },
          required: ["confirm_name"],
        },
      },
    });
    expect(result.requestState).toMatch(/^rs_[0-9a-z]+_[0-9a-f]{64}$/);
    expect(await organizationExists(fooCorp)).toBe(true);

    const retried = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { inputResponses: { [key]: accept("Foo Corp") }, requestState: result.requestState } },
    );
    expect(retried.body.result).toMatchObject({
      resultType: "complete",
      structuredContent: { data: { deleted: true, object: "organization", id: fooCorp } },
    });
    expect(await organizationExists(fooCorp)).toBe(false);
  });

  it.each([
    ["declines", { action: "decline" }, "declined"],
    ["cancels", { action: "cancel" }, "cancelled"],
    ["types another name", accept("Acme Inc"), "name_mismatch"],
  ])("deletes nothing and hands out no token when the user %s", async (_case, answer, reason) => {
    const { result, key } = await ask(fooCorp);
    const retried = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { inputResponses: { [key]: answer }, requestState: result.requestState } },
    );
    const outcome = retried.body.result as { structuredContent: { data: Record<string, unknown> } };
    expect(outcome.structuredContent.data).toMatchObject({ deleted: false, reason });
    expect(outcome.structuredContent.data).not.toHaveProperty("confirmation_token");
    expect(await organizationExists(fooCorp)).toBe(true);
  });

  it("a retry without the answer is asked again: silence is not consent", async () => {
    const { result } = await ask(fooCorp);
    const retried = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { requestState: result.requestState } },
    );
    expect(retried.body.result).toMatchObject({ resultType: "input_required" });
    expect(await organizationExists(fooCorp)).toBe(true);
  });

  it("refuses an altered requestState (-32602) and deletes nothing", async () => {
    const { result, key } = await ask(fooCorp);
    const last = result.requestState.at(-1) === "0" ? "1" : "0";
    const altered = `${result.requestState.slice(0, -1)}${last}`;
    const retried = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { inputResponses: { [key]: accept("Foo Corp") }, requestState: altered } },
    );
    expect(retried.body.error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/requestState/),
    });
    expect(retried.body.id).toBeTypeOf("number");
    expect(await organizationExists(fooCorp)).toBe(true);
  });

  it("refuses a state handed out for another target or other arguments", async () => {
    const { result, key } = await ask(fooCorp);
    const onAcme = await callTool(
      "delete_organization",
      { organization_id: acme },
      { retry: { inputResponses: { [key]: accept("Acme Inc") }, requestState: result.requestState } },
    );
    expect(onAcme.body.error).toMatchObject({ code: -32602 });
    expect(await organizationExists(acme)).toBe(true);
    expect(await organizationExists(fooCorp)).toBe(true);
  });

  it("refuses a state past its five minutes", async () => {
    const { result, key } = await ask(fooCorp);
    now += 5 * 60_000 + 1;
    const late = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { inputResponses: { [key]: accept("Foo Corp") }, requestState: result.requestState } },
    );
    expect(late.body.error).toMatchObject({ code: -32602, message: expect.stringMatching(/expired/) });
    expect(await organizationExists(fooCorp)).toBe(true);
  });

  it("a confirmation token is no requestState: the two are keyed apart", async () => {
    const preview = await callTool("delete_organization", { organization_id: fooCorp }, { capabilities: {} });
    const token = (preview.body.result as { structuredContent: { data: { confirmation_token: string } } })
      .structuredContent.data.confirmation_token;
    const { key } = await ask(fooCorp);
    const forged = await callTool(
      "delete_organization",
      { organization_id: fooCorp },
      { retry: { inputResponses: { [key]: accept("Foo Corp") }, requestState: token } },
    );
    expect(forged.body.error).toMatchObject({ code: -32602 });
    expect(await organizationExists(fooCorp)).toBe(true);
  });
});

describe("a delete in the 2026-07-28 era, with a client that shows no forms", () => {
  it("gets the preview and a token (test keys), as a 2025 client without forms does", async () => {
    const first = await callTool("delete_organization", { organization_id: fooCorp }, { capabilities: {} });
    expect(first.body.result).toMatchObject({
      resultType: "complete",
      structuredContent: { data: { deleted: false, reason: "confirmation_required" } },
    });
    const { confirmation_token } = (
      first.body.result as { structuredContent: { data: { confirmation_token: string } } }
    ).structuredContent.data;
    const second = await callTool(
      "delete_organization",
      { organization_id: fooCorp, confirmation_token },
      { capabilities: {} },
    );
    expect(second.body.result).toMatchObject({ structuredContent: { data: { deleted: true } } });
    expect(await organizationExists(fooCorp)).toBe(false);
  });
});
