import { z } from "zod";
import {
  PERMISSION_ID_PREFIX,
  type Permission,
  permission as permissionSchema,
} from "../../workos/permission.js";
import { AUTHORIZATION_LIMITS, PERMISSION_SLUG_PATTERN } from "../../workos-vocabulary.js";
import { ApiError, conflict, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { EmittedEvent, Resource, SeedLoader, SeedLookup } from "../resource.js";
import { byCreation, requiredString, seedId, seedTimestamps } from "../resource.js";
import type { EmulatorContext } from "../router.js";
import { FieldErrors, requireObjectBody } from "../validate.js";
import {
  DEFAULT_RESOURCE_TYPE,
  readDescription,
  readName,
  readResourceType,
  readString,
  storedByName,
} from "./authorization-input.js";

/** What this module reads of a role (roles.ts imports this module, so it is looked up by name). */
interface RoleGrants {
  id: string;
  permissions: string[];
  resource_type_slug: string;
}

const seedEntry = z.object({
  id: seedId,
  slug: requiredString().regex(PERMISSION_SLUG_PATTERN, {
    error: "must be lowercase letters, digits, hyphens, underscores, colons, periods or asterisks",
  }),
  name: z.string({ error: "must be a string" }).optional(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  resource_type_slug: z.string({ error: "must be a string" }).optional(),
  /** A permission WorkOS manages: it cannot be deleted. */
  system: z.boolean({ error: "must be a boolean" }).optional(),
  ...seedTimestamps,
});

export type SeedPermission = z.input<typeof seedEntry>;

function checkSlug(entry: SeedPermission, seed: SeedLookup): string | undefined {
  const all = seed.entries(permissions);
  const clash = all.slice(0, all.indexOf(entry)).some((other) => other.slug === entry.slug);
  return clash ? `slug "${entry.slug}" is already used by another permission` : undefined;
}

/** "billing:manage" reads as "Billing Manage": the name of a permission the seed names only by slug. */
export const permissionName = (slug: string) =>
  slug
    .split(/[-_:.*]/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");

function loadSeed(entries: readonly SeedPermission[], loader: SeedLoader): void {
  const insert = (s: SeedPermission) => {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(permissions).insert({
      object: "permission",
      id: s.id ?? loader.fixedId(PERMISSION_ID_PREFIX, at),
      slug: s.slug,
      name: s.name ?? permissionName(s.slug),
      description: s.description ?? null,
      system: s.system ?? false,
      resource_type_slug: s.resource_type_slug ?? DEFAULT_RESOURCE_TYPE,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  };
  for (const s of byCreation(entries)) insert(s);
  // Roles load first (permissions come last so older seeds keep their stamps): a role grants only permissions
  // the environment has, so one the seed names only in a role's `permissions` is created here.
  for (const role of storedByName<RoleGrants>(loader.store, "roles").values) {
    for (const slug of role.permissions) {
      // Scoped like the role that names it, so it applies where that role is assigned.
      if (!permissionBySlug(loader, slug)) insert({ slug, resource_type_slug: role.resource_type_slug });
    }
  }
}

/** The permission with this slug, if the environment has one. */
export function permissionBySlug(
  ctx: { store: EmulatorContext["store"] },
  slug: string,
): Permission | undefined {
  return ctx.store
    .of(permissions)
    .values()
    .find((p) => p.slug === slug);
}

function bySlugOr404(ctx: EmulatorContext, slug: string): Permission {
  const found = permissionBySlug(ctx, slug);
  if (!found) throw notFound(`Permission not found: '${slug}'.`);
  return found;
}

const serialize = (p: Permission): Record<string, unknown> => ({ ...p });

function event(type: EmittedEvent["type"], p: Permission, context?: Record<string, unknown>) {
  return { type, data: serialize(p), organizationId: null, ...(context ? { context } : {}) };
}

/** What an update changed, as WorkOS reports it in `context.previous_attributes`. */
function previousAttributes(before: Permission, after: Permission): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of ["name", "description"] as const) {
    if (before[key] !== after[key]) changed[key] = before[key];
  }
  return changed;
}

export const permissions: Resource<Permission, SeedPermission, "permissions"> = {
  name: "permissions",
  label: "Permission",
  model: permissionSchema,
  seed: { entry: seedEntry, check: checkSlug, load: loadSeed },
  serialize,
  deleted: (p) => event("permission.deleted", p),
  routes: () => [
    {
      method: "GET",
      pattern: "/authorization/permissions",
      handler: (req, ctx) => ({
        status: 200,
        body: paginate(
          ctx.store.of(permissions).entries(),
          parseListParams(req.query),
          ctx.store.clock,
          serialize,
        ),
      }),
    },
    {
      method: "POST",
      pattern: "/authorization/permissions",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const errors = new FieldErrors();
        const slug = readString(body, "slug", errors, {
          required: true,
          max: AUTHORIZATION_LIMITS.slug,
          pattern: PERMISSION_SLUG_PATTERN,
          shape:
            "contain only lowercase letters, digits, hyphens, underscores, colons, periods and asterisks",
        });
        const name = readName(body, errors, true);
        const description = readDescription(body, errors);
        const resourceType = readResourceType(body, errors);
        errors.throwIfAny();
        if (slug === undefined || name === undefined) throw new Error("unreachable: validated above");
        if (permissionBySlug(ctx, slug)) {
          throw conflict(`A permission with the slug '${slug}' already exists.`, "permission_slug_conflict");
        }
        const at = isoTime(ctx.now());
        const created: Permission = {
          object: "permission",
          id: newId(PERMISSION_ID_PREFIX),
          slug,
          name,
          description: description ?? null,
          system: false,
          resource_type_slug: resourceType ?? DEFAULT_RESOURCE_TYPE,
          created_at: at,
          updated_at: at,
        };
        ctx.store.of(permissions).insert(created);
        ctx.emit(event("permission.created", created));
        return { status: 201, body: serialize(created) };
      },
    },
    {
      method: "GET",
      pattern: "/authorization/permissions/:slug",
      handler: (req, ctx) => ({ status: 200, body: serialize(bySlugOr404(ctx, req.params.slug ?? "")) }),
    },
    {
      method: "PATCH",
      pattern: "/authorization/permissions/:slug",
      handler: (req, ctx) => {
        const current = bySlugOr404(ctx, req.params.slug ?? "");
        const body = requireObjectBody(req.body);
        const errors = new FieldErrors();
        const name = readName(body, errors, false);
        const description = readDescription(body, errors);
        errors.throwIfAny();
        const next: Permission = { ...current, updated_at: isoTime(ctx.now()) };
        if (name !== undefined) next.name = name;
        if (description !== undefined) next.description = description;
        ctx.store.of(permissions).replace(next);
        ctx.emit(
          event("permission.updated", next, { previous_attributes: previousAttributes(current, next) }),
        );
        return { status: 200, body: serialize(next) };
      },
    },
    {
      method: "DELETE",
      pattern: "/authorization/permissions/:slug",
      handler: (req, ctx) => {
        const target = bySlugOr404(ctx, req.params.slug ?? "");
        if (target.system) {
          throw new ApiError(403, { message: `System permission '${target.slug}' cannot be deleted.` });
        }
        // Roles lose the permission with it, so no role grants a permission the environment no longer has.
        const roles = storedByName<RoleGrants>(ctx.store, "roles");
        for (const role of roles.values) {
          if (!role.permissions.includes(target.slug)) continue;
          roles.replace({ ...role, permissions: role.permissions.filter((s) => s !== target.slug) });
        }
        ctx.store.of(permissions).delete(target.id);
        ctx.emit(event("permission.deleted", target));
        return { status: 204 };
      },
    },
  ],
};
