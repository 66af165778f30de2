import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { WorkOSClient } from "../src/client/client.js";
import { loadConfig } from "../src/config.js";
import { describeConfig } from "../src/doctor.js";
import { DEMO_IDS } from "../src/emulator/demo-seed.js";
import { createServer, enabledTools } from "../src/server.js";
import { defineTool, READ } from "../src/tools/define.js";
import { tools } from "../src/tools/index.js";
import { loadTools, toolsetsUsed } from "../src/tools/load.js";
import { type Harness, startHarness, textOf } from "./support/harness.js";

const KEY = { WORKOS_API_KEY: "sk_test_x" };

describe("enabledTools", () => {
  it("read-only mode keeps exactly the tools whose readOnlyHint is true", () => {
    const names = enabledTools(loadConfig(KEY, ["--read-only", "--toolsets", "all"])).map(
      (tool) => tool.name,
    );
    expect(names).toEqual(tools.filter((tool) => tool.annotations.readOnlyHint).map((tool) => tool.name));
    expect(names).toContain("validate_webhook");
    expect(names).not.toContain("create_organization");
  });

  it("toolsets filter by area", () => {
    const names = enabledTools(loadConfig({ ...KEY, WORKOS_MCP_TOOLSETS: "sso,admin_portal" }, [])).map(
      (t) => t.name,
    );
    expect(names).toEqual(["list_connections", "get_connection", "generate_portal_link"]);
  });
});

describe("read-only mode over MCP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { WORKOS_MCP_READ_ONLY: "true" } });
  });
  afterAll(() => h.close());

  it("neither lists nor runs write tools, and says why", async () => {
    const listed = (await h.mcp.listTools()).tools.map((tool) => tool.name);
    expect(listed).not.toContain("delete_organization");
    expect(listed).toContain("list_organizations");
    await h.control("DELETE", "/_emulator/requests");
    const result = await h.call("delete_organization", { organization_id: DEMO_IDS.organizations.acme });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/read-only mode/);
    expect(await h.requests()).toEqual([]);
  });

  it("says so in the instructions", () => {
    expect(h.mcp.getInstructions()).toMatch(/Read-only mode/);
  });
});

describe("toolsets over MCP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "sso" } });
  });
  afterAll(() => h.close());

  it("refuses a tool of a disabled toolset with the fix", async () => {
    const result = await h.call("list_organizations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/toolset "organizations" is not enabled.*WORKOS_MCP_TOOLSETS/s);
  });

  it("answers an unknown tool with a protocol error", async () => {
    await expect(h.mcp.callTool({ name: "drop_database", arguments: {} })).rejects.toThrow(
      /Unknown tool "drop_database"/,
    );
  });
});

