import { format } from "node:util";

let secrets: string[] = [];

/** Registers values that must never reach the log (the API key, webhook secrets). */
export function redactInLogs(values: readonly (string | undefined)[]): void {
  secrets = values.filter((value): value is string => value !== undefined && value.length >= 4);
}

function redact(text: string): string {
  let result = text;
  for (const secret of secrets) result = result.replaceAll(secret, "[redacted]");
  return result;
}

/** stdout belongs to the MCP protocol, so every log line goes to stderr, with secrets masked. */
export const log = {
  info(...args: unknown[]): void {
    process.stderr.write(`${redact(`workos-mcp: ${format(...args)}`)}\n`);
  },
  error(...args: unknown[]): void {
    process.stderr.write(`${redact(`workos-mcp: error: ${format(...args)}`)}\n`);
  },
};
