import { expect } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";

/**
 * One table of MCP calls run through both protocol eras, by the v2 client pinned to 2026-07-28 and by the
 * v1 client (2025-11-25), over stdio and over HTTP: each case checks what it must hold, and the two eras
 * must give the same content and structuredContent once what differs per run (new ids, times, fence
 * nonces) is masked.
 */

/** What both SDK clients offer, typed loosely so the v1 and v2 Client both fit. */
export interface TableClient {
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  getPrompt(params: { name: string; arguments: Record<string, string> }): Promise<unknown>;
  readResource(params: { uri: string }): Promise<unknown>;
  complete(params: {
    ref: { type: "ref/prompt"; name: string } | { type: "ref/resource"; uri: string };
    argument: { name: string; value: string };
  }): Promise<unknown>;
}

/** The parts of a result the eras must agree on: what the model sees, without the era's `_meta`. */
export type Outcome = Record<string, unknown>;

export interface TableCase {
  name: string;
  run(client: TableClient): Promise<Outcome>;
  /** What the outcome must hold, in either era. */
  check(outcome: Outcome): void;
}

type ToolOutcome = {
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

function toolOutcome(result: unknown): ToolOutcome {
  const { content, structuredContent, isError } = result as ToolOutcome;
  return {
    content,
    ...(structuredContent === undefined ? {} : { structuredContent }),
    ...(isError === undefined ? {} : { isError }),
  };
}

const text = (outcome: ToolOutcome) => outcome.content.map((item) => item.text ?? "").join("\n");

/** A name no other test creates, the same in both eras (each era talks to its own emulator). */
export const CREATED_NAME = "Era Table Widgets";

export const CALL_TABLE: TableCase[] = [
  {
    name: "a read of one object",
    run: async (client) =>
      toolOutcome(
        await client.callTool({
          name: "get_organization",
          arguments: { organization_id: DEMO_IDS.organizations.acme },
        }),
      ),
    check: (outcome) => {
      expect(outcome.isError).toBeFalsy();
      expect(outcome.structuredContent).toMatchObject({
        data: { id: DEMO_IDS.organizations.acme, name: "Acme Inc" },
      });
    },
  },
  {
    name: "a read of a page",
    run: async (client) =>
      toolOutcome(await client.callTool({ name: "list_organizations", arguments: { limit: 2 } })),
    check: (outcome) => {
      expect(outcome.isError).toBeFalsy();
      expect(outcome.structuredContent).toMatchObject({
        data: [{ id: expect.stringMatching(/^org_/) }, { id: expect.stringMatching(/^org_/) }],
        next: { tool: "list_organizations", arguments: { limit: 2, after: expect.any(String) } },
      });
    },
  },
  {
    name: "a create, read back through the same client",
    run: async (client) => {
      const created = toolOutcome(
        await client.callTool({ name: "create_organization", arguments: { name: CREATED_NAME } }),
      );
      const id = (created.structuredContent?.data as { id?: string } | undefined)?.id ?? "";
      const readBack = toolOutcome(
        await client.callTool({ name: "get_organization", arguments: { organization_id: id } }),
      );
      return { id, created, readBack };
    },
    check: (outcome) => {
      const { id, created, readBack } = outcome as {
        id: string;
        created: ToolOutcome;
        readBack: ToolOutcome;
      };
      expect(id).toMatch(/^org_/);
      expect(created.isError).toBeFalsy();
      expect(readBack.isError).toBeFalsy();
      expect(readBack.structuredContent).toMatchObject({ data: { id, name: CREATED_NAME } });
    },
  },
  {
    name: "an argument error is a tool error, nothing sent",
    run: async (client) =>
      toolOutcome(await client.callTool({ name: "list_organizations", arguments: { limit: "many" } })),
    check: (outcome) => {
      expect(outcome.isError).toBe(true);
      expect(text(outcome as unknown as ToolOutcome)).toMatch(
        /^Invalid arguments for list_organizations; nothing was sent to WorkOS\.\n- limit: /,
      );
    },
  },
  {
    name: "a WorkOS 404 is a tool error",
    run: async (client) =>
      toolOutcome(
        await client.callTool({
          name: "get_organization",
          arguments: { organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ" },
        }),
      ),
    check: (outcome) => {
      expect(outcome.isError).toBe(true);
      expect(text(outcome as unknown as ToolOutcome)).toContain(
        "get_organization failed: WorkOS found no such object (HTTP 404)",
      );
    },
  },
  {
    name: "a prompt",
    run: async (client) => {
      const { description, messages } = (await client.getPrompt({
        name: "diagnose_sso",
        arguments: { organization: DEMO_IDS.organizations.acme },
      })) as Outcome;
      return { description, messages };
    },
    check: (outcome) => {
      expect(outcome.messages).toEqual([
        {
          role: "user",
          content: {
            type: "text",
            text: expect.stringContaining(`the organization ${DEMO_IDS.organizations.acme}`),
          },
        },
      ]);
    },
  },
  {
    name: "a resource read",
    run: async (client) => {
      const uri = `workos://organizations/${DEMO_IDS.organizations.acme}`;
      const { contents } = (await client.readResource({ uri })) as Outcome;
      return { contents };
    },
    check: (outcome) => {
      const contents = outcome.contents as { uri: string; mimeType: string; text: string }[];
      expect(contents).toEqual([
        {
          uri: `workos://organizations/${DEMO_IDS.organizations.acme}`,
          mimeType: "application/json",
          text: expect.any(String),
        },
      ]);
      expect(JSON.parse(contents[0]?.text ?? "")).toMatchObject({
        data: { id: DEMO_IDS.organizations.acme, name: "Acme Inc" },
      });
    },
  },
  {
    name: "a completion",
    run: async (client) => {
      const { completion } = (await client.complete({
        ref: { type: "ref/prompt", name: "diagnose_sso" },
        argument: { name: "organization", value: "glob" },
      })) as Outcome;
      return { completion };
    },
    check: (outcome) => {
      expect((outcome.completion as { values: string[] }).values).toEqual(["Globex Corporation"]);
    },
  },
];

/**
 * The outcome with what differs from run to run masked: an id the case created, timestamps, request ids,
 * domain verification tokens (the emulator draws them at start) and the nonce of the fences around WorkOS data.
 */
export function comparable(outcome: Outcome): unknown {
  let json = JSON.stringify(outcome);
  const id = outcome.id;
  if (typeof id === "string" && id !== "") json = json.replaceAll(id, "<created id>");
  json = json
    .replace(/workos-data-[0-9a-f]+/g, "workos-data-<nonce>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>")
    .replace(/req_[0-9A-Z]{26}/g, "<request id>")
    // Also inside JSON text, where its quotes are escaped.
    .replace(/(verification_token\\*":\\*")[^"\\]+/g, "$1<token>");
  return JSON.parse(json);
}

/** A JSON-RPC message as seen on the wire. */
export interface WireMessage {
  id?: string | number | null;
  method?: string;
  result?: Record<string, unknown>;
  error?: unknown;
}

/**
 * Records every message the client's transport receives, before the SDK client reads it (the v2 client
 * strips `resultType` from what it returns): the transport's `onmessage`, whoever sets it, is wrapped.
 */
export function tapReceived<T extends { onmessage?: unknown }>(
  transport: T,
): { transport: T; received: WireMessage[] } {
  type Handler = (message: WireMessage, ...rest: unknown[]) => void;
  const received: WireMessage[] = [];
  const originals = new WeakMap<Handler, Handler>();
  let wrapped: Handler | undefined;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => wrapped,
    set: (handler: Handler | undefined) => {
      // A handler read back and set again (saved and restored around a probe) is not wrapped twice.
      const original = handler === undefined ? undefined : (originals.get(handler) ?? handler);
      wrapped =
        original === undefined
          ? undefined
          : (message, ...rest) => {
              received.push(message);
              original(message, ...rest);
            };
      if (wrapped !== undefined && original !== undefined) originals.set(wrapped, original);
    },
  });
  return { transport, received };
}

/** One client of one era, with what its transport received. */
export interface EraUnderTest {
  era: "2026-07-28" | "2025-11-25";
  client: TableClient;
  received: WireMessage[];
}

/**
 * Runs one case through each era's client: the case's own checks hold in each, every result on the wire
 * carries `resultType: "complete"` in 2026-07-28 and none in 2025-11-25, and the eras' outcomes agree.
 */
export async function runInEveryEra(eras: EraUnderTest[], tableCase: TableCase): Promise<void> {
  const outcomes: unknown[] = [];
  for (const { era, client, received } of eras) {
    const from = received.length;
    const outcome = await tableCase.run(client);
    tableCase.check(outcome);
    const results = received.slice(from).filter((message) => message.result !== undefined);
    expect(results.length, era).toBeGreaterThan(0);
    for (const { result } of results) {
      if (era === "2026-07-28") {
        expect(result, era).toMatchObject({
          resultType: "complete",
          _meta: { "io.modelcontextprotocol/serverInfo": { name: "workos-mcp" } },
        });
      } else {
        expect(result, era).not.toHaveProperty("resultType");
      }
    }
    outcomes.push(comparable(outcome));
  }
  for (const outcome of outcomes.slice(1)) expect(outcome).toEqual(outcomes[0]);
}
