import { type Config, DEFAULT_TOOLSETS, type Toolset } from "../config.js";
import { once } from "../once.js";
import { lazyTool, type ToolCard } from "./card.js";
import type { AnyTool } from "./define.js";
import { TOOLSET_OF, toolsetOf } from "./names.js";

/** The toolsets in the order clients list their tools. */
const LISTED_ORDER: readonly Toolset[] = [...new Set(Object.values(TOOLSET_OF))];

type Sets = Partial<Record<Toolset, readonly AnyTool[]>>;

/**
 * The tool modules come in two chunks of the bundle: the default toolsets', and one for all the others (separate
 * chunks per toolset split the helpers they share into some twenty more small files, and loading those cost a
 * start more than it saved). Each is imported once, when first needed; a failed import is tried again.
 */
const chunks = {
  default: once(async (): Promise<Sets> => (await import("./sets/default.js")).default),
  optional: once(async (): Promise<Sets> => (await import("./sets/optional.js")).default),
};

function chunkOf(toolset: Toolset): () => Promise<Sets> {
  return DEFAULT_TOOLSETS.includes(toolset) ? chunks.default : chunks.optional;
}

/**
 * Every built-in tool's card, as JSON, written into the bundled CLI by scripts/bundle.ts (src/tools/card.ts);
 * not defined when running from source (tests, the library entry), which loads the tool modules themselves.
 */
declare const __WORKOS_MCP_TOOL_CARDS__: string;

/**
 * The tools of these toolsets, in the order clients list them (as src/tools/index.ts lists every tool). The
 * bundled CLI makes them from their cards: no tool module is compiled or run until a tool of its chunk is called.
 */
export async function loadTools(toolsets: ReadonlySet<Toolset>): Promise<AnyTool[]> {
  if (typeof __WORKOS_MCP_TOOL_CARDS__ !== "undefined") {
    return toolsFromCards(JSON.parse(__WORKOS_MCP_TOOL_CARDS__) as ToolCard[], toolsets);
  }
  const wanted = LISTED_ORDER.filter((set) => toolsets.has(set));
  const sets = Object.assign(
    {},
    ...(await Promise.all([...new Set(wanted.map(chunkOf))].map((load) => load()))),
  );
  return wanted.flatMap((set) => (sets as Sets)[set] ?? []);
}

/** The tools of these toolsets made from their cards, which load their modules (their toolset's chunk) on first use. */
export function toolsFromCards(
  cards: readonly ToolCard[],
  toolsets: ReadonlySet<Toolset>,
  chunk: (toolset: Toolset) => () => Promise<Sets> = chunkOf,
): AnyTool[] {
  return LISTED_ORDER.filter((set) => toolsets.has(set)).flatMap((set) =>
    cards
      .filter((card) => card.toolset === set)
      .map((card) =>
        lazyTool(card, async () => {
          const body = (await chunk(set)())[set]?.find((tool) => tool.name === card.name);
          if (body === undefined)
            throw new Error(`${card.name}: no such tool in the ${set} toolset's module`);
          return body;
        }),
      ),
  );
}

/**
 * The toolsets whose tools this configuration may offer: the enabled ones, or with --tools those of the tools it
 * names (a name that is no tool is left to enabledTools, which stops start-up with suggestions).
 */
export function toolsetsUsed(config: Config): ReadonlySet<Toolset> {
  if (config.tools === undefined) return config.toolsets;
  return new Set([...config.tools].flatMap((name) => toolsetOf(name) ?? []));
}
