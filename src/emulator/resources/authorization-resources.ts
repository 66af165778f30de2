import { z } from "zod";
import {
  AUTHORIZATION_RESOURCE_ID_PREFIX,
  type AuthorizationResource,
  authorizationResource,
} from "../../workos/authorization-resource.js";
import { AUTHORIZATION_LIMITS } from "../../workos-vocabulary.js";
import { ApiError, conflict, notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Resource, SeedLoader, SeedLookup } from "../resource.js";
import { requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteWithDependents, findOr404 } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import { FieldErrors, requireObjectBody } from "../validate.js";
import { readDescription, readName, readString } from "./authorization-input.js";
import { organizations } from "./organizations.js";

const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  resource_type_slug: requiredString(),
  external_id: requiredString(),
  name: z.string({ error: "must be a string" }).optional(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  /** The id of another seeded resource of the same organization. */
  parent_resource_id: z.string({ error: "must be a string" }).optional(),
  ...seedTimestamps,
});

export type SeedAuthorizationResource = z.input<typeof seedEntry>;

function checkSeed(entry: SeedAuthorizationResource, seed: SeedLookup): string | undefined {
  const all = seed.entries(authorizationResources);
  const before = all.slice(0, all.indexOf(entry));
  if (before.some((o) => sameKey(o, entry))) {
    return `external_id "${entry.external_id}" is already used by another ${entry.resource_type_slug} of the organization`;
  }
  if (entry.parent_resource_id !== undefined) {
    const parent = all.find((o) => o.id === entry.parent_resource_id);
    if (parent && parent.organization_id !== entry.organization_id) {
      return `parent_resource_id "${entry.parent_resource_id}" belongs to another organization`;
    }
    if (parent && all.indexOf(parent) > all.indexOf(entry)) {
      return `parent_resource_id "${entry.parent_resource_id}" must come before the resources under it`;
    }
  }
  return undefined;
}

const sameKey = (
  a: Pick<AuthorizationResource, "organization_id" | "resource_type_slug" | "external_id">,
  b: Pick<AuthorizationResource, "organization_id" | "resource_type_slug" | "external_id">,
) =>
  a.organization_id === b.organization_id &&
  a.resource_type_slug === b.resource_type_slug &&
  a.external_id === b.external_id;

