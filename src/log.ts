import { format } from "node:util";
import { redact } from "./redact.js";

/** stdout belongs to the MCP protocol, so every log line goes to stderr, with secrets masked. */
export const log = {
  info(...args: unknown[]): void {
    process.stderr.write(`${redact(`workos-mcp: ${format(...args)}`)}\n`);
  },
  error(...args: unknown[]): void {
    process.stderr.write(`${redact(`workos-mcp: error: ${format(...args)}`)}\n`);
  },
};
