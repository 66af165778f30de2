import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

/** The official SDK (@workos-inc/node) pointed at an emulator: plain HTTP to its host and port. */
export function officialSdk(emulator: { url: string; apiKey: string }, clientId?: string): WorkOS {
  const base = new URL(emulator.url);
  return new WorkOS(emulator.apiKey, {
    apiHostname: base.hostname,
    port: Number(base.port),
    https: false,
    ...(clientId === undefined ? {} : { clientId }),
  });
}

/** Sends a POST to the emulator's control API (e.g. /_emulator/reset); anything but success throws. */
export async function emulatorControl(
  emulator: RunningEmulator,
  path: string,
  body?: unknown,
): Promise<void> {
  const res = await fetch(new URL(path, emulator.url), {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${path} -> ${res.status}`);
}

/**
 * For a test file that drives the official SDK: an emulator started once for the file, reset before each test,
 * closed after; read `emulator` and `workos` inside tests (they are set in beforeAll).
 */
export function officialSdkPerFile(): { readonly emulator: RunningEmulator; readonly workos: WorkOS } {
  const state = {} as { emulator: RunningEmulator; workos: WorkOS };
  beforeAll(async () => {
    state.emulator = await startEmulator();
    state.workos = officialSdk(state.emulator);
  });
  afterAll(() => state.emulator.close());
  beforeEach(() => emulatorControl(state.emulator, "/_emulator/reset"));
  return state;
}
