// What serving over stdio needs, in one module: the CLI imports it once, so the bundle loads one chunk graph for
// it at start instead of several (each dynamic import is its own entry, and esbuild splits what they share into
// more small files, which cost a cold start more than their size).
export { serveStdio } from "@modelcontextprotocol/server/stdio";
export { WorkOSClient } from "./client/client.js";
export { stdioServing } from "./server.js";
export { StdioTransport } from "./stdio.js";
export { loadTools, toolsetsUsed } from "./tools/load.js";
