import type { Toolset } from "../config.js";
import { once } from "../once.js";
import type { AnyTool, OrganizationScope, ToolContext } from "./define.js";

/**
 * What the server reads of a tool before it is first called: its listing (name, words, annotations), what the
 * instructions and the selection of tools look at, and which of its functions exist. Plain JSON, which the build
 * writes for every built-in tool (scripts/bundle.ts), so that the CLI starts without compiling or running any
 * tool module: their zod schemas were a sixth of a cold start (issue 16 item 6). The rest of a tool, its body
 * (schemas, handler, views), loads on the first call of a tool of its toolset.
 */
export interface ToolCard {
  name: string;
  title: string;
  description: string;
  toolset: Toolset;
  annotations: AnyTool["annotations"];
  finds?: string;
  resource?: AnyTool["resource"];
  instruction?: string;
  /** The tool's organization scope; `owner: true` where it has an owner lookup. */
  organization: Exclude<OrganizationScope, object> | { param?: string; hint?: string; owner: boolean };
  /** Whether it destroys something (has a deletion target to confirm). */
  destroys: boolean;
}

/** The fields a card holds as the tool has them. */
const COPIED = [
  "name",
  "title",
  "description",
  "toolset",
  "annotations",
  "finds",
  "resource",
  "instruction",
] as const;
type Copied = Pick<ToolCard, (typeof COPIED)[number]>;

function copied(from: Copied): Copied {
  return Object.fromEntries(
    COPIED.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]),
  ) as Copied;
}

export function toolCard(tool: AnyTool): ToolCard {
  const { organization: scope } = tool;
  return {
    ...copied(tool),
    organization:
      typeof scope === "string"
        ? scope
        : {
            ...("param" in scope ? { param: scope.param } : {}),
            ...(scope.hint === undefined ? {} : { hint: scope.hint }),
            owner: scope.owner !== undefined,
          },
    destroys: tool.target !== undefined,
  };
}

/** What a tool's card does not hold: its schemas and the functions that make its results. */
const BODY_ONLY = [
  "input",
  "output",
  "list",
  "notFound",
  "summary",
  "notes",
] as const satisfies readonly (keyof AnyTool)[];

const pendingBodies = new WeakMap<AnyTool, () => Promise<void>>();

/**
 * A tool made from its card; `loadBody` gives the tool the card was made from. Until that has loaded (loadBody
 * below, which the pipeline awaits before running any tool), it answers what the card knows, and reading anything else throws: a part of the server that needs a
 * tool's schemas or handler before calling it would otherwise go wrong quietly.
 */
export function lazyTool(card: ToolCard, loadBody: () => Promise<AnyTool>): AnyTool {
  let body: AnyTool | undefined;
  const loaded = (): AnyTool => {
    if (body !== undefined) return body;
    throw new Error(`${card.name}: its module has not loaded yet (await loadBody(tool) first)`);
  };
  const { organization: scope } = card;
  // Stand-ins for what the card says exists: reading them tells their presence, calling one before the body
  // has loaded cannot happen (they run only inside a call, after loadBody).
  const early = (): never => loaded() as never;
  const cardScope: OrganizationScope =
    typeof scope === "string"
      ? scope
      : ({
          ...(scope.param === undefined ? {} : { param: scope.param }),
          ...(scope.hint === undefined ? {} : { hint: scope.hint }),
          ...(scope.owner ? { owner: early } : {}),
        } as OrganizationScope);
  // Asserted: a getter of an optional field may answer undefined, which exactOptionalPropertyTypes tells apart.
  const tool = {
    ...copied(card),
    get organization() {
      return body?.organization ?? cardScope;
    },
    get target() {
      return body === undefined ? (card.destroys ? early : undefined) : body.target;
    },
    handler: (input: Record<string, unknown>, context: ToolContext) => loaded().handler(input, context),
  } as AnyTool;
  // What only the module knows, read from it once it has loaded.
  for (const key of BODY_ONLY)
    Object.defineProperty(tool, key, { enumerable: true, get: () => loaded()[key] });
  pendingBodies.set(
    tool,
    once(async () => {
      body = await loadBody();
      pendingBodies.delete(tool);
    }),
  );
  return tool;
}

/**
 * Loads the body of a tool made from its card; undefined (nothing to wait for) for any other tool, or once
 * it has loaded. A failed load is tried again on the next call.
 */
export function loadBody(tool: AnyTool): Promise<void> | undefined {
  return pendingBodies.get(tool)?.();
}
