import type { Config, Toolset } from "../config.js";
import type { AnyTool } from "./define.js";
import { TOOLSET_OF, toolsetOf } from "./names.js";

type ToolsetModule = Promise<{ default: readonly AnyTool[] }>;

/**
 * One import per toolset: the bundle (scripts/bundle.ts) makes each a chunk of its own, so a start compiles and
 * runs the tool modules, and builds the zod schemas, of the toolsets it uses and of no other.
 */
const MODULES: Record<Toolset, () => ToolsetModule> = {
  organizations: () => import("./sets/organizations.js"),
  sso: () => import("./sets/sso.js"),
  directory_sync: () => import("./sets/directory-sync.js"),
  admin_portal: () => import("./sets/admin-portal.js"),
  webhooks: () => import("./sets/webhooks.js"),
  users: () => import("./sets/users.js"),
  authorization: () => import("./sets/authorization.js"),
  events: () => import("./sets/events.js"),
  audit_logs: () => import("./sets/audit-logs.js"),
  feature_flags: () => import("./sets/feature-flags.js"),
  api_keys: () => import("./sets/api-keys.js"),
  radar: () => import("./sets/radar.js"),
  webhook_endpoints: () => import("./sets/webhook-endpoints.js"),
  catalog: () => import("./sets/catalog.js"),
};

/** The toolsets in the order clients list their tools. */
const LISTED_ORDER: readonly Toolset[] = [...new Set(Object.values(TOOLSET_OF))];

/** The tools of these toolsets, in the order clients list them (as src/tools/index.ts lists every tool). */
export async function loadTools(toolsets: ReadonlySet<Toolset>): Promise<AnyTool[]> {
  const modules = await Promise.all(
    LISTED_ORDER.filter((set) => toolsets.has(set)).map((set) => MODULES[set]()),
  );
  return modules.flatMap((module) => module.default);
}

/**
 * The toolsets whose tools this configuration may offer: the enabled ones, or with --tools those of the tools it
 * names (a name that is no tool is left to enabledTools, which stops start-up with suggestions).
 */
export function toolsetsUsed(config: Config): ReadonlySet<Toolset> {
  if (config.tools === undefined) return config.toolsets;
  return new Set([...config.tools].flatMap((name) => toolsetOf(name) ?? []));
}
