import { parseArgs } from "node:util";
import { type ClientOptions, DEFAULT_BASE_URL } from "./client/client.js";
import { didYouMean } from "./suggest.js";
import { isIdOf, ORGANIZATION_ID_PREFIX } from "./workos/id.js";

export const TOOLSETS = [
  "organizations",
  "sso",
  "directory_sync",
  "admin_portal",
  "webhooks",
  "users",
  "authorization",
  "events",
  "audit_logs",
  "feature_flags",
  "api_keys",
  "radar",
  "webhook_endpoints",
  "catalog",
] as const;
export type Toolset = (typeof TOOLSETS)[number];

/** Old toolset names still accepted, and what they mean now. */
const TOOLSET_ALIASES: Readonly<Record<string, Toolset>> = { roles: "authorization" };

/** The toolsets on when none are named; `--toolsets all` (or naming them) turns on the rest. */
export const DEFAULT_TOOLSETS: readonly Toolset[] = [
  "organizations",
  "sso",
  "directory_sync",
  "admin_portal",
  "webhooks",
];

/** What delete tools do: ask the user first (default), act at once (automation), or not exist. */
export const DESTRUCTIVE_MODES = ["confirm", "allow", "block"] as const;
export type DestructiveMode = (typeof DESTRUCTIVE_MODES)[number];

export const DEFAULT_HTTP_HOST = "127.0.0.1";
export const DEFAULT_HTTP_PORT = 3000;
/** Shorter bearer tokens are refused: the HTTP endpoint holds the WorkOS key's full power. */
export const MIN_HTTP_TOKEN_LENGTH = 32;

/** Serving MCP over Streamable HTTP (--http) instead of stdio. */
export interface HttpConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * The one bearer token every /mcp request must carry (WORKOS_MCP_HTTP_TOKEN): everyone who holds it is the
   * server's WorkOS key. Undefined when people sign in instead (signIn).
   */
  token: string | undefined;
  /** Sign-in with AuthKit (WORKOS_MCP_AUTHKIT_DOMAIN + WORKOS_MCP_PUBLIC_URL) instead of the shared token. */
  signIn: SignInConfig | undefined;
  /** Extra Host header values to accept, beyond localhost on the bound port ("name" or "name:port"). */
  allowedHosts: string[];
  /** Extra Origin header values to accept, beyond http://localhost on the bound port. */
  allowedOrigins: string[];
}

/** The HTTP mode as an OAuth protected resource: AuthKit signs people in, their roles say what they may do. */
export interface SignInConfig {
  /** The AuthKit domain as an origin (https://acme.authkit.app): the tokens' issuer, its keys at /oauth2/jwks. */
  authkitDomain: string;
  /** The URL clients connect to (https://mcp.example.com/mcp): the resource identifier, the tokens' audience. */
  publicUrl: string;
  /** WORKOS_MCP_AUDIT_ORGANIZATION_ID: every change a person makes is also written to this organization's Audit Logs. */
  auditOrganizationId: string | undefined;
}

export interface Config {
  /** Absent only in emulator mode, where the embedded emulator's key is used. */
  apiKey: string | undefined;
  baseUrl: string;
  /** The HTTP(S) proxy for WorkOS requests, from HTTPS_PROXY/HTTP_PROXY unless NO_PROXY names the API host. */
  proxy: string | undefined;
  webhookSecrets: string[];
  readOnly: boolean;
  /** With an sk_live_ key, writes stay off unless this is set (WORKOS_MCP_ALLOW_PRODUCTION_WRITES). */
  allowProductionWrites: boolean;
  toolsets: ReadonlySet<Toolset>;
  /** --tools / WORKOS_MCP_TOOLS: only these tools (names checked against the tool list at start-up). */
  tools: ReadonlySet<string> | undefined;
  /** --exclude-tools / WORKOS_MCP_EXCLUDE_TOOLS: never these; wins over every other setting. */
  excludeTools: ReadonlySet<string>;
  /** --organization / WORKOS_MCP_ORGANIZATION_ID: the one organization this server may see and change. */
  organizationId: string | undefined;
  /** WORKOS_MCP_SERVER_NAME: what this instance is called ("WorkOS staging"), so several can run side by side. */
  serverName: string | undefined;
  destructive: DestructiveMode;
  emulator: boolean;
  seedFile: string | undefined;
  /** Set with --http: serve Streamable HTTP instead of stdio. */
  http: HttpConfig | undefined;
  /** WORKOS_MCP_MAX_RESULT_CHARS: the largest result, in characters; unset fits the client (see budget). */
  maxResultChars: number | undefined;
  help: boolean;
  version: boolean;
}

