import { z } from "zod";
import type { AuthorizationResource } from "../../workos/authorization-resource.js";
import type { Permission } from "../../workos/permission.js";
import { ROLE_ASSIGNMENT_ID_PREFIX, roleAssignment } from "../../workos/role-assignment.js";
import { ASSIGNMENT_KINDS } from "../../workos-vocabulary.js";
import { ApiError, notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Resource, SeedLoader, SeedLookup } from "../resource.js";
import { requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import type { EmulatorStore, Entry } from "../store.js";
import { requireObjectBody } from "../validate.js";
import { DEFAULT_RESOURCE_TYPE } from "./authorization-input.js";
import {
  authorizationResources,
  lineage,
  readRef,
  resolveRef,
  resourceByExternalId,
  resourceOr404,
} from "./authorization-resources.js";
import { organizationMemberships, type StoredMembership } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { permissions } from "./permissions.js";
import { roles, rolesOf, type StoredRole } from "./roles.js";

/**
 * Stored: the role by slug (slugs never change) and the resource by id; serialized with both spelled out.
 * A row a group gave (one per active or inactive member of the group, kept in step by groups.ts) names its
 * group role assignment, and a null resource_id: the organization itself.
 */
export interface StoredRoleAssignment {
  id: string;
  organization_membership_id: string;
  role_slug: string;
  resource_id: string | null;
  group_role_assignment_id: string | null;
  created_at: string;
  updated_at: string;
}

/** What a group holds: a role on a resource, or on the organization itself (resource_id null). */
export interface GroupGrant {
  id: string;
  role_slug: string;
  resource_id: string | null;
}

/** Gives a group member the row for one of the group's assignments. */
export function grantThroughGroup(
  store: EmulatorStore,
  organizationMembershipId: string,
  grant: GroupGrant,
  at: string,
  id: string = newId(ROLE_ASSIGNMENT_ID_PREFIX),
): void {
  store.of(roleAssignments).insert({
    id,
    organization_membership_id: organizationMembershipId,
    role_slug: grant.role_slug,
    resource_id: grant.resource_id,
    group_role_assignment_id: grant.id,
    created_at: at,
    updated_at: at,
  });
}

/** The rows a member holds through some of its groups' assignments (given by id). */
export function revokeGroupGrants(
  store: EmulatorStore,
  organizationMembershipId: string,
  grantIds: ReadonlySet<string>,
): void {
  for (const a of store.of(roleAssignments).values()) {
    if (
      a.organization_membership_id === organizationMembershipId &&
      a.group_role_assignment_id !== null &&
      grantIds.has(a.group_role_assignment_id)
    )
      store.of(roleAssignments).delete(a.id);
  }
}

const isDirect = (a: StoredRoleAssignment) => a.group_role_assignment_id === null;

const seedEntry = z.object({
  id: seedId,
  organization_membership_id: requiredString(),
  role_slug: requiredString(),
  resource_id: requiredString(),
  ...seedTimestamps,
});

export type SeedRoleAssignment = z.input<typeof seedEntry>;

/** The role must be one the membership's organization has, scoped to the resource's type, on its own resource. */
function checkSeed(entry: SeedRoleAssignment, seed: SeedLookup): string | undefined {
  const membership = seed
    .entries(organizationMemberships)
    .find((m) => m.id === entry.organization_membership_id);
  const resource = seed.entries(authorizationResources).find((r) => r.id === entry.resource_id);
  if (!membership || !resource) return undefined; // the parents check names these
  if (membership.organization_id !== resource.organization_id) {
    return `resource_id "${entry.resource_id}" belongs to another organization than the membership`;
  }
  const role = seed
    .entries(roles)
    .find(
      (r) =>
        r.slug === entry.role_slug &&
        (r.organization_id === undefined || r.organization_id === membership.organization_id),
    );
  if (!role) return `role_slug "${entry.role_slug}" is not a role of the membership's organization`;
  const roleType = role.resource_type_slug ?? "organization";
  if (roleType !== resource.resource_type_slug) {
    return `role "${entry.role_slug}" applies to ${roleType} resources, not ${resource.resource_type_slug}`;
  }
  return undefined;
}

function loadSeed(entries: readonly SeedRoleAssignment[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(roleAssignments).insert({
      id: s.id ?? loader.fixedId(ROLE_ASSIGNMENT_ID_PREFIX, at),
      organization_membership_id: s.organization_membership_id,
      role_slug: s.role_slug,
      resource_id: s.resource_id,
      group_role_assignment_id: null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

/** A resource as assignments spell it; null is the organization itself (WorkOS's root resource). */
export function assignedResource(
  store: EmulatorStore,
  resourceId: string | null,
  organizationId: string,
): { id: string; external_id: string; resource_type_slug: string } {
  if (resourceId === null) {
    const organization = store.of(organizations).get(organizationId);
    return {
      id: organizationId,
      external_id: organization?.external_id ?? "",
      resource_type_slug: DEFAULT_RESOURCE_TYPE,
    };
  }
  const resource = store.of(authorizationResources).get(resourceId);
  return {
    id: resourceId,
    external_id: resource?.external_id ?? "",
    resource_type_slug: resource?.resource_type_slug ?? "",
  };
}

function serialize(a: StoredRoleAssignment, store: EmulatorStore): Record<string, unknown> {
  const organizationId = store.of(organizationMemberships).get(a.organization_membership_id)?.organization_id;
  return {
    object: "role_assignment",
    id: a.id,
    organization_membership_id: a.organization_membership_id,
    role: { slug: a.role_slug },
    resource: assignedResource(store, a.resource_id, organizationId ?? ""),
    source:
      a.group_role_assignment_id === null
        ? { type: "direct", group_role_assignment_id: null }
        : { type: "group", group_role_assignment_id: a.group_role_assignment_id },
    created_at: a.created_at,
    updated_at: a.updated_at,
  };
}

export const roleAssignments: Resource<StoredRoleAssignment, SeedRoleAssignment, "role_assignments"> = {
  name: "role_assignments",
  label: "Role assignment",
  model: roleAssignment,
  parents: {
    organization_membership_id: "organization_memberships",
    resource_id: "authorization_resources",
    group_role_assignment_id: "group_role_assignments",
  },
  seed: { entry: seedEntry, check: checkSeed, load: loadSeed },
  serialize,
  routes: () => [...assignmentRoutes(), ...accessRoutes()],
};

const TARGET = { id: "resource_id", externalId: "resource_external_id", type: "resource_type_slug" };

function membershipOr404(ctx: EmulatorContext, id: string | undefined): StoredMembership {
  return findOr404(ctx, organizationMemberships, id ?? "");
}

function page(
  ctx: EmulatorContext,
  query: URLSearchParams,
  keep: (a: StoredRoleAssignment) => boolean,
): Record<string, unknown> {
  const params = parseListParams(query);
  const entries = ctx.store
    .of(roleAssignments)
    .entries()
    .filter((e) => keep(e.value));
  return { ...paginate(entries, params, ctx.store.clock, (a) => serialize(a, ctx.store)) };
}

function roleSlugOf(body: Record<string, unknown>): string {
  const slug = body.role_slug;
  if (typeof slug !== "string" || slug === "") {
    throw unprocessable("role_slug is required.", [
      { field: "role_slug", code: "required", message: "role_slug is required." },
    ]);
  }
  return slug;
}

function assign(ctx: EmulatorContext, membership: StoredMembership, raw: unknown): StoredRoleAssignment {
  const body = requireObjectBody(raw);
  const slug = roleSlugOf(body);
  const ref = readRef(body, TARGET, true) ?? {};
  const resource = resolveRef(ctx, membership.organization_id, ref);
  const role = rolesOf(ctx, membership.organization_id).find((r) => r.slug === slug);
  if (!role) throw notFound(`Role not found: '${slug}'.`);
  if (role.resource_type_slug !== resource.resource_type_slug) {
    throw unprocessable(
      `Role '${slug}' applies to ${role.resource_type_slug} resources; it cannot be assigned on a ${resource.resource_type_slug}.`,
      [
        {
          field: "role_slug",
          code: "resource_type_mismatch",
          message: "The role is scoped to another resource type.",
        },
      ],
    );
  }
  const existing = ctx.store
    .of(roleAssignments)
    .values()
    .find(
      (a) =>
        isDirect(a) &&
        a.organization_membership_id === membership.id &&
        a.role_slug === slug &&
        a.resource_id === resource.id,
    );
  if (existing) {
    throw new ApiError(422, {
      code: "role_assignment_already_exists",
      message: `The membership already has role '${slug}' on resource '${resource.id}'.`,
    });
  }
  const at = isoTime(ctx.now());
  const created: StoredRoleAssignment = {
    id: newId(ROLE_ASSIGNMENT_ID_PREFIX),
    organization_membership_id: membership.id,
    role_slug: slug,
    resource_id: resource.id,
    group_role_assignment_id: null,
    created_at: at,
    updated_at: at,
  };
  ctx.store.of(roleAssignments).insert(created);
  return created;
}

function assignmentRoutes(): Route[] {
  const BASE = "/authorization/organization_memberships/:organization_membership_id/role_assignments";
  const forResource = (resource: AuthorizationResource, query: URLSearchParams, ctx: EmulatorContext) => {
    const role = query.get("role_slug") || undefined;
    return page(ctx, query, (a) => a.resource_id === resource.id && (!role || a.role_slug === role));
  };
  return [
    {
      method: "GET",
      pattern: BASE,
      handler: (req, ctx) => {
        const membership = membershipOr404(ctx, req.params.organization_membership_id);
        const values = Object.fromEntries(req.query);
        const ref = readRef(values, TARGET, false);
        const resource = ref && resolveRef(ctx, membership.organization_id, ref);
        return {
          status: 200,
          body: page(
            ctx,
            req.query,
            (a) =>
              a.organization_membership_id === membership.id && (!resource || a.resource_id === resource.id),
          ),
        };
      },
    },
    {
      method: "POST",
      pattern: BASE,
      handler: (req, ctx) => {
        const created = assign(ctx, membershipOr404(ctx, req.params.organization_membership_id), req.body);
        return { status: 201, body: serialize(created, ctx.store) };
      },
    },
    {
      method: "DELETE",
      pattern: BASE,
      handler: (req, ctx) => {
        const membership = membershipOr404(ctx, req.params.organization_membership_id);
        const body = requireObjectBody(req.body);
        const slug = roleSlugOf(body);
        const resource = resolveRef(ctx, membership.organization_id, readRef(body, TARGET, true) ?? {});
        const match = ctx.store
          .of(roleAssignments)
          .values()
          .find(
            (a) =>
              isDirect(a) &&
              a.organization_membership_id === membership.id &&
              a.role_slug === slug &&
              a.resource_id === resource.id,
          );
        if (!match) throw notFound(`Role assignment not found: role '${slug}' on resource '${resource.id}'.`);
        ctx.store.of(roleAssignments).delete(match.id);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      pattern: `${BASE}/:role_assignment_id`,
      handler: (req, ctx) => {
        const membership = membershipOr404(ctx, req.params.organization_membership_id);
        const id = req.params.role_assignment_id ?? "";
        const match = ctx.store.of(roleAssignments).get(id);
        // What a group gives is taken away through the group, not the member.
        if (!match || match.organization_membership_id !== membership.id || !isDirect(match))
          throw notFound(`Role assignment not found: '${id}'.`);
        ctx.store.of(roleAssignments).delete(id);
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: "/authorization/resources/:resource_id/role_assignments",
      handler: (req, ctx) => ({
        status: 200,
        body: forResource(resourceOr404(ctx, req.params.resource_id ?? ""), req.query, ctx),
      }),
    },
    {
      method: "GET",
      pattern:
        "/authorization/organizations/:organization_id/resources/:resource_type_slug/:external_id/role_assignments",
      handler: (req, ctx) => {
        const {
          organization_id: org = "",
          resource_type_slug: type = "",
          external_id: ext = "",
        } = req.params;
        return { status: 200, body: forResource(resourceByExternalId(ctx, org, type, ext), req.query, ctx) };
      },
    },
  ];
}

// Access: what a membership may do, worked out from its roles every time it is asked.

/**
 * The roles a membership holds on a resource: its organization role (the organization is the root of every
 * resource) and the roles assigned to it on the resource or any ancestor, with whether the assignment is on
 * the resource itself.
 */
function rolesOn(
  ctx: EmulatorContext,
  m: StoredMembership,
  resource: AuthorizationResource,
): { role: StoredRole; direct: boolean }[] {
  if (m.status !== "active") return [];
  const available = new Map(rolesOf(ctx, m.organization_id).map((r) => [r.slug, r]));
  const chain = new Set(lineage(ctx, resource).map((r) => r.id));
  const held: { role: StoredRole; direct: boolean }[] = [];
  const organizationRole = available.get(m.role.slug);
  if (organizationRole) held.push({ role: organizationRole, direct: false });
  for (const a of ctx.store.of(roleAssignments).values()) {
    // A role on the organization itself (a group's may be) holds on every resource, as the organization role does.
    if (a.organization_membership_id !== m.id || (a.resource_id !== null && !chain.has(a.resource_id)))
      continue;
    const role = available.get(a.role_slug);
    if (role) held.push({ role, direct: a.resource_id === resource.id });
  }
  return held;
}

/**
 * The permission slugs a membership has on a resource. A role grants, on a resource it holds (directly or
 * through an ancestor), those of its permissions scoped to that resource's type: permissions for child types
 * flow down the hierarchy, as WorkOS documents.
 */
function grantedOn(
  ctx: EmulatorContext,
  m: StoredMembership,
  resource: AuthorizationResource,
  directOnly = false,
): Set<string> {
  const scoped = new Set(
    ctx.store
      .of(permissions)
      .values()
      .filter((p) => p.resource_type_slug === resource.resource_type_slug)
      .map((p) => p.slug),
  );
  const granted = new Set<string>();
  for (const { role, direct } of rolesOn(ctx, m, resource)) {
    if (directOnly && !direct) continue;
    for (const slug of role.permissions) if (scoped.has(slug)) granted.add(slug);
  }
  return granted;
}

function requiredQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) {
    throw unprocessable(`${name} is required.`, [
      { field: name, code: "required", message: `${name} is required.` },
    ]);
  }
  return value;
}

function effectivePermissionsPage(
  ctx: EmulatorContext,
  m: StoredMembership,
  resource: AuthorizationResource,
  query: URLSearchParams,
): Record<string, unknown> {
  const params = parseListParams(query);
  if (resource.organization_id !== m.organization_id)
    throw notFound(`Authorization resource not found: '${resource.id}'.`);
  const granted = grantedOn(ctx, m, resource);
  const entries: readonly Entry<Permission>[] = ctx.store
    .of(permissions)
    .entries()
    .filter((e) => granted.has(e.value.slug));
  return { ...paginate(entries, params, ctx.store.clock, (p) => ({ ...p })) };
}

function accessRoutes(): Route[] {
  const MEMBER = "/authorization/organization_memberships/:organization_membership_id";
  const membersWith = (ctx: EmulatorContext, resource: AuthorizationResource, query: URLSearchParams) => {
    const params = parseListParams(query);
    const slug = requiredQuery(query, "permission_slug");
    const kind = query.get("assignment");
    if (kind !== null && !(ASSIGNMENT_KINDS as readonly string[]).includes(kind)) {
      throw unprocessable(`assignment must be one of ${ASSIGNMENT_KINDS.join(", ")}.`, [
        { field: "assignment", code: "invalid_enum", message: "assignment must be direct or indirect." },
      ]);
    }
    const entries = ctx.store
      .of(organizationMemberships)
      .entries()
      .filter(
        (e) =>
          e.value.organization_id === resource.organization_id &&
          grantedOn(ctx, e.value, resource, kind === "direct").has(slug),
      );
    return paginate(entries, params, ctx.store.clock, (m) => toWire(organizationMemberships, m, ctx.store));
  };
  return [
    {
      method: "POST",
      pattern: `${MEMBER}/check`,
      handler: (req, ctx) => {
        const m = membershipOr404(ctx, req.params.organization_membership_id);
        const body = requireObjectBody(req.body);
        const permission = body.permission_slug;
        if (typeof permission !== "string" || permission === "") {
          throw unprocessable("permission_slug is required.", [
            { field: "permission_slug", code: "required", message: "permission_slug is required." },
          ]);
        }
        const resource = resolveRef(ctx, m.organization_id, readRef(body, TARGET, true) ?? {});
        return { status: 200, body: { authorized: grantedOn(ctx, m, resource).has(permission) } };
      },
    },
    {
      method: "GET",
      pattern: `${MEMBER}/resources`,
      handler: (req, ctx) => {
        const m = membershipOr404(ctx, req.params.organization_membership_id);
        const params = parseListParams(req.query);
        const slug = requiredQuery(req.query, "permission_slug");
        const ref = readRef(
          Object.fromEntries(req.query),
          {
            id: "parent_resource_id",
            externalId: "parent_resource_external_id",
            type: "parent_resource_type_slug",
          },
          false,
        );
        if (!ref) {
          throw new ApiError(400, {
            code: "bad_request",
            message:
              "Give parent_resource_id, or parent_resource_external_id with parent_resource_type_slug.",
          });
        }
        const parent = resolveRef(ctx, m.organization_id, ref);
        const entries = ctx.store
          .of(authorizationResources)
          .entries()
          .filter((e) => e.value.parent_resource_id === parent.id && grantedOn(ctx, m, e.value).has(slug));
        return { status: 200, body: paginate(entries, params, ctx.store.clock, (r) => ({ ...r })) };
      },
    },
    {
      method: "GET",
      pattern: `${MEMBER}/resources/:resource_id/permissions`,
      handler: (req, ctx) => {
        const m = membershipOr404(ctx, req.params.organization_membership_id);
        const resource = resourceOr404(ctx, req.params.resource_id ?? "");
        return { status: 200, body: effectivePermissionsPage(ctx, m, resource, req.query) };
      },
    },
    {
      method: "GET",
      pattern: `${MEMBER}/resources/:resource_type_slug/:external_id/permissions`,
      handler: (req, ctx) => {
        const m = membershipOr404(ctx, req.params.organization_membership_id);
        const resource = resourceByExternalId(
          ctx,
          m.organization_id,
          req.params.resource_type_slug ?? "",
          req.params.external_id ?? "",
        );
        return { status: 200, body: effectivePermissionsPage(ctx, m, resource, req.query) };
      },
    },
    {
      method: "GET",
      pattern: "/authorization/resources/:resource_id/organization_memberships",
      handler: (req, ctx) => ({
        status: 200,
        body: membersWith(ctx, resourceOr404(ctx, req.params.resource_id ?? ""), req.query),
      }),
    },
    {
      method: "GET",
      pattern:
        "/authorization/organizations/:organization_id/resources/:resource_type_slug/:external_id/organization_memberships",
      handler: (req, ctx) => {
        const {
          organization_id: org = "",
          resource_type_slug: type = "",
          external_id: ext = "",
        } = req.params;
        return { status: 200, body: membersWith(ctx, resourceByExternalId(ctx, org, type, ext), req.query) };
      },
    },
  ];
}
