import { WorkOSClient } from "./client/client.js";
import { WorkOSError } from "./client/errors.js";
import {
  type Config,
  clientOptions,
  environmentOf,
  MISSING_API_KEY,
  missingApiKey,
  writesBlockedInProduction,
} from "./config.js";
import { DEFAULT_MAX_RESULT_CHARS, DEFAULT_MAX_RESULT_TOKENS } from "./mcp/budget.js";
import { noSuchPin, pinExists } from "./mcp/pin.js";
import { enabledTools } from "./mcp/selection.js";
import { defaultTools } from "./tools/default-tools.js";
import type { AnyTool } from "./tools/define.js";

/** A key as a person may see it: its prefix tells the environment, its last four tell which one. */
export function maskKey(key: string): string {
  const prefix = /^sk_(live|test)_/.exec(key)?.[0] ?? "";
  return key.length <= prefix.length + 8 ? `${prefix}…` : `${prefix}…${key.slice(-4)}`;
}

/**
 * Text from upstream (a WorkOS error message, a proxy's) as it may reach a terminal: control characters shown as
 * `\u001b`, so an answer cannot move the cursor, recolour or clear the screen, or ring the bell.
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A proxy URL without its credentials. */
function redactProxy(proxy: string): string {
  const url = new URL(proxy);
  if (url.username !== "" || url.password !== "") {
    url.username = "…";
    url.password = "";
  }
  return url.href;
}

/** The effective settings, secrets masked: printed by --help and doctor. */
/** `tools`: those to choose from; the CLI passes the ones it loads for this configuration (src/tools/load.ts). */
export function describeConfig(config: Config, tools: readonly AnyTool[] = defaultTools()): string {
  const environment = environmentOf(config);
  const key =
    config.emulator || config.apiKey === undefined
      ? config.emulator
        ? "embedded emulator key"
        : "not set"
      : `${maskKey(config.apiKey)} (${environment} environment)`;
  const secrets = config.webhookSecrets.length;
  const enabled = enabledTools(config, tools);
  return [
    `  API key:         ${key}`,
    `  API base URL:    ${config.emulator ? `embedded emulator (${config.seedFile === undefined ? "demo data" : `seed file ${config.seedFile}`})` : config.baseUrl}`,
    `  proxy:           ${config.proxy === undefined ? "none" : redactProxy(config.proxy)}`,
    `  webhook secrets: ${secrets === 0 ? "none (validate_webhook cannot verify)" : `${secrets} configured`}`,
    `  read-only:       ${config.readOnly ? "yes" : writesBlockedInProduction(config) ? "yes (a production key; WORKOS_MCP_ALLOW_PRODUCTION_WRITES allows changes)" : "no"}`,
    `  organization:    ${config.organizationId === undefined ? "any" : `pinned to ${config.organizationId}`}`,
    `  deletes:         ${config.destructive}`,
    config.tools === undefined
      ? `  toolsets:        ${[...config.toolsets].join(", ")}`
      : `  tools:           only ${[...config.tools].join(", ")}`,
    ...(config.excludeTools.size === 0 ? [] : [`  excluded tools:  ${[...config.excludeTools].join(", ")}`]),
    `  tools enabled:   ${enabled.length} (${enabled.map((tool) => tool.name).join(", ")})`,
    `  result budget:   ${config.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS} characters${config.maxResultChars === undefined ? ` and ${DEFAULT_MAX_RESULT_TOKENS} tokens (9000 characters for Codex)` : ""}`,
    `  server name:     ${config.serverName ?? "WorkOS (default; WORKOS_MCP_SERVER_NAME names it)"}`,
    `  transport:       ${config.http === undefined ? "stdio" : `Streamable HTTP on ${config.http.host}:${config.http.port} (${httpAccess(config.http)})`}`,
  ].join("\n");
}

/**
 * Checks the configuration with one cheap read (the first organization), and a pinned server's organization with
 * a second, and prints the effective settings. Returns the process exit code: 0 when WorkOS answered, accepted the
 * key and knows the pinned organization, 2 when there is no key to check.
 */
export async function runDoctor(
  config: Config,
  write: (line: string) => void,
  tools: readonly AnyTool[] = defaultTools(),
): Promise<number> {
  write("workos-mcp doctor\n");
  write(`${describeConfig(config, tools)}\n`);
  if (missingApiKey(config)) {
    // The settings above are still worth seeing: a key set in the wrong place often shows up as a wrong value.
    write(`  check:           NOT RUN: ${MISSING_API_KEY}\n`);
    return 2;
  }
  const client = new WorkOSClient({ ...clientOptions(config), maxRetries: 0, timeoutMs: 10_000 });
  const started = performance.now();
  try {
    await client.get("/organizations", { query: { limit: 1 } });
    const ms = Math.round(performance.now() - started);
    write(
      `  check:           OK: ${config.baseUrl} answered GET /organizations in ${ms} ms and accepted the key\n`,
    );
    if (environmentOf(config) === "production")
      write("  note:            this key reaches PRODUCTION data\n");
    const pin = config.organizationId;
    if (pin !== undefined && !(await pinExists(client, pin))) {
      write(`  pinned:          FAILED: ${noSuchPin(pin)}\n`);
      return 1;
    }
    if (pin !== undefined) write(`  pinned:          OK: WorkOS has organization ${pin}\n`);
    return 0;
  } catch (error) {
    const reason = printable(error instanceof WorkOSError ? error.summary : String(error));
    write(`  check:           FAILED: ${reason}\n`);
    if (error instanceof WorkOSError && error.category === "authentication") {
      write(
        "                   WorkOS rejected the key: check WORKOS_API_KEY in the WorkOS dashboard (API Keys).\n",
      );
    } else if (
      error instanceof WorkOSError &&
      (error.category === "connection" || error.category === "timeout")
    ) {
      write("                   Not reachable: check the network, any proxy, and WORKOS_API_BASE_URL.\n");
    }
    return 1;
  } finally {
    await client.close();
  }
}

/** Who may use the HTTP server: everyone with the shared token, or people who sign in with AuthKit. */
function httpAccess(http: NonNullable<Config["http"]>): string {
  if (http.signIn === undefined) return "bearer token set";
  const audit = http.signIn.auditOrganizationId;
  return (
    `people sign in with AuthKit at ${http.signIn.authkitDomain} for ${http.signIn.publicUrl}` +
    (audit === undefined ? "" : `; changes audit-logged to ${audit}`)
  );
}