export type Environment = "emulator" | "production" | "staging" | "unknown";

/** Which WorkOS environment the configuration reaches: the key's prefix tells (sk_live_ or sk_test_). */
export function environmentOf(config: Pick<Config, "apiKey" | "emulator">): Environment {
  if (config.emulator) return "emulator";
  if (config.apiKey?.startsWith("sk_live_")) return "production";
  if (config.apiKey?.startsWith("sk_test_")) return "staging";
  return "unknown";
}

/** Writes are off with a production key unless the operator allowed them: a person must mean it. */
export function writesBlockedInProduction(
  config: Pick<Config, "apiKey" | "emulator" | "allowProductionWrites">,
): boolean {
  return environmentOf(config) === "production" && !config.allowProductionWrites;
}

const HTTP_MODE_CONNECTIONS = 256;

/** What the WorkOS client needs from the configuration. */
export function clientOptions(config: Config): ClientOptions {
  return {
    apiKey: config.apiKey ?? "",
    baseUrl: config.baseUrl,
    ...(config.proxy === undefined ? {} : { proxy: config.proxy }),
    // Over HTTP many users share one pool: 16 slow upstream calls must not hold everyone else's requests.
    ...(config.http === undefined ? {} : { connections: HTTP_MODE_CONNECTIONS }),
  };
}

/** A configuration mistake, worded for the person who made it; never contains a secret. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

// Secrets travel through the environment only: argv is visible to every process on the machine.
const SECRET_FLAGS: Record<string, string> = {
  "api-key": "WORKOS_API_KEY",
  "workos-api-key": "WORKOS_API_KEY",
  key: "WORKOS_API_KEY",
  "webhook-secret": "WORKOS_WEBHOOK_SECRET",
  secret: "WORKOS_WEBHOOK_SECRET",
  "http-token": "WORKOS_MCP_HTTP_TOKEN",
  token: "WORKOS_MCP_HTTP_TOKEN",
};

export interface LoadOptions {
  /** Default true. `doctor` turns it off: a missing key is one of the things it reports, after the settings. */
  requireApiKey?: boolean;
}

/** Reads the configuration from the environment and argv (without the node and script entries). Pure. */
export function loadConfig(env: Env, argv: readonly string[], options: LoadOptions = {}): Config {
  refuseSecretFlags(argv);
  const { values } = parseFlags(argv);
  // WORKOS_MCP_EMULATOR is how an MCP Bundle's "Demo mode" switch (a boolean setting) reaches the server.
  const emulator = values.emulator === true || parseBoolean(env, "WORKOS_MCP_EMULATOR");
  const apiKey = read(env, "WORKOS_API_KEY");
  const baseUrl = parseBaseUrl(read(env, "WORKOS_API_BASE_URL") ?? DEFAULT_BASE_URL);
  const config: Config = {
    apiKey,
    baseUrl,
    proxy: proxyFor(env, baseUrl),
    webhookSecrets: splitList(read(env, "WORKOS_WEBHOOK_SECRET")),
    readOnly: values["read-only"] === true || parseBoolean(env, "WORKOS_MCP_READ_ONLY"),
    allowProductionWrites:
      values["allow-production-writes"] === true || parseBoolean(env, "WORKOS_MCP_ALLOW_PRODUCTION_WRITES"),
    toolsets: parseToolsets(values.toolsets ?? read(env, "WORKOS_MCP_TOOLSETS")),
    tools: optionalSet(values.tools ?? read(env, "WORKOS_MCP_TOOLS")),
    excludeTools: new Set(splitList(values["exclude-tools"] ?? read(env, "WORKOS_MCP_EXCLUDE_TOOLS"))),
    organizationId: parseOrganizationId(values.organization ?? read(env, "WORKOS_MCP_ORGANIZATION_ID")),
    serverName: parseServerName(read(env, "WORKOS_MCP_SERVER_NAME")),
    destructive: parseDestructive(values.destructive ?? read(env, "WORKOS_MCP_DESTRUCTIVE")),
    emulator,
    seedFile: values.seed,
    http: parseHttp(env, values),
    maxResultChars: parseMaxResultChars(read(env, "WORKOS_MCP_MAX_RESULT_CHARS")),
    help: values.help === true,
    version: values.version === true,
  };
  if (config.seedFile !== undefined && !emulator) {
    throw new ConfigError("--seed only applies with --emulator.");
  }
  const keyNeeded = options.requireApiKey !== false && !config.help && !config.version;
  if (keyNeeded && missingApiKey(config)) throw new ConfigError(MISSING_API_KEY);
  return config;
}

