/** Host names that always mean this machine; a server on loopback accepts them on its own port. */
export const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"] as const;

/** `name:port` for each loopback name: the Host values a local client sends. */
export function loopbackHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

/**
 * Whether a Host header is one of `allowed` (entries are "name:port", or a bare "name" for any port):
 * the check against DNS rebinding, where a foreign page's name resolves to 127.0.0.1.
 */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return allowed.has(lower) || allowed.has(withoutPort(lower));
}

function withoutPort(host: string): string {
  return host.replace(/:\d+$/, "");
}

/** A client's header, quoted for a log line or an error body: short, and one line. */
export function quoted(value: string): string {
  const shown = JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
  return value.length > 100 ? `${shown} (${value.length} characters)` : shown;
}