function loadSeed(entries: readonly SeedAuthorizationResource[], loader: SeedLoader): void {
  // Seed order keeps parents before children; created_at only dates them.
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(authorizationResources).insert({
      object: "authorization_resource",
      id: s.id ?? loader.fixedId(AUTHORIZATION_RESOURCE_ID_PREFIX, at),
      external_id: s.external_id,
      name: s.name ?? s.external_id,
      description: s.description ?? null,
      resource_type_slug: s.resource_type_slug,
      organization_id: s.organization_id,
      parent_resource_id: s.parent_resource_id ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

/** The resource with this id, or 404. */
export function resourceOr404(ctx: EmulatorContext, id: string): AuthorizationResource {
  return findOr404(ctx, authorizationResources, id);
}

/** The resource an organization knows by type and external id, or 404 (the organization first). */
export function resourceByExternalId(
  ctx: EmulatorContext,
  organizationId: string,
  type: string,
  externalId: string,
): AuthorizationResource {
  findOr404(ctx, organizations, organizationId);
  const found = ctx.store
    .of(authorizationResources)
    .values()
    .find((r) =>
      sameKey(r, { organization_id: organizationId, resource_type_slug: type, external_id: externalId }),
    );
  if (!found) {
    throw notFound(`Authorization resource not found: '${type}' with external_id '${externalId}'.`);
  }
  return found;
}

/** The resource and its ancestors, nearest first. */
export function lineage(ctx: EmulatorContext, resource: AuthorizationResource): AuthorizationResource[] {
  const chain: AuthorizationResource[] = [];
  let current: AuthorizationResource | undefined = resource;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current =
      current.parent_resource_id === null
        ? undefined
        : ctx.store.of(authorizationResources).get(current.parent_resource_id);
  }
  return chain;
}

/**
 * A body's or query's way of naming a resource: `<prefix>id`, or `<prefix>external_id` with
 * `<prefix>type_slug` (WorkOS's two mutually exclusive forms). Undefined when it names none.
 */
export interface ResourceRef {
  id?: string;
  externalId?: string;
  type?: string;
}

/** Resolves a reference within an organization: 404 for a resource it does not have. */
export function resolveRef(
  ctx: EmulatorContext,
  organizationId: string,
  ref: ResourceRef,
): AuthorizationResource {
  if (ref.id !== undefined) {
    const found = resourceOr404(ctx, ref.id);
    if (found.organization_id !== organizationId)
      throw notFound(`Authorization resource not found: '${ref.id}'.`);
    return found;
  }
  return resourceByExternalId(ctx, organizationId, ref.type ?? "", ref.externalId ?? "");
}

/**
 * Reads the two forms from `values`, with the field names WorkOS gives them; a mix of both, or an external id
 * without its type, is a 422. `required` makes naming none a 422 too.
 */
export function readRef(
  values: Record<string, unknown>,
  names: { id: string; externalId: string; type: string },
  required: boolean,
): ResourceRef | undefined {
  const errors = new FieldErrors();
  const id = values[names.id];
  const externalId = values[names.externalId];
  const type = values[names.type];
  const present = (v: unknown) => v !== undefined && v !== null;
  for (const [field, value] of [
    [names.id, id],
    [names.externalId, externalId],
    [names.type, type],
  ] as const) {
    if (present(value) && (typeof value !== "string" || value === "")) {
      errors.add(field, "invalid_type", `${field} must be a non-empty string.`);
    }
  }
  errors.throwIfAny();
  if (present(id)) {
    if (present(externalId) || present(type)) {
      throw unprocessable(`Give either ${names.id} or ${names.externalId} with ${names.type}, not both.`, [
        {
          field: names.id,
          code: "mutually_exclusive",
          message: `${names.id} cannot be combined with ${names.externalId}.`,
        },
      ]);
    }
    return { id: id as string };
  }
  if (present(externalId) !== present(type)) {
    const missing = present(externalId) ? names.type : names.externalId;
    throw unprocessable(`${names.externalId} and ${names.type} must be given together.`, [
      { field: missing, code: "required", message: `${missing} is required.` },
    ]);
  }
  if (present(externalId)) return { externalId: externalId as string, type: type as string };
  if (required) {
    throw unprocessable(`Give ${names.id}, or ${names.externalId} with ${names.type}.`, [
      { field: names.id, code: "required", message: `${names.id} is required.` },
    ]);
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the spec's own pattern for external ids
const ASCII = /^[\x00-\x7F]+$/;

const PARENT_NAMES = {
  id: "parent_resource_id",
  externalId: "parent_resource_external_id",
  type: "parent_resource_type_slug",
};

/** Whether `candidate` is `resource` or lies under it (so cannot become its parent). */
function isWithin(
  ctx: EmulatorContext,
  candidate: AuthorizationResource,
  resource: AuthorizationResource,
): boolean {
  return lineage(ctx, candidate).some((r) => r.id === resource.id);
}

function readParent(
  ctx: EmulatorContext,
  body: Record<string, unknown>,
  organizationId: string,
): AuthorizationResource | null | undefined {
  // parent_resource_id: null is the explicit "top level".
  if (body.parent_resource_id === null && body.parent_resource_external_id === undefined) return null;
  const ref = readRef(body, PARENT_NAMES, false);
  return ref === undefined ? undefined : resolveRef(ctx, organizationId, ref);
}

function create(ctx: EmulatorContext, raw: unknown): AuthorizationResource {
  const body = requireObjectBody(raw);
  const errors = new FieldErrors();
  const externalId = readString(body, "external_id", errors, {
    required: true,
    max: 128,
    // The spec's pattern, ^[\x00-\x7F]+$: ASCII only.
    pattern: ASCII,
    shape: "contain only ASCII characters",
  });
  const name = readName(body, errors, true);
  const description = readDescription(body, errors);
  const type = readString(body, "resource_type_slug", errors, {
    required: true,
    max: AUTHORIZATION_LIMITS.slug,
    pattern: /^[a-z0-9_-]+$/,
    shape: "contain only lowercase letters, digits, hyphens and underscores",
  });
  const organizationId = readString(body, "organization_id", errors, { required: true, max: 64 });
  errors.throwIfAny();
  if (externalId === undefined || name === undefined || type === undefined || organizationId === undefined) {
    throw new Error("unreachable: validated above");
  }
  findOr404(ctx, organizations, organizationId);
  const parent = readParent(ctx, body, organizationId) ?? null;
  const key = { organization_id: organizationId, resource_type_slug: type, external_id: externalId };
  if (
    ctx.store
      .of(authorizationResources)
      .values()
      .some((r) => sameKey(r, key))
  ) {
    throw conflict(
      `A ${type} with the external_id '${externalId}' already exists in this organization.`,
      "authorization_resource_external_id_conflict",
    );
  }
  const at = isoTime(ctx.now());
  const resource: AuthorizationResource = {
    object: "authorization_resource",
    id: newId(AUTHORIZATION_RESOURCE_ID_PREFIX),
    external_id: externalId,
    name,
    description: description ?? null,
    resource_type_slug: type,
    organization_id: organizationId,
    parent_resource_id: parent?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  ctx.store.of(authorizationResources).insert(resource);
  return resource;
}

function update(ctx: EmulatorContext, current: AuthorizationResource, raw: unknown): AuthorizationResource {
  const body = requireObjectBody(raw);
  const errors = new FieldErrors();
  const name = readName(body, errors, false);
  const description = readDescription(body, errors);
  errors.throwIfAny();
  const parent = readParent(ctx, body, current.organization_id);
  if (parent && isWithin(ctx, parent, current)) {
    throw unprocessable("A resource cannot be moved under itself or one of its descendants.", [
      { field: "parent_resource_id", code: "invalid_parent", message: "The parent would make a cycle." },
    ]);
  }
  const next: AuthorizationResource = { ...current, updated_at: isoTime(ctx.now()) };
  if (name !== undefined) next.name = name;
  if (description !== undefined) next.description = description;
  if (parent !== undefined) next.parent_resource_id = parent?.id ?? null;
  ctx.store.of(authorizationResources).replace(next);
  return next;
}

/** The resource, and with `cascade_delete=true` its descendants; without it, a resource with children is a 409. */
function remove(ctx: EmulatorContext, resource: AuthorizationResource, query: URLSearchParams): void {
  const cascade = query.get("cascade_delete");
  if (cascade !== null && cascade !== "true" && cascade !== "false") {
    throw unprocessable("cascade_delete must be true or false.", [
      { field: "cascade_delete", code: "invalid_type", message: "cascade_delete must be a boolean." },
    ]);
  }
  const children = ctx.store
    .of(authorizationResources)
    .values()
    .filter((r) => r.parent_resource_id === resource.id);
  if (children.length > 0 && cascade !== "true") {
    throw conflict(
      `Resource '${resource.id}' has ${children.length} child resource(s); delete them first or pass cascade_delete=true.`,
      "resource_has_dependents",
    );
  }
  deleteWithDependents(ctx, authorizationResources, resource);
}

/** GET /authorization/resources filters; an external id means nothing without its organization and type. */
function listFilter(query: URLSearchParams, ctx: EmulatorContext): (r: AuthorizationResource) => boolean {
  const q = (name: string) => query.get(name) || undefined;
  const org = q("organization_id");
  const type = q("resource_type_slug");
  const externalId = q("resource_external_id");
  const parentId = q("parent_resource_id");
  const parentType = q("parent_resource_type_slug");
  const parentExternalId = q("parent_external_id");
  const parentNamed = parentType !== undefined || parentExternalId !== undefined;
  if ((externalId && (!org || !type)) || (parentNamed && (!org || !parentType || !parentExternalId))) {
    throw new ApiError(400, {
      code: "missing_organization_id_or_resource_type_slug",
      message:
        "An external id names a resource only with organization_id and its type (resource_type_slug, or parent_resource_type_slug for parent_external_id).",
    });
  }
  // A parent named by external id that does not exist has no children.
  const parentByExternal = parentNamed
    ? (ctx.store
        .of(authorizationResources)
        .values()
        .find((r) =>
          sameKey(r, {
            organization_id: org ?? "",
            resource_type_slug: parentType ?? "",
            external_id: parentExternalId ?? "",
          }),
        )?.id ?? null)
    : undefined;
  return (r) =>
    (!org || r.organization_id === org) &&
    (!type || r.resource_type_slug === type) &&
    (!externalId || r.external_id === externalId) &&
    (!parentId || r.parent_resource_id === parentId) &&
    (parentByExternal === undefined ||
      (parentByExternal !== null && r.parent_resource_id === parentByExternal));
}

export const authorizationResources: Resource<
  AuthorizationResource,
  SeedAuthorizationResource,
  "authorization_resources"
> = {
  name: "authorization_resources",
  label: "Authorization resource",
  model: authorizationResource,
  parents: { organization_id: "organizations", parent_resource_id: "authorization_resources" },
  seed: { entry: seedEntry, check: checkSeed, load: loadSeed },
  routes: () => routes(),
};

function routes(): Route[] {
  const BY_EXTERNAL =
    "/authorization/organizations/:organization_id/resources/:resource_type_slug/:external_id";
  const byExternal = (ctx: EmulatorContext, p: Record<string, string>) =>
    resourceByExternalId(ctx, p.organization_id ?? "", p.resource_type_slug ?? "", p.external_id ?? "");
  return [
    {
      method: "GET",
      pattern: "/authorization/resources",
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const keep = listFilter(req.query, ctx);
        const all = ctx.store.of(authorizationResources).entries();
        return {
          status: 200,
          body: paginate(
            all.filter((e) => keep(e.value)),
            params,
            ctx.store.clock,
            (r) => ({ ...r }),
          ),
        };
      },
    },
    {
      method: "POST",
      pattern: "/authorization/resources",
      handler: (req, ctx) => ({ status: 201, body: { ...create(ctx, req.body) } }),
    },
    {
      method: "GET",
      pattern: "/authorization/resources/:resource_id",
      handler: (req, ctx) => ({ status: 200, body: { ...resourceOr404(ctx, req.params.resource_id ?? "") } }),
    },
    {
      method: "PATCH",
      pattern: "/authorization/resources/:resource_id",
      handler: (req, ctx) => ({
        status: 200,
        body: { ...update(ctx, resourceOr404(ctx, req.params.resource_id ?? ""), req.body) },
      }),
    },
    {
      method: "DELETE",
      pattern: "/authorization/resources/:resource_id",
      handler: (req, ctx) => {
        remove(ctx, resourceOr404(ctx, req.params.resource_id ?? ""), req.query);
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: BY_EXTERNAL,
      handler: (req, ctx) => ({ status: 200, body: { ...byExternal(ctx, req.params) } }),
    },
    {
      method: "PATCH",
      pattern: BY_EXTERNAL,
      handler: (req, ctx) => ({
        status: 200,
        body: { ...update(ctx, byExternal(ctx, req.params), req.body) },
      }),
    },
    {
      method: "DELETE",
      pattern: BY_EXTERNAL,
      handler: (req, ctx) => {
        remove(ctx, byExternal(ctx, req.params), req.query);
        return { status: 204 };
      },
    },
  ];
}