/** Why the server cannot start without a key, and the two ways out. */
export const MISSING_API_KEY =
  "WORKOS_API_KEY is not set. Set it in the environment to use your WorkOS account, " +
  "or start with --emulator (or WORKOS_MCP_EMULATOR=true, the bundle's Demo mode) to try every tool " +
  "against a local demo WorkOS (no account needed).";

/** Neither a key nor the emulator: nothing to talk to. */
export function missingApiKey(config: Pick<Config, "apiKey" | "emulator">): boolean {
  return !config.emulator && config.apiKey === undefined;
}

const FLAGS = {
  "read-only": { type: "boolean" },
  "allow-production-writes": { type: "boolean" },
  toolsets: { type: "string" },
  tools: { type: "string" },
  "exclude-tools": { type: "string" },
  organization: { type: "string" },
  destructive: { type: "string" },
  emulator: { type: "boolean" },
  seed: { type: "string" },
  http: { type: "boolean" },
  host: { type: "string" },
  port: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: FLAGS });
  } catch (error) {
    // An argument may be a secret pasted in the wrong place: name the problem, never echo the argument.
    const { code } = error as { code?: string };
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      throw new ConfigError(
        "workos-mcp takes no positional arguments (the one given is not shown, in case it is a secret). Run with --help to see the options.",
      );
    }
    const unknown =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'(--[^'=]+)'/.exec((error as Error).message) : null;
    const hint =
      unknown?.[1] === undefined
        ? ""
        : didYouMean(
            unknown[1],
            Object.keys(FLAGS).map((flag) => `--${flag}`),
          );
    throw new ConfigError(`${(error as Error).message}${hint}. Run with --help to see the options.`);
  }
}

function refuseSecretFlags(argv: readonly string[]): void {
  for (const arg of argv) {
    const name = /^--([a-z-]+)(=|$)/.exec(arg)?.[1];
    const variable = name === undefined ? undefined : SECRET_FLAGS[name];
    if (variable !== undefined) {
      throw new ConfigError(
        `--${name} is refused: command-line arguments are visible to other processes. Set ${variable} in the environment instead.`,
      );
    }
  }
}

