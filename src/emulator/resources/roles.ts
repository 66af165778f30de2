import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ROLE_ID_PREFIX, type Role, role as roleSchema } from "../../workos/role.js";
import {
  AUTHORIZATION_LIMITS,
  ORGANIZATION_ROLE_SLUG_PATTERN,
  ROLE_SLUG_PATTERN,
} from "../../workos-vocabulary.js";
import { conflict, notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { EmittedEvent, Resource, SeedLoader, SeedLookup, Stored } from "../resource.js";
import { requiredString, seedId, seedTimestamps } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import { FieldErrors, requireObjectBody } from "../validate.js";
import {
  DEFAULT_RESOURCE_TYPE,
  readDescription,
  readName,
  readResourceType,
  readString,
  storedByName,
} from "./authorization-input.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { permissionBySlug } from "./permissions.js";

/** An environment role, or an organization's custom role when `organization_id` is set. */
export type StoredRole = Stored<Role> & {
  /** Internal: the organization of a custom role; never serialized. */
  organization_id: string | null;
};

const seedEntry = z.object({
  id: seedId,
  slug: requiredString(),
  name: z.string({ error: "must be a string" }).optional(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  permissions: z.array(z.string(), { error: "must be an array of permission slugs" }).optional(),
  /** The resource type it applies to (default organization): a role is assigned only on resources of it. */
  resource_type_slug: z
    .string({ error: "must be a string" })
    .regex(/^[a-z0-9_-]+$/, { error: "must be lowercase letters, digits, hyphens and underscores" })
    .optional(),
  /** Set for an organization's custom role; left out for an environment role. */
  organization_id: z.string({ error: "must be a string" }).optional(),
  ...seedTimestamps,
});

export type SeedRole = z.input<typeof seedEntry>;

/** A slug is unique among environment roles, and an organization's custom role cannot reuse one. */
function checkSlug(entry: SeedRole, seed: SeedLookup): string | undefined {
  const all = seed.entries(roles);
  const clash = all
    .slice(0, all.indexOf(entry))
    .find(
      (other) =>
        other.slug === entry.slug &&
        (other.organization_id === undefined ||
          entry.organization_id === undefined ||
          other.organization_id === entry.organization_id),
    );
  return clash
    ? `slug "${entry.slug}" is already used by another role it would share a list with`
    : undefined;
}

const titleCase = (slug: string) =>
  slug
    .replace(/^org-/, "")
    .split(/[-_:]/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");

function loadSeed(entries: readonly SeedRole[], loader: SeedLoader): void {
  // Seed order is priority order, so roles keep it (no sorting by created_at).
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(roles).insert({
      object: "role",
      id: s.id ?? loader.fixedId(ROLE_ID_PREFIX, at),
      slug: s.slug,
      name: s.name ?? titleCase(s.slug),
      description: s.description ?? null,
      type: s.organization_id === undefined ? "EnvironmentRole" : "OrganizationRole",
      resource_type_slug: s.resource_type_slug ?? DEFAULT_RESOURCE_TYPE,
      permissions: [...new Set(s.permissions ?? [])],
      created_at: at,
      updated_at: s.updated_at ?? at,
      organization_id: s.organization_id ?? null,
    });
  }
}

/** The roles that apply to an organization (or, for null, the environment's), in priority order. */
export function rolesOf(ctx: EmulatorContext, organizationId: string | null): StoredRole[] {
  const all = ctx.store.of(roles).values();
  const environment = all.filter((r) => r.organization_id === null);
  if (organizationId === null) return environment;
  return [...environment, ...all.filter((r) => r.organization_id === organizationId)];
}

function bySlug(list: StoredRole[], slug: string): StoredRole {
  const role = list.find((r) => r.slug === slug);
  if (!role) throw notFound(`Role not found: '${slug}'.`);
  return role;
}

const serialize = ({ organization_id: _org, ...rest }: StoredRole): Record<string, unknown> => ({
  ...rest,
  permissions: [...rest.permissions],
});

/** The role lists are not paginated: WorkOS answers every role at once, without list_metadata. */
const list = (items: StoredRole[]) => ({ object: "list", data: items.map(serialize) });

function organizationOf(ctx: EmulatorContext, id: string | undefined): string {
  return findOr404(ctx, organizations, id ?? "").id;
}

/** The environment role with this slug, or 404. */
function environmentRole(ctx: EmulatorContext, slug: string | undefined): StoredRole {
  return bySlug(rolesOf(ctx, null), slug ?? "");
}

/** The organization's own custom role with this slug, or 404 (environment roles are not changed here). */
function customRole(
  ctx: EmulatorContext,
  organizationId: string | undefined,
  slug: string | undefined,
): StoredRole {
  const org = organizationOf(ctx, organizationId);
  const own = ctx.store
    .of(roles)
    .values()
    .filter((r) => r.organization_id === org);
  return bySlug(own, slug ?? "");
}

/** What a role event carries: `role.*` events the spec's slim shape, `organization_role.*` the full one. */
function roleEvent(
  action: "created" | "updated" | "deleted",
  role: StoredRole,
  context?: Record<string, unknown>,
): EmittedEvent {
  const { slug, resource_type_slug, created_at, updated_at } = role;
  const data =
    role.organization_id === null
      ? {
          object: "role",
          slug,
          resource_type_slug,
          permissions: [...role.permissions],
          created_at,
          updated_at,
        }
      : {
          object: "organization_role",
          organization_id: role.organization_id,
          slug,
          name: role.name,
          description: role.description,
          resource_type_slug,
          permissions: [...role.permissions],
          created_at,
          updated_at,
        };
  const prefix = role.organization_id === null ? "role" : "organization_role";
  return {
    type: `${prefix}.${action}`,
    data,
    organizationId: role.organization_id,
    ...(context ? { context } : {}),
  };
}

/** Stores a changed role and emits its update event with the fields it changed. */
function save(ctx: EmulatorContext, before: StoredRole, changes: Partial<StoredRole>): StoredRole {
  const next: StoredRole = { ...before, ...changes, updated_at: isoTime(ctx.now()) };
  const previous: Record<string, unknown> = {};
  for (const key of ["name", "description", "permissions"] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) previous[key] = before[key];
  }
  ctx.store.of(roles).replace(next);
  ctx.emit(roleEvent("updated", next, { previous_attributes: previous }));
  return next;
}

/** A permission slug a body names, which must be one of the environment's permissions (404 otherwise). */
function existingPermission(ctx: EmulatorContext, slug: unknown, field: string): string {
  if (typeof slug !== "string" || slug === "") {
    throw unprocessable(`${field} must be a permission slug.`, [
      { field, code: "invalid_type", message: `${field} must be a permission slug.` },
    ]);
  }
  if (!permissionBySlug(ctx, slug)) throw notFound(`Permission not found: '${slug}'.`);
  return slug;
}

/** PUT: the body's `permissions` replace the role's. */
function setPermissions(ctx: EmulatorContext, role: StoredRole, body: unknown): StoredRole {
  const list = requireObjectBody(body).permissions;
  if (!Array.isArray(list)) {
    throw unprocessable("permissions must be an array of permission slugs.", [
      {
        field: "permissions",
        code: "invalid_type",
        message: "permissions must be an array of permission slugs.",
      },
    ]);
  }
  const slugs = list.map((slug, i) => existingPermission(ctx, slug, `permissions[${i}]`));
  return save(ctx, role, { permissions: [...new Set(slugs)] });
}

/** POST: adds the body's `slug`; a permission the role already grants leaves it unchanged. */
function addPermission(ctx: EmulatorContext, role: StoredRole, body: unknown): StoredRole {
  const slug = existingPermission(ctx, requireObjectBody(body).slug, "slug");
  if (role.permissions.includes(slug)) return role;
  return save(ctx, role, { permissions: [...role.permissions, slug] });
}

/** PATCH: `name` and `description`, each only when given. */
function updateRole(ctx: EmulatorContext, role: StoredRole, body: unknown): StoredRole {
  const input = requireObjectBody(body);
  const errors = new FieldErrors();
  const name = readName(input, errors, false);
  const description = readDescription(input, errors);
  errors.throwIfAny();
  const changes: Partial<StoredRole> = {};
  if (name !== undefined) changes.name = name;
  if (description !== undefined) changes.description = description;
  return save(ctx, role, changes);
}

/** POST: a new role, environment-wide (organizationId null) or one organization's custom role. */
function createRole(ctx: EmulatorContext, organizationId: string | null, body: unknown): StoredRole {
  const input = requireObjectBody(body);
  const errors = new FieldErrors();
  const custom = organizationId !== null;
  let slug = readString(input, "slug", errors, {
    required: !custom,
    max: AUTHORIZATION_LIMITS.slug,
    pattern: custom ? ORGANIZATION_ROLE_SLUG_PATTERN : ROLE_SLUG_PATTERN,
    shape: custom
      ? "begin with 'org-' and contain only lowercase letters, digits, hyphens and underscores"
      : "contain only lowercase letters, digits, hyphens and underscores",
  });
  const name = readName(input, errors, true);
  const description = readDescription(input, errors);
  const resourceType = readResourceType(input, errors);
  errors.throwIfAny();
  if (name === undefined) throw new Error("unreachable: validated above");
  // A custom role without a slug gets one from its name and a random suffix, as WorkOS makes them.
  slug ??= generatedSlug(name);
  if (rolesOf(ctx, organizationId).some((r) => r.slug === slug)) {
    throw custom
      ? conflict(
          `The organization already has a role with the slug '${slug}'.`,
          "organization_role_slug_conflict",
        )
      : conflict(`A role with the slug '${slug}' already exists.`, "role_slug_conflict");
  }
  const at = isoTime(ctx.now());
  const role: StoredRole = {
    object: "role",
    id: newId(ROLE_ID_PREFIX),
    slug,
    name,
    description: description ?? null,
    type: custom ? "OrganizationRole" : "EnvironmentRole",
    resource_type_slug: resourceType ?? DEFAULT_RESOURCE_TYPE,
    permissions: [],
    created_at: at,
    updated_at: at,
    organization_id: organizationId,
  };
  ctx.store.of(roles).insert(role);
  ctx.emit(roleEvent("created", role));
  return role;
}

function generatedSlug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, AUTHORIZATION_LIMITS.slug - 12);
  const suffix = randomBytes(3).toString("hex");
  return `org-${base ? `${base}-` : ""}${suffix}`;
}

