import type { WorkOSClient } from "./client/client.js";
import { VERSION } from "./client/version.js";
import { type Config, ConfigError, clientOptions, DEFAULT_TOOLSETS, loadConfig, TOOLSETS } from "./config.js";
import { listenProblem } from "./listen-error.js";
import { log } from "./log.js";
import { redact, registerSecrets } from "./redact.js";
import type { AnyTool } from "./tools/define.js";

const USAGE = `workos-mcp ${VERSION}: the WorkOS MCP server

Usage:
  workos-mcp [options]            serve MCP on stdio
  workos-mcp --http [options]     serve MCP over Streamable HTTP (stateless) at /mcp, for teams
  workos-mcp doctor [options]     check the configuration with one cheap read, secrets masked
  workos-mcp emulator [options]   run the local WorkOS emulator (see: workos-mcp emulator --help)

Options:
  --emulator          use an embedded local WorkOS emulator with demo data (no account needed)
  --seed FILE         with --emulator: load this JSON seed instead of the demo data
  --read-only         expose only tools that read; changes are refused
  --toolsets LIST     comma list of ${TOOLSETS.join(", ")}, or all
                      (default: ${DEFAULT_TOOLSETS.join(", ")})
  --tools LIST        only these tools, by name (in place of --toolsets)
  --exclude-tools LIST  never these tools; wins over every other option
  --organization ID   pin the server to one organization (org_…): it sees and changes nothing else
  --allow-production-writes  with an sk_live_ key, allow changes (they are off by default)
  --destructive MODE  deletes: confirm (ask the user first; default), allow (at once), block (no delete tools)
  --http              serve Streamable HTTP instead of stdio; needs WORKOS_MCP_HTTP_TOKEN, or sign-in (below)
  --host HOST         with --http: the address to listen on (default 127.0.0.1)
  --port PORT         with --http: the port (default 3000)
  -h, --help          show this help and check the configuration
  -v, --version       print the version

Environment:
  WORKOS_API_KEY          your WorkOS secret key (required unless --emulator); never pass it as a flag
  WORKOS_API_BASE_URL     default https://api.workos.com
  WORKOS_WEBHOOK_SECRET   webhook signing secret(s), comma-separated for rotation
  WORKOS_MCP_EMULATOR     true: like --emulator (the bundle's Demo mode)
  WORKOS_MCP_READ_ONLY    true to start in read-only mode
  WORKOS_MCP_TOOLSETS     like --toolsets
  WORKOS_MCP_DESTRUCTIVE  like --destructive
  WORKOS_MCP_TOOLS, WORKOS_MCP_EXCLUDE_TOOLS, WORKOS_MCP_ORGANIZATION_ID  like the flags above
  WORKOS_MCP_ALLOW_PRODUCTION_WRITES  true: like --allow-production-writes
  WORKOS_MCP_SERVER_NAME  what this instance is called, e.g. "WorkOS staging" (title and instructions)
  WORKOS_MCP_MAX_RESULT_CHARS  the largest tool result, in characters (default 40000 and 9500 tokens; 9000 for Codex)
  WORKOS_MCP_HTTP_TOKEN   with --http: the bearer token clients must send (32+ characters); everyone holding it
                          acts with the server's WorkOS key
  WORKOS_MCP_AUTHKIT_DOMAIN, WORKOS_MCP_PUBLIC_URL  with --http, instead of the token: people sign in with
                          AuthKit (https://acme.authkit.app) to this URL (https://mcp.example.com/mcp); their
                          role's workos-mcp:read/write/delete permissions decide what they may do
  WORKOS_MCP_AUDIT_ORGANIZATION_ID  with sign-in: every change is also written to this organization's Audit Logs
  WORKOS_MCP_ALLOWED_HOSTS    with --http: extra Host values to accept (default: localhost on the port)
  WORKOS_MCP_ALLOWED_ORIGINS  with --http: extra browser Origins to accept (requests without Origin pass)`;

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "emulator") {
    const { runEmulatorCommand } = await import("./emulator/command.js");
    await runEmulatorCommand(argv.slice(1));
    return;
  }

  const doctor = argv[0] === "doctor";
  const args = doctor ? argv.slice(1) : argv;
  let config: Config;
  try {
    config = loadConfig(process.env, args, doctor ? { requireApiKey: false } : {});
  } catch (error) {
    // Whoever asks for help gets it, above what is wrong (a ConfigError never holds a secret).
    if (!(error instanceof ConfigError) || !(args.includes("--help") || args.includes("-h"))) throw error;
    process.stdout.write(`${USAGE}\n\nCurrent configuration: NOT VALID: ${redact(error.message)}\n`);
    process.exitCode = 2;
    return;
  }
  registerSecrets([config.apiKey, ...config.webhookSecrets, config.http?.token]);
  if (config.version) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (config.help) {
    const [{ describeConfig }, tools] = await Promise.all([import("./doctor.js"), toolsOf(config)]);
    process.stdout.write(redact(`${USAGE}\n\nCurrent configuration:\n${describeConfig(config, tools)}\n`));
    return;
  }
  if (doctor) {
    process.exitCode = await checkConfiguration(config);
    return;
  }
  if (config.http !== undefined) {
    await serveHttp(config);
    return;
  }
  await serveStdio(config);
}