/**
 * An empty variable counts as unset: MCP hosts substitute "" for optional settings left blank. So does a
 * placeholder a host left unsubstituted (`${user_config.x}`), which some MCP Bundle hosts pass through.
 */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" || /^\$\{user_config\.[^}]*\}$/.test(value) ? undefined : value;
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function parseBoolean(env: Env, name: string): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return false;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}".`);
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`WORKOS_API_BASE_URL is not a valid URL: "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`WORKOS_API_BASE_URL must be an http(s) URL, not "${url.protocol}".`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError("WORKOS_API_BASE_URL must not contain credentials.");
  }
  if (url.search !== "" || url.hash !== "") {
    throw new ConfigError(
      "WORKOS_API_BASE_URL must not have a query or fragment, such as https://api.workos.com.",
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** Below this no page of even one summarized item fits with its notes. */
export const MIN_RESULT_CHARS = 2_000;

function parseMaxResultChars(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const chars = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(chars >= MIN_RESULT_CHARS)) {
    throw new ConfigError(
      `WORKOS_MCP_MAX_RESULT_CHARS must be a whole number of characters, at least ${MIN_RESULT_CHARS}; got "${value}".`,
    );
  }
  return chars;
}

function optionalSet(value: string | undefined): ReadonlySet<string> | undefined {
  const names = splitList(value);
  return names.length === 0 ? undefined : new Set(names);
}

function parseOrganizationId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // At most 64 characters after "org_": a pinned id is a configuration value, not a place for a long string.
  if (!isIdOf(ORGANIZATION_ID_PREFIX, value) || value.length > `${ORGANIZATION_ID_PREFIX}_`.length + 64) {
    throw new ConfigError(
      "--organization / WORKOS_MCP_ORGANIZATION_ID must be an organization id such as org_01H…; find it in the WorkOS dashboard or with list_organizations.",
    );
  }
  return value;
}

function parseServerName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // It is shown to people and to the model: one short printable line.
  if (value.length > 60 || /[\p{Cc}\p{Cf}]/u.test(value)) {
    throw new ConfigError("WORKOS_MCP_SERVER_NAME must be one line of at most 60 printable characters.");
  }
  return value;
}

function parseToolsets(value: string | undefined): ReadonlySet<Toolset> {
  const names = splitList(value);
  if (names.length === 0) return new Set(DEFAULT_TOOLSETS);
  if (names.includes("all")) return new Set(TOOLSETS);
  const renamed = names.map((name) => TOOLSET_ALIASES[name] ?? name);
  const unknown = renamed.filter((name) => !(TOOLSETS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    const hints = unknown.map(
      (name) => `"${name}"${didYouMean(name, [...TOOLSETS, ...Object.keys(TOOLSET_ALIASES), "all"])}`,
    );
    throw new ConfigError(
      `Unknown toolset ${hints.join(", ")}. Choose from: ${TOOLSETS.join(", ")}, or all.`,
    );
  }
  return new Set(renamed as Toolset[]);
}

function parseDestructive(value: string | undefined): DestructiveMode {
  if (value === undefined) return "confirm";
  const mode = DESTRUCTIVE_MODES.find((candidate) => candidate === value.toLowerCase());
  if (mode === undefined) {
    throw new ConfigError(
      `--destructive / WORKOS_MCP_DESTRUCTIVE must be ${DESTRUCTIVE_MODES.join(", ")}; got "${value}".`,
    );
  }
  return mode;
}

type Flags = ReturnType<typeof parseFlags>["values"];

function parseHttp(env: Env, values: Flags): HttpConfig | undefined {
  if (values.http !== true) {
    if (values.host !== undefined || values.port !== undefined) {
      throw new ConfigError("--host and --port only apply with --http.");
    }
    return undefined;
  }
  // --help and --version print and exit: like the API key, the token is only needed to serve.
  if (values.help === true || values.version === true) return undefined;
  const signIn = parseSignIn(env);
  const token = read(env, "WORKOS_MCP_HTTP_TOKEN");
  if (signIn !== undefined) {
    if (token !== undefined) {
      throw new ConfigError(
        "Set either WORKOS_MCP_HTTP_TOKEN (one shared token) or WORKOS_MCP_AUTHKIT_DOMAIN + WORKOS_MCP_PUBLIC_URL (people sign in), not both.",
      );
    }
  } else {
    checkSharedToken(token);
  }
  const allowedHosts = splitList(read(env, "WORKOS_MCP_ALLOWED_HOSTS")).map((host) => host.toLowerCase());
  // Clients reach the server at its public URL: that Host is accepted without being listed twice.
  if (signIn !== undefined) allowedHosts.push(new URL(signIn.publicUrl).host);
  return {
    host: values.host ?? DEFAULT_HTTP_HOST,
    port: parsePort(values.port),
    token,
    signIn,
    allowedHosts,
    allowedOrigins: splitList(read(env, "WORKOS_MCP_ALLOWED_ORIGINS")).map(parseOrigin),
  };
}

function checkSharedToken(token: string | undefined): asserts token is string {
  if (token === undefined) {
    throw new ConfigError(
      "--http needs WORKOS_MCP_HTTP_TOKEN: every HTTP client must send it as a bearer token. " +
        "Generate one with `openssl rand -hex 32` and set it in the environment. " +
        "(Or let people sign in: set WORKOS_MCP_AUTHKIT_DOMAIN and WORKOS_MCP_PUBLIC_URL; see docs/http.md.)",
    );
  }
  // What an HTTP client can send after "Bearer " (RFC 6750's b64token); anything else could never match.
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
    throw new ConfigError(
      "WORKOS_MCP_HTTP_TOKEN may hold only letters, digits and - . _ ~ + / (then = padding): no spaces or other characters, " +
        "which HTTP clients cannot send in a bearer token. Generate one with `openssl rand -hex 32`.",
    );
  }
  if (token.length < MIN_HTTP_TOKEN_LENGTH) {
    throw new ConfigError(
      `WORKOS_MCP_HTTP_TOKEN is too short (${token.length} characters; at least ${MIN_HTTP_TOKEN_LENGTH}). ` +
        "Generate one with `openssl rand -hex 32`.",
    );
  }
}

/**
 * Sign-in with AuthKit: both settings or neither. The audit organization only means something when people
 * sign in (with a shared token there is nobody to name).
 */
function parseSignIn(env: Env): SignInConfig | undefined {
  const domain = read(env, "WORKOS_MCP_AUTHKIT_DOMAIN");
  const publicUrl = read(env, "WORKOS_MCP_PUBLIC_URL");
  const audit = read(env, "WORKOS_MCP_AUDIT_ORGANIZATION_ID");
  if (domain === undefined && publicUrl === undefined) {
    if (audit !== undefined) {
      throw new ConfigError(
        "WORKOS_MCP_AUDIT_ORGANIZATION_ID only applies when people sign in (WORKOS_MCP_AUTHKIT_DOMAIN and WORKOS_MCP_PUBLIC_URL).",
      );
    }
    return undefined;
  }
  if (domain === undefined || publicUrl === undefined) {
    throw new ConfigError(
      `${domain === undefined ? "WORKOS_MCP_PUBLIC_URL" : "WORKOS_MCP_AUTHKIT_DOMAIN"} is set without ` +
        `${domain === undefined ? "WORKOS_MCP_AUTHKIT_DOMAIN" : "WORKOS_MCP_PUBLIC_URL"}: sign-in needs both ` +
        "(the AuthKit domain, e.g. https://acme.authkit.app, and the URL clients connect to, e.g. https://mcp.example.com/mcp).",
    );
  }
  return {
    authkitDomain: parseAuthkitDomain(domain),
    publicUrl: parsePublicUrl(publicUrl),
    auditOrganizationId: audit === undefined ? undefined : parseAuditOrganizationId(audit),
  };
}

/** https, or http for a loopback address only (the local emulator): a token's keys must not travel in clear. */
function secureUrl(value: string, name: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL such as ${example}.`);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && loopback))) {
    throw new ConfigError(`${name} must be an https URL (http only for localhost), such as ${example}.`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ConfigError(`${name} must have no query, fragment or credentials, such as ${example}.`);
  }
  return url;
}