/** DELETE: a custom role no membership holds, as its organization role or a role assignment (WorkOS refuses one in use). */
function deleteCustomRole(ctx: EmulatorContext, role: StoredRole): void {
  const holders = ctx.store
    .of(organizationMemberships)
    .values()
    .filter((m) => m.organization_id === role.organization_id && m.role.slug === role.slug);
  const memberships = new Set(
    ctx.store
      .of(organizationMemberships)
      .values()
      .filter((m) => m.organization_id === role.organization_id)
      .map((m) => m.id),
  );
  // role-assignments.ts imports this module, so its collection is looked up by name.
  const assigned = storedByName<{ role_slug: string; organization_membership_id: string }>(
    ctx.store,
    "role_assignments",
  ).values.filter((a) => a.role_slug === role.slug && memberships.has(a.organization_membership_id));
  // A group of the organization may hold it too, with or without members (group-role-assignments.ts).
  const organizationGroups = new Set(
    storedByName<{ id: string; organization_id: string }>(ctx.store, "groups")
      .values.filter((g) => g.organization_id === role.organization_id)
      .map((g) => g.id),
  );
  const heldByGroups = storedByName<{ role_slug: string; group_id: string }>(
    ctx.store,
    "group_role_assignments",
  ).values.filter((a) => a.role_slug === role.slug && organizationGroups.has(a.group_id));
  if (holders.length + assigned.length + heldByGroups.length > 0) {
    throw conflict(
      `Role '${role.slug}' is held by ${holders.length} organization membership(s), ${assigned.length} role assignment(s) and ${heldByGroups.length} group role assignment(s); remove them before deleting it.`,
      "role_has_assignments",
    );
  }
  ctx.store.of(roles).delete(role.id);
  ctx.emit(roleEvent("deleted", role));
}

