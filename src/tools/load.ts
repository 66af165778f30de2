import type { Config, Toolset } from "../config.js";
import type { AnyTool } from "./define.js";
import { TOOLSET_OF, toolsetOf } from "./names.js";
import adminPortal from "./sets/admin-portal.js";
import directorySync from "./sets/directory-sync.js";
import organizations from "./sets/organizations.js";
import sso from "./sets/sso.js";
import webhooks from "./sets/webhooks.js";

/**
 * The default toolsets' tools come with this module. The others, off by default, load when a configuration turns
 * one on, from one chunk of the bundle for all of them (./sets/optional.ts), so that a default start neither
 * compiles nor runs their modules and zod schemas. One chunk, not one per toolset: separate chunks split the
 * helpers the toolsets share into some twenty more small files, and loading those cost a start more than it
 * saved (issue 16 item 6).
 */
const DEFAULT_SETS: Partial<Record<Toolset, readonly AnyTool[]>> = {
  organizations,
  sso,
  directory_sync: directorySync,
  admin_portal: adminPortal,
  webhooks,
};

/** The toolsets in the order clients list their tools. */
const LISTED_ORDER: readonly Toolset[] = [...new Set(Object.values(TOOLSET_OF))];

/** The tools of these toolsets, in the order clients list them (as src/tools/index.ts lists every tool). */
export async function loadTools(toolsets: ReadonlySet<Toolset>): Promise<AnyTool[]> {
  const wanted = LISTED_ORDER.filter((set) => toolsets.has(set));
  const optional = wanted.some((set) => DEFAULT_SETS[set] === undefined)
    ? (await import("./sets/optional.js")).default
    : {};
  return wanted.flatMap((set) => DEFAULT_SETS[set] ?? optional[set] ?? []);
}

/**
 * The toolsets whose tools this configuration may offer: the enabled ones, or with --tools those of the tools it
 * names (a name that is no tool is left to enabledTools, which stops start-up with suggestions).
 */
export function toolsetsUsed(config: Config): ReadonlySet<Toolset> {
  if (config.tools === undefined) return config.toolsets;
  return new Set([...config.tools].flatMap((name) => toolsetOf(name) ?? []));
}