function parseAuthkitDomain(value: string): string {
  const url = secureUrl(value, "WORKOS_MCP_AUTHKIT_DOMAIN", "https://acme.authkit.app");
  if (url.pathname !== "/") {
    throw new ConfigError(
      "WORKOS_MCP_AUTHKIT_DOMAIN is the AuthKit domain alone, such as https://acme.authkit.app (no path).",
    );
  }
  // The issuer the tokens carry: the origin exactly, no trailing slash.
  return url.origin;
}

function parsePublicUrl(value: string): string {
  return secureUrl(value, "WORKOS_MCP_PUBLIC_URL", "https://mcp.example.com/mcp").href;
}

function parseAuditOrganizationId(value: string): string {
  if (!isIdOf(ORGANIZATION_ID_PREFIX, value) || value.length > `${ORGANIZATION_ID_PREFIX}_`.length + 64) {
    throw new ConfigError("WORKOS_MCP_AUDIT_ORGANIZATION_ID must be an organization id such as org_01H….");
  }
  return value;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_HTTP_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new ConfigError(`--port must be a number from 0 to 65535, not "${value}".`);
  return port;
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`WORKOS_MCP_ALLOWED_ORIGINS has an entry that is not a URL: "${value}".`);
  }
  if (url.origin === "null" || url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new ConfigError(
      `WORKOS_MCP_ALLOWED_ORIGINS entries are origins like https://app.example.com, not "${value}".`,
    );
  }
  return url.origin;
}

/** Proxy settings as curl and npm read them: HTTPS_PROXY for https, HTTP_PROXY for http, either case. */
function proxyFor(env: Env, baseUrl: string): string | undefined {
  const { protocol, hostname } = new URL(baseUrl);
  const proxy =
    protocol === "https:"
      ? (read(env, "HTTPS_PROXY") ?? read(env, "https_proxy"))
      : (read(env, "HTTP_PROXY") ?? read(env, "http_proxy"));
  if (proxy === undefined || bypassesProxy(hostname, read(env, "NO_PROXY") ?? read(env, "no_proxy")))
    return undefined;
  try {
    return new URL(proxy).href;
  } catch {
    throw new ConfigError("HTTPS_PROXY / HTTP_PROXY is not a valid URL.");
  }
}

/** NO_PROXY: "*", or hosts and domain suffixes ("example.com" also covers "api.example.com"). */
function bypassesProxy(hostname: string, noProxy: string | undefined): boolean {
  return splitList(noProxy).some((entry) => {
    const host = entry
      .replace(/^\*?\./, "")
      .replace(/:\d+$/, "")
      .toLowerCase();
    return entry === "*" || hostname === host || hostname.endsWith(`.${host}`);
  });
}