const ok = (role: StoredRole) => ({ status: 200, body: serialize(role) });

/** The writes: environment roles by slug, custom roles by organization and slug, and their permissions. */
function writeRoutes(): Route[] {
  const ORG_ROLE = "/authorization/organizations/:organizationId/roles/:slug";
  const orgRole = (ctx: EmulatorContext, params: Record<string, string>) =>
    customRole(ctx, params.organizationId, params.slug);
  return [
    {
      method: "POST",
      pattern: "/authorization/roles",
      handler: (req, ctx) => ({ status: 201, body: serialize(createRole(ctx, null, req.body)) }),
    },
    {
      method: "PATCH",
      pattern: "/authorization/roles/:slug",
      handler: (req, ctx) => ok(updateRole(ctx, environmentRole(ctx, req.params.slug), req.body)),
    },
    {
      method: "PUT",
      pattern: "/authorization/roles/:slug/permissions",
      handler: (req, ctx) => ok(setPermissions(ctx, environmentRole(ctx, req.params.slug), req.body)),
    },
    {
      method: "POST",
      pattern: "/authorization/roles/:slug/permissions",
      handler: (req, ctx) => ok(addPermission(ctx, environmentRole(ctx, req.params.slug), req.body)),
    },
    {
      method: "POST",
      pattern: "/authorization/organizations/:organizationId/roles",
      handler: (req, ctx) => {
        const org = organizationOf(ctx, req.params.organizationId);
        return { status: 201, body: serialize(createRole(ctx, org, req.body)) };
      },
    },
    {
      method: "PATCH",
      pattern: ORG_ROLE,
      handler: (req, ctx) => ok(updateRole(ctx, orgRole(ctx, req.params), req.body)),
    },
    {
      method: "DELETE",
      pattern: ORG_ROLE,
      handler: (req, ctx) => {
        deleteCustomRole(ctx, orgRole(ctx, req.params));
        return { status: 204 };
      },
    },
    {
      method: "PUT",
      pattern: `${ORG_ROLE}/permissions`,
      handler: (req, ctx) => ok(setPermissions(ctx, orgRole(ctx, req.params), req.body)),
    },
    {
      method: "POST",
      pattern: `${ORG_ROLE}/permissions`,
      handler: (req, ctx) => ok(addPermission(ctx, orgRole(ctx, req.params), req.body)),
    },
    {
      method: "DELETE",
      pattern: `${ORG_ROLE}/permissions/:permissionSlug`,
      handler: (req, ctx) => {
        const role = orgRole(ctx, req.params);
        const slug = req.params.permissionSlug ?? "";
        if (!role.permissions.includes(slug)) {
          throw notFound(`Permission '${slug}' is not assigned to role '${role.slug}'.`);
        }
        return ok(save(ctx, role, { permissions: role.permissions.filter((p) => p !== slug) }));
      },
    },
  ];
}

