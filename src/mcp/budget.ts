/** Gemini CLI cuts a result at 40,000 characters, and Claude Code spills one over 50,000 to a file. */
export const DEFAULT_MAX_RESULT_CHARS = 40_000;

/**
 * Clients known to keep less, by the name they give in clientInfo. Codex keeps about 10 KiB of a result;
 * its limit is in bytes, so the budget leaves room for multi-byte characters.
 */
const CLIENT_LIMITS: Readonly<Record<string, number>> = {
  "codex-mcp-client": 9_000,
};

/** The largest result for this client: the operator's setting, else what the client keeps, else the default. */
export function resultBudget(configured: number | undefined, clientName: string | undefined): number {
  if (configured !== undefined) return configured;
  return (clientName === undefined ? undefined : CLIENT_LIMITS[clientName]) ?? DEFAULT_MAX_RESULT_CHARS;
}
