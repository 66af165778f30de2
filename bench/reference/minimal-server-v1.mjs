// The cold-start reference: the smallest useful MCP server on the same SDK, one trivial tool.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "bench-minimal", version: "1.0.0" });
server.registerTool(
  "echo",
  { description: "Returns its input.", inputSchema: { text: z.string().describe("Text to echo.") } },
  async ({ text }) => ({ content: [{ type: "text", text }] }),
);
await server.connect(new StdioServerTransport());
