import { request } from "undici";

/** One entry of the emulator's request log (GET /_emulator/requests). */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface Fault {
  method: string;
  path: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay_ms?: number;
  action?: string;
  times?: number;
}

/** Talks to the emulator's control API the way a test would by hand; not part of the client. */
export class EmulatorControl {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  private async call(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    const response = await request(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`${method} ${path} -> ${response.statusCode}: ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  }

  addFault(fault: Fault): Promise<unknown> {
    return this.call("POST", "/_emulator/faults", fault);
  }

  clearFaults(): Promise<unknown> {
    return this.call("DELETE", "/_emulator/faults");
  }

  reset(): Promise<unknown> {
    return this.call("POST", "/_emulator/reset");
  }

  clearLog(): Promise<unknown> {
    return this.call("DELETE", "/_emulator/requests");
  }

  /** API requests seen since the last clear, control calls left out. */
  async requests(): Promise<LoggedRequest[]> {
    const result = await this.call("GET", "/_emulator/requests");
    return (result as { data: LoggedRequest[] }).data.filter((entry) => !entry.path.startsWith("/_emulator"));
  }

  /** Resolves once the log holds a request for `path`; each check is one round trip, no sleeps. */
  async waitForRequest(path: string): Promise<void> {
    for (;;) {
      const log = await this.requests();
      if (log.some((entry) => entry.path === path)) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

export function header(entry: LoggedRequest, name: string): string | undefined {
  const value = entry.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