export const roles: Resource<StoredRole, SeedRole, "roles"> = {
  name: "roles",
  label: "Role",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, check: checkSlug, load: loadSeed },
  model: roleSchema,
  serialize,
  routes: () => [
    {
      method: "GET",
      pattern: "/authorization/roles",
      handler: (_req, ctx) => ({ status: 200, body: list(rolesOf(ctx, null)) }),
    },
    {
      method: "GET",
      pattern: "/authorization/roles/:slug",
      handler: (req, ctx) => ({
        status: 200,
        body: serialize(bySlug(rolesOf(ctx, null), req.params.slug ?? "")),
      }),
    },
    {
      method: "GET",
      pattern: "/authorization/organizations/:organizationId/roles",
      handler: (req, ctx) => ({
        status: 200,
        body: list(rolesOf(ctx, organizationOf(ctx, req.params.organizationId))),
      }),
    },
    {
      // The official Node SDK's organizations.listOrganizationRoles calls this path, which the spec does not
      // list: it answers as the one above, so SDK users get the same roles.
      method: "GET",
      pattern: "/organizations/:organizationId/roles",
      handler: (req, ctx) => ({
        status: 200,
        body: list(rolesOf(ctx, organizationOf(ctx, req.params.organizationId))),
      }),
    },
    {
      method: "GET",
      pattern: "/authorization/organizations/:organizationId/roles/:slug",
      handler: (req, ctx) => {
        const roleList = rolesOf(ctx, organizationOf(ctx, req.params.organizationId));
        return { status: 200, body: serialize(bySlug(roleList, req.params.slug ?? "")) };
      },
    },
    ...writeRoutes(),
  ],
};
