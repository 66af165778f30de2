// The cold-start reference on the v1 SDK line (@modelcontextprotocol/sdk, 2025-11-25 only): what the same one-tool server cost before the move to v2.
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
