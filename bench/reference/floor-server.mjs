// The floor: an MCP tool whose handler is one raw undici GET to the API, its body returned as text.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { request } from "undici";
import { z } from "zod";

const base = process.env.WORKOS_API_BASE_URL;
const headers = { authorization: `Bearer ${process.env.WORKOS_API_KEY}` };

const server = new McpServer({ name: "bench-floor", version: "1.0.0" });
server.registerTool(
  "get_organization",
  { description: "Fetch one organization.", inputSchema: { organization_id: z.string() } },
  async ({ organization_id }) => {
    const response = await request(`${base}/organizations/${organization_id}`, { headers });
    const text = await response.body.text();
    return { content: [{ type: "text", text }], isError: response.statusCode >= 400 };
  },
);
await server.connect(new StdioServerTransport());
