import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { enabledTools } from "../../src/mcp/selection.js";
import type { ModelView } from "../../src/mcp/view.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";

const KEY = { WORKOS_API_KEY: "sk_test_operator_controls" };
const names = (env: Record<string, string>, argv: string[] = []) =>
  enabledTools(loadConfig({ ...KEY, ...env }, argv)).map((tool) => tool.name);
const view = (result: Awaited<ReturnType<Harness["call"]>>) =>
  result.structuredContent as unknown as ModelView;

describe("picking tools", () => {
  it("--tools offers only the named tools, and --exclude-tools wins over everything", () => {
    expect(names({}, ["--tools", "list_organizations,get_organization"])).toEqual([
      "list_organizations",
      "get_organization",
    ]);
    expect(
      names({
        WORKOS_MCP_TOOLS: "list_organizations,get_organization",
        WORKOS_MCP_EXCLUDE_TOOLS: "get_organization",
      }),
    ).toEqual(["list_organizations"]);
    expect(names({ WORKOS_MCP_EXCLUDE_TOOLS: "delete_organization,delete_directory" })).not.toContain(
      "delete_organization",
    );
    // Read-only still applies to a picked tool.
    expect(names({ WORKOS_MCP_TOOLS: "create_organization,get_organization" }, ["--read-only"])).toEqual([
      "get_organization",
    ]);
  });

  it("an unknown name stops start-up with a did-you-mean list", () => {
    const config = loadConfig({ ...KEY, WORKOS_MCP_TOOLS: "list_organisations" }, []);
    expect(() => enabledTools(config)).toThrow(ConfigError);
    expect(() => enabledTools(config)).toThrow(/"list_organisations" \(did you mean list_organizations/);
    expect(() => enabledTools(loadConfig({ ...KEY }, ["--exclude-tools", "nonsense_xyz"]))).toThrow(
      /--exclude-tools \/ WORKOS_MCP_EXCLUDE_TOOLS names no such tool: "nonsense_xyz"\. The tools:/,
    );
  });

  it("a refused call says which setting removed the tool", async () => {
    const h = await startHarness({ env: { WORKOS_MCP_EXCLUDE_TOOLS: "create_organization" } });
    try {
      const result = await h.call("create_organization", { name: "Nope" });
      expect(textOf(result)).toContain(
        "the operator excluded it (--exclude-tools / WORKOS_MCP_EXCLUDE_TOOLS)",
      );
    } finally {
      await h.close();
    }
  });
});

describe("a server pinned to one organization", () => {
  const acme = DEMO_IDS.organizations.acme;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: { WORKOS_MCP_ORGANIZATION_ID: acme, WORKOS_MCP_SERVER_NAME: "WorkOS Acme" },
    });
  });
  afterAll(() => h.close());

  it("lists no create, and no organization_id where the pin makes it redundant", async () => {
    const { tools } = await h.mcp.listTools();
    expect(tools.map((tool) => tool.name)).not.toContain("create_organization");
    for (const name of [
      "get_organization",
      "get_organization_overview",
      "list_connections",
      "list_directories",
      "generate_portal_link",
    ]) {
      const tool = tools.find((candidate) => candidate.name === name);
      expect(Object.keys(tool?.inputSchema.properties ?? {}), name).not.toContain("organization_id");
    }
    expect(h.mcp.getInstructions()).toContain(`pinned to organization ${acme}`);
  });

  it("fills the organization in, and refuses another one named outright", async () => {
    const overview = await h.call("get_organization_overview", {});
    expect(view(overview).data).toMatchObject({ organization: { id: acme } });
    const other = await h.call("get_organization", { organization_id: DEMO_IDS.organizations.globex });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toContain(`pinned to organization ${acme}`);
  });

  it("lists only the pinned organization's objects", async () => {
    const organizations = view(await h.call("list_organizations", { limit: 100 })).data as { id: string }[];
    expect(organizations.map((org) => org.id)).toEqual([acme]);
    const connections = view(await h.call("list_connections", { limit: 100 })).data as { id: string }[];
    expect(connections.map((conn) => conn.id).sort()).toEqual(
      [DEMO_IDS.connections.acmeAzureSaml, DEMO_IDS.connections.acmeGoogleOAuth].sort(),
    );
    const directories = view(await h.call("list_directories", { limit: 100 })).data as { id: string }[];
    expect(directories.map((dir) => dir.id)).toEqual([DEMO_IDS.directories.acmeGoogle]);
  });

  it.each([
    ["get_connection", { connection_id: DEMO_IDS.connections.globexGoogleSaml }],
    ["get_directory", { directory_id: DEMO_IDS.directories.fooCorpOkta }],
    ["delete_directory", { directory_id: DEMO_IDS.directories.fooCorpOkta }],
    ["list_directory_users", { directory_id: DEMO_IDS.directories.globexAzure }],
    ["list_directory_groups", { directory_id: DEMO_IDS.directories.globexAzure }],
  ])(
    "%s on another organization's id is refused after a lookup, and nothing else is read",
    async (name, args) => {
      await h.control("DELETE", "/_emulator/requests");
      const result = await h.call(name, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(
        "names something of another organization. Nothing was read or changed.",
      );
      const requests = await h.requests();
      expect(requests).toHaveLength(1);
      expect(requests[0]?.method).toBe("GET");
    },
  );

  it("a directory user or group of another organization is refused too", async () => {
    const users = view(
      await startAnd((other) =>
        other.call("list_directory_users", { directory_id: DEMO_IDS.directories.globexAzure }),
      ),
    );
    const user = (users.data as { id: string }[])[0]?.id as string;
    const refused = await h.call("get_directory_user", { directory_user_id: user });
    expect(textOf(refused)).toContain("another organization");
    const groups = await h.call("list_directory_groups", { directory_user_id: user });
    expect(textOf(groups)).toContain("another organization");
  });

  it("works on its own organization's ids", async () => {
    const result = await h.call("get_directory", { directory_id: DEMO_IDS.directories.acmeGoogle });
    expect(result.isError, textOf(result)).toBeFalsy();
    const users = await h.call("list_directory_users", { directory_id: DEMO_IDS.directories.acmeGoogle });
    expect(users.isError, textOf(users)).toBeFalsy();
  });

  it("is named by WORKOS_MCP_SERVER_NAME in its title and instructions", () => {
    expect(h.mcp.getServerVersion()?.title).toBe("WorkOS Acme");
    expect(h.mcp.getInstructions()).toMatch(/^This server \(WorkOS Acme\) operates WorkOS/);
  });
});

async function startAnd<T>(use: (other: Harness) => Promise<T>): Promise<T> {
  const other = await startHarness();
  try {
    return await use(other);
  } finally {
    await other.close();
  }
}
