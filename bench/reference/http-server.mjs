// The HTTP reference: the SDK's own minimal stateless v2 handler (createMcpHandler, a fresh low-level Server
// per request) serving one tool that makes the same WorkOS call as the floor, one raw undici GET. No auth, no
// Host check: everything workos-mcp does in front of the handler is work this server skips. Prints
// {"url": ...} on stdout once listening.
import { createServer } from "node:http";
import { createMcpHandler, Server } from "@modelcontextprotocol/server";
import { request } from "undici";

const base = process.env.WORKOS_API_BASE_URL;
const headers = { authorization: `Bearer ${process.env.WORKOS_API_KEY}` };

const TOOL = {
  name: "get_organization",
  description: "Fetch one organization.",
  inputSchema: {
    type: "object",
    properties: { organization_id: { type: "string" } },
    required: ["organization_id"],
  },
};

function buildServer() {
  const server = new Server({ name: "bench-http", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler("tools/list", () => ({ tools: [TOOL] }));
  server.setRequestHandler("tools/call", async ({ params }) => {
    const id = params.arguments?.organization_id;
    if (typeof id !== "string")
      return { content: [{ type: "text", text: "organization_id?" }], isError: true };
    const response = await request(`${base}/organizations/${id}`, { headers });
    const text = await response.body.text();
    return { content: [{ type: "text", text }], isError: response.statusCode >= 400 };
  });
  return server;
}

const handler = createMcpHandler(buildServer);

// The plain node:http adapter of the SDK's docs: the request as a web Request, the Response written back.
const http = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const post = req.method !== "GET" && req.method !== "HEAD";
  const response = await handler.fetch(
    new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      ...(post ? { body: Buffer.concat(chunks) } : {}),
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) for await (const chunk of response.body) res.write(chunk);
  res.end();
});
http.keepAliveTimeout = 65_000;
http.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${http.address().port}/mcp` })}\n`);
});
process.on("SIGTERM", () => http.close(() => process.exit(0)));
