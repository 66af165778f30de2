// The cold-start reference: the smallest useful MCP server on the SDK line workos-mcp serves with (v2), one
// trivial tool, served in both eras by serveStdio as dist/cli.js is.
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { z } from "zod";

serveStdio(() => {
  const server = new McpServer({ name: "bench-minimal", version: "1.0.0" });
  server.registerTool(
    "echo",
    {
      description: "Returns its input.",
      inputSchema: z.object({ text: z.string().describe("Text to echo.") }),
    },
    async ({ text }) => ({ content: [{ type: "text", text }] }),
  );
  return server;
});
