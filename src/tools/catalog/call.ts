import { z } from "zod";
import type { DeletionTarget } from "../../confirm.js";
import { isWorkOSId } from "../../mcp/quote.js";
import type { OwnerLookup, ToolContext } from "../define.js";
import {
  type CallArguments,
  type Catalog,
  type CheckedCall,
  catalog,
  checkArguments,
  loadedOperation,
  pathParams,
} from "./catalog.js";
import type { CatalogOperation } from "./types.js";

// What workos_read and workos_write share: their parameters, the call itself, and how a pinned server proves a
// call stays inside its organization.

export const operationParam = z
  .string()
  .min(1)
  .max(200)
  .describe("The operationId, as find_workos_operations gives it.");
export const pathParam = z
  .record(z.string(), z.string())
  .optional()
  .describe("Path parameters by their names in the path.");
export const queryParam = z
  .record(z.string(), z.unknown())
  .optional()
  .describe("Query parameters, e.g. limit, after, organization_id.");

export type Kind = "read" | "write";

export interface CatalogInput extends CallArguments {
  operation: string;
}

/** The operation and the call its arguments make, or a refusal (nothing sent) naming what is wrong. */
export async function resolveCall(
  input: CatalogInput,
  kind: Kind,
): Promise<{ catalog: Catalog; operation: CatalogOperation; call: CheckedCall }> {
  const found = await catalog();
  const operation = found.operation(input.operation, kind);
  return { catalog: found, operation, call: checkArguments(operation, input, `workos_${kind}`) };
}

/** Sends the call; an empty answer (204) is an empty object. */
export async function send(
  operation: CatalogOperation,
  call: CheckedCall,
  { client, signal }: ToolContext,
): Promise<Record<string, unknown>> {
  const options = {
    signal,
    ...(Object.keys(call.query).length > 0 ? { query: call.query } : {}),
    ...(call.body === undefined ? {} : { body: call.body }),
  };
  const answer =
    operation.method === "POST"
      ? await client.post<unknown>(call.path, options)
      : await client.request<unknown>(operation.method, call.path, options);
  if (answer === undefined || answer === null || answer === "") return {};
  return typeof answer === "object" && !Array.isArray(answer)
    ? (answer as Record<string, unknown>)
    : { result: answer };
}

/** The one-line summary of a call's answer: what was called, and for a list how many came and how to go on. */
export function answerSummary(operationId: string, output: Record<string, unknown>): string {
  const operation = loadedOperation(operationId);
  const call =
    operation === undefined ? operationId : `${operation.method} ${operation.path} (${operation.id})`;
  const { data, list_metadata: meta } = output as { data?: unknown; list_metadata?: { after?: unknown } };
  if (Array.isArray(data) && typeof meta === "object" && meta !== null) {
    // A cursor is an object id; anything else is upstream text, which stays in data, outside our words.
    const more = isWorkOSId(meta.after)
      ? `more follow: call again with query.after="${meta.after}"`
      : typeof meta.after === "string"
        ? "more follow: pass data.list_metadata.after as query.after"
        : "this is the last page";
    return `${call}: WorkOS returned ${data.length} items; ${more}.`;
  }
  return Object.keys(output).length === 0
    ? `${call}: done; WorkOS answered with no content.`
    : `${call}: done; WorkOS's answer is in data.`;
}

/** Path parameters that name an organization: by their name, or by following `/organizations/`. */
function organizationParams(operation: CatalogOperation): string[] {
  const segments = operation.path.split("/");
  return pathParams(operation)
    .filter(({ name }) => {
      if (name === "organization_id" || name === "organizationId") return true;
      const at = segments.indexOf(`{${name}}`);
      return at > 0 && segments[at - 1] === "organizations";
    })
    .map(({ name }) => name);
}

export const PIN_HINT =
  "When pinned, the catalog reaches only operations whose path names the pinned organization, calls without " +
  "an id that name it (organization_id), and objects it can read whose organization_id is the pinned one.";

/** The organization a call's query or body names, by the names WorkOS gives that field. */
function namedOrganizations(args: CatalogInput): unknown[] {
  return [args.query, args.body]
    .flatMap((part) => [part?.organization_id, part?.organization])
    .filter((value) => value !== undefined);
}

/**
 * Which organization a catalog call concerns, for a pinned server: the organization its path names; for a call
 * without path parameters, the organization its query or body names (a filter, or what it creates in); else the
 * organization_id of the object it addresses, read with the matching GET. Whatever organization the query or
 * body names must be that same one. Undefined (refused) when nothing proves it.
 */
export function ownerOfCall(kind: Kind): OwnerLookup {
  return async (input, context) => {
    const args = input as unknown as CatalogInput;
    const { catalog: found, operation } = await resolveCall(args, kind);
    const named = namedOrganizations(args);
    const fromPath = organizationParams(operation).map((name) => args.path?.[name]);
    let owner: unknown;
    if (fromPath.length > 0) owner = fromPath[0];
    else if (pathParams(operation).length === 0) owner = named[0];
    else {
      const reader = found.readerOf(operation);
      if (reader !== undefined) owner = (await read(reader, args, context)).organization_id;
    }
    if (typeof owner !== "string" || [...fromPath, ...named].some((value) => value !== owner))
      return undefined;
    return owner;
  };
}

/** The object a GET operation reads, with the path parameters of the call it previews. */
async function read(
  reader: CatalogOperation,
  args: CatalogInput,
  context: ToolContext,
): Promise<Record<string, unknown>> {
  const path = Object.fromEntries(pathParams(reader).map(({ name }) => [name, args.path?.[name] as string]));
  const call = checkArguments(reader, { path }, "workos_write");
  return send(reader, call, context);
}

/** The scalar fields of an object, for a preview: what a person recognises it by; a list's first items. */
function scalars(object: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(object).filter(
    ([, value]) => value !== null && ["string", "number", "boolean"].includes(typeof value),
  );
  const { data } = object;
  const items = Array.isArray(data)
    ? { items: data.length, first: data.slice(0, 5).map((item) => scalars(item as Record<string, unknown>)) }
    : {};
  return { ...Object.fromEntries(kept.slice(0, 12)), ...items };
}

/**
 * What a destructive operation would destroy, for the user's confirmation: the object as its GET reads it;
 * undefined for an operation that destroys nothing (it goes ahead without asking).
 */
export async function catalogTarget(
  input: CatalogInput,
  context: ToolContext,
): Promise<DeletionTarget | undefined> {
  const { catalog: found, operation } = await resolveCall(input, "write");
  if (operation.destructive !== true) return undefined;
  const call = `${operation.method} ${operation.path}`;
  const named = [
    ...pathParams(operation).map(({ name }) => input.path?.[name]),
    ...Object.entries(input.body ?? {})
      .filter(([key, value]) => key.endsWith("id") && typeof value === "string")
      .map(([, value]) => value as string),
  ].filter((value): value is string => value !== undefined);
  const fallback = named.at(-1) ?? operation.id;
  const reader = found.readerOf(operation);
  const object = reader === undefined ? undefined : await read(reader, input, context);
  const id = typeof object?.id === "string" ? object.id : fallback;
  const label = [object?.name, object?.email, object?.slug, object?.domain].find(
    (v) => typeof v === "string",
  );
  return {
    object: "workos_object",
    id,
    name: typeof label === "string" ? label : id,
    impact: {
      operation: `${operation.id}: ${call}`,
      does: operation.summary,
      ...(object === undefined ? { preview: "no GET operation reads it" } : { object: scalars(object) }),
    },
    summary: `whatever WorkOS's "${operation.summary}" (${call}) takes with it`,
  };
}
