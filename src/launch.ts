import { sep } from "node:path";

/** The part of an MCP Bundle manifest (manifest.json) a host reads to start the server. */
export interface BundleManifest {
  name: string;
  server: {
    type: string;
    entry_point: string;
    mcp_config: { command: string; args?: string[]; env?: Record<string, string> };
  };
  user_config?: Record<
    string,
    { type: string; title?: string; required?: boolean; default?: string | number | boolean | string[] }
  >;
}

export type UserConfigValue = string | number | boolean | string[] | undefined;

export interface LaunchCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface LaunchOptions {
  /** Where the bundle is unpacked (or the package root): what `${__dirname}` becomes. */
  dirname: string;
  /** The values the user entered, keyed like the manifest's user_config. */
  userConfig?: Record<string, UserConfigValue>;
  /** What `${pathSeparator}` and `${/}` become; default the platform's. */
  pathSeparator?: string;
}

/**
 * What an MCP Bundle host runs for this manifest: `${__dirname}` and `${user_config.KEY}` substituted in the
 * mcp_config's command, args and env, booleans as "true"/"false", a setting the user did not give as its
 * default, and as "" without one. Throws when a required setting is missing, as a host refuses to start the server then.
 */
export function launchCommand(manifest: BundleManifest, options: LaunchOptions): LaunchCommand {
  const settings = manifest.user_config ?? {};
  const given = options.userConfig ?? {};
  const variables = new Map<string, string | string[]>([
    ["__dirname", options.dirname],
    ["pathSeparator", options.pathSeparator ?? sep],
    ["/", options.pathSeparator ?? sep],
  ]);
  for (const [key, setting] of Object.entries(settings)) {
    // As hosts do: a value the user gave (even "") wins over the manifest's default.
    const value = given[key] === undefined ? setting.default : given[key];
    if (setting.required === true && isEmpty(given[key])) {
      throw new Error(`${manifest.name}: the required setting "${setting.title ?? key}" (${key}) is empty.`);
    }
    variables.set(`user_config.${key}`, asText(value));
  }

  const substitute = (text: string): string =>
    text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
      const value = variables.get(name);
      if (value === undefined) return whole;
      return Array.isArray(value) ? value.join(",") : value;
    });
  const { command, args = [], env = {} } = manifest.server.mcp_config;
  return {
    command: substitute(command),
    // A lone `${user_config.KEY}` argument holding a list expands to one argument per item, as hosts do.
    args: args.flatMap((arg) => {
      const whole = /^\$\{(user_config\.[^}]+)\}$/.exec(arg)?.[1];
      const value = whole === undefined ? undefined : variables.get(whole);
      return Array.isArray(value) ? value : [substitute(arg)];
    }),
    env: Object.fromEntries(Object.entries(env).map(([name, value]) => [name, substitute(value)])),
  };
}

function isEmpty(value: UserConfigValue): boolean {
  return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function asText(value: UserConfigValue): string | string[] {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}
