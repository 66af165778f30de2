// The floor: an MCP tool whose handler is one raw undici GET to the API, its body returned as text. On the
// SDK line workos-mcp serves with (v2), in both eras through serveStdio, as dist/cli.js is.
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { request } from "undici";
import { z } from "zod";

const base = process.env.WORKOS_API_BASE_URL;
const headers = { authorization: `Bearer ${process.env.WORKOS_API_KEY}` };

serveStdio(() => {
  const server = new McpServer({ name: "bench-floor", version: "1.0.0" });
  server.registerTool(
    "get_organization",
    { description: "Fetch one organization.", inputSchema: z.object({ organization_id: z.string() }) },
    async ({ organization_id }) => {
      const response = await request(`${base}/organizations/${organization_id}`, { headers });
      const text = await response.body.text();
      return { content: [{ type: "text", text }], isError: response.statusCode >= 400 };
    },
  );
  return server;
});
