import type { z } from "zod";
import type { WorkOSClient } from "../client/client.js";
import type { Toolset } from "../config.js";
import type { DeletionTarget } from "../confirm.js";
import type { ListMetadata } from "../workos-vocabulary.js";

/** The four MCP hints, always all set: clients treat a missing hint as the riskiest value. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** What a handler may use: never the whole configuration, whose secrets a tool has no business holding. */
export interface ToolContext {
  client: WorkOSClient;
  /** Aborted when the MCP client cancels the call; passed down to the socket. */
  signal: AbortSignal;
  /** The webhook signing secrets (WORKOS_WEBHOOK_SECRET); only validate_webhook reads them. */
  webhookSecrets: readonly string[];
  /** Reports progress of a long walk; a no-op unless the client sent a progress token. */
  progress(done: number, message: string): void;
  /** The organization this server is pinned to, if any (see OrganizationScope). */
  organization: string | undefined;
  /** The toolsets this server offers tools of: a tool may add what only those tools would explain. */
  toolsets: ReadonlySet<Toolset>;
}

/** Which organization what a call addresses belongs to; undefined for another's or none's. */
export type OwnerLookup = (
  input: Record<string, unknown>,
  context: ToolContext,
) => Promise<string | undefined>;

/**
 * How a tool relates to an organization, for a server pinned to one (--organization):
 * - `{ param }`: the call names its organization in this parameter, which the pin fills in and hides;
 * - `{ owner }`: the call's target belongs to the organization `owner` looks up, checked against the pin
 *   (with `param` too: what the call brings into the pinned organization must already be its own);
 *   `hint` says what the model may do instead when it is refused;
 * - "filters": the handler itself keeps to `context.organization`;
 * - "creates": it makes what lives outside any one organization (organizations, users), which a pinned server does not;
 * - "environment": it reads or changes what every organization shares (webhook endpoints, Radar lists), which a pinned server does not;
 * - "none": it touches nothing of an organization's.
 */
export type OrganizationScope =
  | { param: string; owner?: OwnerLookup; hint?: string }
  | { owner: OwnerLookup; hint?: string }
  | "filters"
  | "creates"
  | "environment"
  | "none";

/** One page of a list tool, as its handler returns it. */
export interface ListPage<Item = Record<string, unknown>> {
  data: Item[];
  list_metadata: ListMetadata;
  /** Set by tools that filter while walking WorkOS pages: how many objects they examined. */
  scanned?: number;
}

/** How a list tool's items read in the default, compact view. */
export interface ListView<Item = never> {
  /** The item's name in a sentence: "directory user". */
  noun: string;
  /** The summary projection: the facts a person asks about, nothing empty. */
  summary: z.ZodObject;
  project(item: Item): Record<string, unknown>;
  /** The item as `detail: "full"` shows it, where that leaves out what only repeats it; the whole item if unset. */
  full?(item: Item): Record<string, unknown>;
  /** A line that explains the compact items of this call, e.g. which state is left out; none when nothing needs it. */
  legend?(input: Record<string, unknown>): string | undefined;
}

export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
> {
  name: string;
  title: string;
  /** Its first sentence says plainly what the tool does, in a user's words: clients search on it. */
  description: string;
  toolset: Toolset;
  input: Input;
  /** The WorkOS data the handler returns (for a list, its items; see `list`). */
  output: Output;
  annotations: ToolAnnotations;
  /** Set on list tools: how their items are projected in the default view. */
  list?: ListView<never>;
  /** The id parameter this tool finds (list_organizations finds organization_id): error hints point here. */
  finds?: string;
  /** How the tool keeps to one organization when the server is pinned; a tool without it is off then. */
  organization: OrganizationScope;
  /**
   * Set on get tools whose object is also an MCP resource, e.g. `workos://organizations/{organization_id}`:
   * reading it returns this tool's view, and its one variable is the tool's id parameter.
   */
  resource?: { uriTemplate: string; name: string; description: string };
  /** The hint for a WorkOS 404, where "check the id" would mislead (e.g. a role found only through its organization). */
  notFound?(input: z.output<Input>): string;
  /** The tool's line in the server instructions, when it needs one. */
  instruction?: string;
  /**
   * Set on tools that destroy: looks up what the call would destroy, so the server can have the user
   * confirm it first (see --destructive); undefined when this call destroys nothing (workos_write's creates).
   */
  target?(input: z.output<Input>, context: ToolContext): Promise<DeletionTarget | undefined>;
  /** The result in one line of our own words (no WorkOS text: it stands outside the data fence). */
  summary?(output: z.input<Output>, input: z.output<Input>): string;
  /** Guidance the model must read with this result: warnings, what to do next. */
  notes?(output: z.input<Output>, input: z.output<Input>): string[];
  // Method syntax keeps tools assignable to AnyTool (parameters are checked bivariantly).
  handler(input: z.output<Input>, context: ToolContext): Promise<z.input<Output>>;
}

/** Identity with inference: keeps each tool module a single typed literal. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  tool: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return tool;
}

export type AnyTool = ToolDefinition<z.ZodObject, z.ZodObject>;

/** Annotations for a call that only reads WorkOS. */
export const READ: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** Annotations for a call that adds something new each time it runs (a create, a send, a link). */
export const WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
};

/**
 * Annotations for a call that deletes, revokes or overwrites: what it changes may be lost, and repeating it
 * changes nothing more.
 */
export const DESTRUCTIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
};

/**
 * Thrown by a handler that will not do what was asked, before changing anything: the server answers with
 * its message, our own words for the model, as an isError result.
 */
export class ToolRefusal extends Error {
  override name = "ToolRefusal";
}