// The CLI loads only the tool modules of the toolsets it uses (src/tools/load.ts); what it did not load it still
// knows by name (src/tools/names.ts), and refuses in the words it would use for a loaded tool.
describe("a server given only the tools the CLI loads", () => {
  it("refuses a tool of an off toolset with the fix, and still knows no made-up tool", async () => {
    const loaded = await loadTools(toolsetsUsed(loadConfig(KEY, [])));
    expect(loaded.map((tool) => tool.name)).not.toContain("list_audit_log_actions");
    const h = await startHarness({ tools: loaded });
    try {
      const result = await h.call("list_audit_log_actions", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(
        /^list_audit_log_actions is not available: its toolset "audit_logs" is not enabled.*WORKOS_MCP_TOOLSETS/s,
      );
      await expect(h.mcp.callTool({ name: "drop_database", arguments: {} })).rejects.toThrow(
        /Unknown tool "drop_database"/,
      );
    } finally {
      await h.close();
    }
  });

  it("with --tools, serves the tools named from any toolset and refuses the rest by name", async () => {
    const env = { WORKOS_MCP_TOOLS: "list_audit_log_actions,get_organization" };
    const loaded = await loadTools(toolsetsUsed(loadConfig({ ...KEY, ...env }, [])));
    const h = await startHarness({ env, tools: loaded });
    try {
      expect((await h.mcp.listTools()).tools.map((tool) => tool.name)).toEqual([
        "get_organization",
        "list_audit_log_actions",
      ]);
      expect((await h.call("list_audit_log_actions", {})).isError).toBeFalsy();
      const refused = await h.call("list_connections", {});
      expect(textOf(refused)).toMatch(/^list_connections is not available: this server offers only/);
    } finally {
      await h.close();
    }
  });
});

describe("failures become readable isError results", () => {
  let h: Harness;
  beforeAll(async () => {
    // A normal timeout: 300 ms, which the hang needs, would fail ordinary calls on a busy machine.
    h = await startHarness({ client: { maxRetries: 1 } });
  });
  afterAll(() => h.close());

  const fault = (spec: Record<string, unknown>) =>
    h.control("POST", "/_emulator/faults", { method: "GET", ...spec });

  it("a 500 is retried, then reported as retryable", async () => {
    await h.control("DELETE", "/_emulator/requests");
    await fault({ path: "/organizations/*", status: 500, body: { message: "boom" }, times: 2 });
    const result = await h.call("get_organization", { organization_id: DEMO_IDS.organizations.acme });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^get_organization failed: WorkOS had a server error \(HTTP 500\); trying again later could help\./,
    );
    expect(textOf(result)).toMatch(/"category":"server","status":500,"message":"boom"/);
    // maxRetries is 1: exactly two attempts reached WorkOS.
    const attempts = (await h.requests()).filter((request) => request.path.startsWith("/organizations/"));
    expect(attempts).toHaveLength(2);
  });

  it("a 429 names the wait WorkOS asked for", async () => {
    await fault({
      path: "/organizations",
      status: 429,
      body: { message: "Too many requests" },
      headers: { "retry-after": "1" },
      times: 2,
    });
    const result = await h.call("list_organizations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Hint: WorkOS rate limit reached; it asked to wait 1 s.");
    expect(textOf(result)).toMatch(/"category":"rate_limit","status":429/);
  });

  it("a single 503 is retried away", async () => {
    await fault({ path: "/organizations", status: 503, body: { message: "unavailable" }, times: 1 });
    const result = await h.call("list_organizations", {});
    expect(result.isError).toBeFalsy();
  });

  it.each([
    [{ action: "malformed_json" }, /"category":"invalid_response"/],
    [{ action: "reset", times: 2 }, /"category":"connection"/],
  ])("%o ends in isError, not a crash or a hang", async (spec, message) => {
    await fault({ path: "/connections", ...spec });
    const result = await h.call("list_connections", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(textOf(result)).not.toContain(h.emulator.apiKey);
  });

  it("a WorkOS that never answers ends in a timeout isError", async () => {
    const impatient = await startHarness({ client: { timeoutMs: 300, maxRetries: 1 } });
    try {
      await impatient.control("POST", "/_emulator/faults", {
        method: "GET",
        path: "/connections",
        action: "hang",
        times: 2,
      });
      const result = await impatient.call("list_connections", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/"category":"timeout"/);
      expect(textOf(result)).not.toContain(impatient.emulator.apiKey);
    } finally {
      await impatient.close();
    }
  });

  it("a wrong API key is explained", async () => {
    const bad = new WorkOSClient({ apiKey: "sk_test_wrong", baseUrl: h.emulator.url });
    const server = createServer({ ...h.config, apiKey: "sk_test_wrong" }, { client: bad });
    const mcp = new Client({ name: "t", version: "0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), mcp.connect(b)]);
    const result = (await mcp.callTool({ name: "list_organizations", arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/WorkOS rejected the API key \(HTTP 401\).*WORKOS_API_KEY/s);
    expect(textOf(result)).not.toContain("sk_test_wrong");
    await mcp.close();
    await bad.close();
  });

  /**
   * A server whose WorkOS is the given stand-in on loopback, with no retries and a long timeout: only the call
   * itself can end a request the stand-in leaves hanging.
   */
  async function withStandIn(
    handle: Parameters<typeof createHttpServer>[1],
    test: (mcp: Client) => Promise<void>,
  ): Promise<void> {
    const upstream = createHttpServer(handle);
    upstream.listen(0, "127.0.0.1");
    await once(upstream, "listening");
    const baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const workos = new WorkOSClient({ apiKey: h.emulator.apiKey, baseUrl, timeoutMs: 60_000, maxRetries: 0 });
    const server = createServer({ ...h.config, baseUrl }, { client: workos });
    const mcp = new Client({ name: "t", version: "0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), mcp.connect(b)]);
    try {
      await test(mcp);
    } finally {
      upstream.closeAllConnections();
      upstream.close();
      await mcp.close();
      await server.close();
      await workos.close();
    }
  }

  it("a cancelled call stops the request", async () => {
    // The stand-in never answers and notes when the socket of the hanging request closes.
    let arrived!: () => void;
    let closed!: (at: number) => void;
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const closing = new Promise<number>((resolve) => {
      closed = resolve;
    });
    const standIn: Parameters<typeof createHttpServer>[1] = (_req, res) => {
      res.on("close", () => closed(performance.now()));
      arrived();
    };
    await withStandIn(standIn, async (mcp) => {
      const controller = new AbortController();
      const call = mcp.callTool({ name: "list_directories", arguments: {} }, undefined, {
        signal: controller.signal,
      });
      await arrival;
      const cancelledAt = performance.now();
      controller.abort("user cancelled");
      await expect(call).rejects.toThrow();
      const closedAt = await Promise.race([closing, delay(3_000).then(() => undefined)]);
      expect(closedAt, "the upstream request was still open 3 s after the cancel").toBeDefined();
      expect((closedAt as number) - cancelledAt).toBeLessThan(3_000);
    });
  });

  it("a call that fails on one of its parallel requests leaves none of the others running", async () => {
    // The organization answers 403 once the overview's other requests (connections, directories) have
    // arrived; those hang until their sockets close.
    const hanging: Promise<void>[] = [];
    let refuse: (() => void) | undefined;
    const standIn: Parameters<typeof createHttpServer>[1] = (req, res) => {
      if (req.url?.startsWith("/organizations/")) {
        refuse = () => {
          res.writeHead(403, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: "Forbidden" }));
        };
      } else {
        hanging.push(new Promise((resolve) => res.on("close", () => resolve())));
      }
      if (refuse !== undefined && hanging.length === 2) refuse();
    };
    await withStandIn(standIn, async (mcp) => {
      const result = await mcp.callTool({
        name: "get_organization_overview",
        arguments: { organization_id: DEMO_IDS.organizations.acme },
      });
      expect(result.isError).toBe(true);
      expect(hanging, "the overview asks for connections and directories in parallel").toHaveLength(2);
      const allClosed = Promise.all(hanging).then(() => true);
      expect(await Promise.race([allClosed, delay(3_000).then(() => false)]), "still open 3 s on").toBe(true);
    });
  });
});

describe("an unexpected bug in a tool", () => {
  it("is logged to stderr and still answered", async () => {
    const broken = defineTool({
      name: "broken_tool",
      title: "Broken",
      description: "Throws a plain error.",
      toolset: "organizations",
      organization: "none",
      input: z.strictObject({}),
      output: z.object({}),
      annotations: READ,
      handler: async () => {
        throw new TypeError("cannot read properties of undefined");
      },
    });
    const workos = new WorkOSClient({ apiKey: "sk_test_x", baseUrl: "http://127.0.0.1:9" });
    const server = createServer(loadConfig(KEY, []), { client: workos, tools: [broken] });
    const mcp = new Client({ name: "t", version: "0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), mcp.connect(b)]);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const result = (await mcp.callTool({ name: "broken_tool", arguments: {} })) as CallToolResult;
    const logged = stderr.mock.calls.map(([chunk]) => String(chunk)).join("");
    stderr.mockRestore();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /broken_tool failed unexpectedly: cannot read properties.*bug in workos-mcp/s,
    );
    expect(logged).toMatch(/unexpected error in broken_tool/);
    await mcp.close();
    await workos.close();
  });
});

describe("the emulator with the user's seed file", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ argv: ["--emulator", "--seed", "/home/me/team-seed.json"] });
  });
  afterAll(() => h.close());

  it("is named as the seed file's data, not demo data, in the instructions and the settings", () => {
    const instructions = h.mcp.getInstructions() ?? "";
    expect(instructions).toContain("the local WorkOS emulator with the data of the seed file team-seed.json");
    expect(instructions).not.toMatch(/demo data/);
    expect(describeConfig(h.config)).toMatch(
      /API base URL: +embedded emulator \(seed file \/home\/me\/team-seed\.json\)/,
    );
  });

  it("is demo data without a seed file", () => {
    const config = loadConfig({}, ["--emulator"]);
    expect(describeConfig(config)).toMatch(/API base URL: +embedded emulator \(demo data\)/);
  });
});
