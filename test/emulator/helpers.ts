import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON bodies
  json: any;
}

export interface TestEmulator extends RunningEmulator {
  api(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; key?: string | null },
  ): Promise<ApiResult>;
}

export async function start(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator(options);
  const api: TestEmulator["api"] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? emulator.apiKey : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return { ...emulator, close: () => emulator.close(), api };
}

/** Follows one cursor until it runs out, collecting ids. */
export async function walk(
  emu: TestEmulator,
  path: string,
  cursor: "after" | "before",
  first = "",
): Promise<string[][]> {
  const pages: string[][] = [];
  let next: string | null = first || null;
  let url = path;
  do {
    const sep = path.includes("?") ? "&" : "?";
    url = next ? `${path}${sep}${cursor}=${next}` : path;
    const res = await emu.api("GET", url);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text}`);
    pages.push(res.json.data.map((o: { id: string }) => o.id));
    next = res.json.list_metadata[cursor];
  } while (next);
  return pages;
}
