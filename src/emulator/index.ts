import { DEFAULT_API_KEY } from "./api-key.js";
import { demoSeed } from "./demo-seed.js";
import { loadSeedFile, type Seed } from "./seed.js";
import { DEFAULT_RETENTION, EmulatorServer, type Retention } from "./server.js";

export { DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from "./api-key.js";
export { DEMO_IDS, DEMO_MCP_TEAM, DEMO_PASSWORD } from "./demo-seed.js";
export type { Seed } from "./seed.js";

export interface EmulatorOptions {
  /** Default "127.0.0.1". */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default "sk_test_emulator". */
  apiKey?: string;
  /** Default: the built-in demo seed. */
  seed?: Seed;
  /** A JSON seed file, used when `seed` is not given. */
  seedFile?: string;
  /** Off by default. */
  rateLimit?: { requests: number; windowMs: number };
  /** Delivery retry schedule; default [1000, 5000, 30000]. */
  webhookRetryDelaysMs?: number[];
  /** Clock for timestamps and link expiry; tests inject one. Default Date.now. */
  now?: () => number;
  /** How much history the emulator keeps, so a long session's memory stays flat (see DEFAULT_RETENTION). */
  retain?: Partial<Retention>;
}

export interface RunningEmulator {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** Starts the WorkOS-compatible emulator and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed =
    options.seed ?? (options.seedFile !== undefined ? await loadSeedFile(options.seedFile) : demoSeed);
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const server = new EmulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    apiKey,
    seed,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 30000],
    now: options.now ?? Date.now,
    retain: { ...DEFAULT_RETENTION, ...options.retain },
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  const url = await server.listen();
  return { url, apiKey, close: () => server.close() };
}
