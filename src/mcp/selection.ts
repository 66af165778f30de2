import { type Config, ConfigError, writesBlockedInProduction } from "../config.js";
import { didYouMean } from "../suggest.js";
import { defaultTools } from "../tools/default-tools.js";
import type { AnyTool } from "../tools/define.js";
import { TOOL_NAMES } from "../tools/names.js";

/**
 * The tools this configuration exposes. Read-only mode follows readOnlyHint alone, never a second list;
 * --destructive block hides the tools that declare a deletion target; --tools picks tools by name in place
 * of toolsets; a pinned server hides what would reach beyond its organization; --exclude-tools wins over all.
 * An unknown name in --tools or --exclude-tools stops start-up.
 */
export function enabledTools(config: Config, tools: readonly AnyTool[] = defaultTools()): AnyTool[] {
  checkToolNames(config, tools);
  return tools.filter((tool) => whyOff(config, tool) === undefined);
}

/** Why a tool is off in this configuration, in words for the model to pass on; undefined when it is on. */
export function whyOff(config: Config, tool: AnyTool): string | undefined {
  return whyNotChosen(config, tool) ?? whyWithheld(config, tool);
}

/**
 * Why the operator's choice of tools leaves this one out (--exclude-tools, --tools, --toolsets): known from its
 * name and toolset alone, so also for a tool whose module the CLI did not load (src/tools/names.ts).
 */
export function whyNotChosen(config: Config, tool: Pick<AnyTool, "name" | "toolset">): string | undefined {
  if (config.excludeTools.has(tool.name)) {
    return `${tool.name} is not available: the operator excluded it (--exclude-tools / WORKOS_MCP_EXCLUDE_TOOLS).`;
  }
  if (config.tools !== undefined && !config.tools.has(tool.name)) {
    return `${tool.name} is not available: this server offers only ${[...config.tools].join(", ")} (--tools / WORKOS_MCP_TOOLS).`;
  }
  if (config.tools === undefined && !config.toolsets.has(tool.toolset)) {
    return (
      `${tool.name} is not available: its toolset "${tool.toolset}" is not enabled ` +
      `(enabled: ${[...config.toolsets].join(", ")}). Set WORKOS_MCP_TOOLSETS or --toolsets to include it.`
    );
  }
  return undefined;
}

/** Why the server's safety settings (deletes, read-only, production, a pin) withhold a chosen tool. */
function whyWithheld(config: Config, tool: AnyTool): string | undefined {
  if (config.destructive === "block" && tool.target !== undefined) {
    return (
      `${tool.name} is not available: deletes are blocked on this server (--destructive block / WORKOS_MCP_DESTRUCTIVE=block). ` +
      "Tell the user; deleting needs a server started with confirm or allow."
    );
  }
  if (!tool.annotations.readOnlyHint && config.readOnly) {
    return (
      `${tool.name} is not available: this server runs in read-only mode, so it makes no changes in WorkOS. ` +
      "Tell the user; they can restart it without --read-only / WORKOS_MCP_READ_ONLY to allow changes."
    );
  }
  if (!tool.annotations.readOnlyHint && writesBlockedInProduction(config)) {
    return (
      `${tool.name} is not available: this server uses a production (sk_live_) key, and changes to production are off ` +
      "unless the operator allows them with WORKOS_MCP_ALLOW_PRODUCTION_WRITES=true or --allow-production-writes. " +
      "Tell the user; nothing was sent to WorkOS."
    );
  }
  if (config.organizationId !== undefined && tool.organization === "creates") {
    return `${tool.name} is not available: this server is pinned to organization ${config.organizationId} (--organization), so it creates nothing that lives outside it (organizations, users).`;
  }
  if (config.organizationId !== undefined && tool.organization === "environment") {
    return `${tool.name} is not available: this server is pinned to organization ${config.organizationId} (--organization), and ${tool.name} reaches what every organization of the environment shares.`;
  }
  return undefined;
}

function checkToolNames(config: Config, tools: readonly AnyTool[]): void {
  // Every built-in tool, loaded or not, and any other the server was given.
  const known = [...new Set([...TOOL_NAMES, ...tools.map((tool) => tool.name)])];
  for (const [flag, names] of [
    ["--tools / WORKOS_MCP_TOOLS", config.tools ?? new Set<string>()],
    ["--exclude-tools / WORKOS_MCP_EXCLUDE_TOOLS", config.excludeTools],
  ] as const) {
    const unknown = [...names].filter((name) => !known.includes(name));
    if (unknown.length === 0) continue;
    const hints = unknown.map((name) => `"${name}"${didYouMean(name, known)}`);
    throw new ConfigError(`${flag} names no such tool: ${hints.join(", ")}. The tools: ${known.join(", ")}.`);
  }
}
