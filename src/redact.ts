/**
 * One redaction, applied to what leaves the server (tool results, log lines, doctor and --help output)
 * rather than to what comes in: an upstream can echo a secret in any form (a `\u`-escaped JSON string, a
 * header, a request id, a success body), and only the final text shows it as it will be read.
 */
const secrets = new Set<string>();

export const REDACTED = "[redacted]";

/** Registers values that must never be shown: the API key, webhook secrets, the HTTP token. */
export function registerSecrets(values: readonly (string | undefined)[]): void {
  // Very short values would redact ordinary words; the config refuses such secrets anyway.
  for (const value of values) if (value !== undefined && value.length >= 8) secrets.add(value);
}

/** Whether the text shows a registered secret. */
export function showsSecret(text: string): boolean {
  for (const secret of secrets) if (text.includes(secret)) return true;
  return false;
}

export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
  return result;
}

/** Every string and key of a JSON value, redacted. */
export function redactDeep(value: unknown): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [redact(key), redactDeep(field)]));
}
