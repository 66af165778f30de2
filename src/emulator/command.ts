import { parseArgs } from "node:util";
import { listenProblem } from "../listen-error.js";
import { DEFAULT_API_KEY, startEmulator } from "./index.js";

/** Fixed, so a URL in a test setup or a README stays valid from one run to the next; --port 0 picks a free one. */
export const DEFAULT_EMULATOR_PORT = 8787;

const USAGE = `Usage: workos-mcp emulator [options]

Runs a local WorkOS-compatible API server with an in-memory store.

Options:
  --host HOST      interface to bind (default 127.0.0.1)
  --port PORT      port to listen on; 0 picks a free one (default ${DEFAULT_EMULATOR_PORT})
  --seed FILE      JSON seed file (default: the built-in demo seed)
  --api-key KEY    API key clients must send (default ${DEFAULT_API_KEY})
  --json           print one line {"url": ..., "apiKey": ...} on stdout once listening
  -h, --help       show this help
`;

function fail(message: string): void {
  process.stderr.write(`workos-mcp emulator: ${message}\n`);
  process.exitCode = 2;
}

/** `workos-mcp emulator ...`: runs until SIGINT or SIGTERM, then closes cleanly. */
export async function runEmulatorCommand(argv: string[]): Promise<void> {
  let values: {
    host?: string;
    port?: string;
    seed?: string;
    "api-key"?: string;
    json?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        seed: { type: "string" },
        "api-key": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'workos-mcp emulator --help' for usage.`);
    return;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? DEFAULT_EMULATOR_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === "") {
    fail(`--port must be an integer between 0 and 65535, got '${values.port}'.`);
    return;
  }
  if (values["api-key"] !== undefined && values["api-key"].trim() === "") {
    fail("--api-key must not be empty.");
    return;
  }

  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      host: values.host ?? "127.0.0.1",
      port,
      ...(values["api-key"] !== undefined ? { apiKey: values["api-key"] } : {}),
      ...(values.seed !== undefined ? { seedFile: values.seed } : {}),
    });
  } catch (error) {
    const host = values.host ?? "127.0.0.1";
    fail(listenProblem(error, `${host}:${port}`, "--port (0 picks a free one)") ?? (error as Error).message);
    return;
  }

  if (values.json)
    process.stdout.write(`${JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey })}\n`);
  else {
    process.stderr.write(
      `WorkOS emulator listening on ${emulator.url} (API key ${emulator.apiKey}); Ctrl-C stops it.\n` +
        `Try: curl -H "Authorization: Bearer ${emulator.apiKey}" ${emulator.url}/organizations\n`,
    );
  }

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      emulator.close().then(resolve, (error: unknown) => {
        console.error("emulator: error while closing", error);
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
