// What a user would otherwise write: the official @workos-inc/node SDK inside a minimal MCP tool, on the MCP
// SDK line workos-mcp serves with (v2), in both eras through serveStdio.
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { WorkOS } from "@workos-inc/node";
import { z } from "zod";

const base = new URL(process.env.WORKOS_API_BASE_URL);
const workos = new WorkOS(process.env.WORKOS_API_KEY, {
  apiHostname: base.hostname,
  https: base.protocol === "https:",
  port: Number(base.port),
});

serveStdio(() => {
  const server = new McpServer({ name: "bench-sdk", version: "1.0.0" });
  server.registerTool(
    "get_organization",
    { description: "Fetch one organization.", inputSchema: z.object({ organization_id: z.string() }) },
    async ({ organization_id }) => {
      try {
        const organization = await workos.organizations.getOrganization(organization_id);
        return { content: [{ type: "text", text: JSON.stringify(organization) }] };
      } catch (error) {
        return { content: [{ type: "text", text: String(error) }], isError: true };
      }
    },
  );
  return server;
});
