import { z } from "zod";
import { ROLE_ID_PREFIX, type Role, role as roleSchema } from "../../workos/role.js";
import { notFound } from "../errors.js";
import type { Resource, SeedLoader, SeedLookup, Stored } from "../resource.js";
import { requiredString, seedId, seedTimestamps } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { organizations } from "./organizations.js";

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
      resource_type_slug: "organization",
      permissions: [...(s.permissions ?? [])],
      created_at: at,
      updated_at: s.updated_at ?? at,
      organization_id: s.organization_id ?? null,
    });
  }
}

/** The roles that apply to an organization (or, for null, the environment's), in priority order. */
function rolesOf(ctx: EmulatorContext, organizationId: string | null): StoredRole[] {
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
  ],
};