/** With --emulator, starts the embedded emulator and points the configuration at it. */
async function withEmulator(config: Config): Promise<{ config: Config; close: () => Promise<void> }> {
  if (!config.emulator) return { config, close: async () => {} };
  const { startEmulator } = await import("./emulator/index.js");
  const emulator = await startEmulator(config.seedFile === undefined ? {} : { seedFile: config.seedFile });
  const mode =
    config.seedFile === undefined
      ? "demo mode: using the embedded WorkOS emulator"
      : `emulator mode: using the embedded WorkOS emulator, with the data of your seed file ${config.seedFile},`;
  log.info(`${mode} at ${emulator.url} (no real WorkOS account is touched)`);
  return {
    config: { ...config, apiKey: emulator.apiKey, baseUrl: emulator.url, proxy: undefined },
    close: () => emulator.close(),
  };
}

async function checkConfiguration(initial: Config): Promise<number> {
  const [{ runDoctor }, { config, close }, tools] = await Promise.all([
    import("./doctor.js"),
    withEmulator(initial),
    toolsOf(initial),
  ]);
  try {
    return await runDoctor(config, (line) => process.stdout.write(redact(line)), tools);
  } finally {
    await close();
  }
}

async function serveStdio(initial: Config): Promise<void> {
  const { config, close: closeEmulator } = await withEmulator(initial);

  const parts = await import("./stdio-parts.js");
  const { WorkOSClient, stdioServing, StdioTransport } = parts;
  const tools = await parts.loadTools(parts.toolsetsUsed(config));
  const client = new WorkOSClient(clientOptions(config));
  await checkPin(config, client);
  const transport = new StdioTransport();
  // The SDK's serveStdio pins the era from the client's first message: initialize for 2025-11-25, a request
  // carrying the 2026-07-28 envelope for that revision. One server serves the connection either way; plain
  // tool calls on it are answered by the shortcut, as the SDK would answer them (src/stdio-shortcut.ts).
  const { factory, shortcut } = stdioServing(config, { client, tools });
  transport.shortcut = shortcut;
  const serving = parts.serveStdio(factory, { transport });

  const shutdown = exitAfter(
    () => serving.close(),
    () => client.close(),
    closeEmulator,
  );
  // The transport closes once stdin has ended and every call it received is answered.
  void transport.closed.then(shutdown);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

async function serveHttp(initial: Config): Promise<void> {
  const { config, close: closeEmulator } = await withEmulator(initial);
  const [{ WorkOSClient }, { startHttpServer }, tools] = await Promise.all([
    import("./client/client.js"),
    import("./http.js"),
    toolsOf(config),
  ]);
  const client = new WorkOSClient(clientOptions(config));
  await checkPin(config, client);
  const http = await startHttpServer(config, { client, tools }).catch((error: unknown) => {
    const { host, port } = config.http as NonNullable<Config["http"]>;
    const problem = listenProblem(error, `${host}:${port}`, "--port");
    throw problem === undefined ? error : new ConfigError(problem);
  });

  const shutdown = exitAfter(
    async () => log.info("shutting down: finishing requests in flight"),
    () => http.close(),
    () => client.close(),
    closeEmulator,
  );
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/**
 * The tools of the toolsets this configuration uses: with the default toolsets, the modules of the others (and
 * their zod schemas) are neither compiled nor run, which keeps the cold start near a one-tool server's.
 */
async function toolsOf(config: Config): Promise<AnyTool[]> {
  const { loadTools, toolsetsUsed } = await import("./tools/load.js");
  return loadTools(toolsetsUsed(config));
}

/** A pin to an organization WorkOS does not know stops start-up: one GET, before anything is served. */
async function checkPin(config: Config, client: WorkOSClient): Promise<void> {
  if (config.organizationId === undefined) return;
  const { checkPinAtStart } = await import("./mcp/pin.js");
  await checkPinAtStart(client, config.organizationId);
}

/** A shutdown handler: runs each step once, in order, whatever fails, then exits 0. */
function exitAfter(...steps: Array<() => Promise<unknown>>): () => Promise<void> {
  let closing = false;
  return async () => {
    if (closing) return;
    closing = true;
    for (const step of steps) await step().catch(() => {});
    process.exit(0);
  };
}

// A stray rejection (a socket error after its request settled, say) must not take the server down mid-session.
process.on("unhandledRejection", (reason) => log.error("unhandled rejection, kept running:", reason));

main(process.argv.slice(2)).catch((error: unknown) => {
  // A mistake in what the user gave (settings, a seed file) reads as one sentence, not a stack trace.
  // SeedError is matched by name: the emulator's modules load only when asked for.
  if (error instanceof ConfigError || (error instanceof Error && error.name === "SeedError")) {
    log.error((error as Error).message);
    process.exit(2);
  }
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
