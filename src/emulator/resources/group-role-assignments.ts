import type { Group } from "../../workos/group.js";
import { GROUP_ROLE_ASSIGNMENT_ID_PREFIX, groupRoleAssignment } from "../../workos/group-role-assignment.js";
import { conflict, notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Resource } from "../resource.js";
import { deleteWithDependents, findOr404 } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import type { EmulatorStore } from "../store.js";
import { requireObjectBody } from "../validate.js";
import { DEFAULT_RESOURCE_TYPE } from "./authorization-input.js";
import { readRef, resolveRef } from "./authorization-resources.js";
import { groupMemberships, groups } from "./groups.js";
import { assignedResource, grantThroughGroup } from "./role-assignments.js";
import { rolesOf } from "./roles.js";

/**
 * A role a group holds on a resource, or on the organization itself (resource_id null). Each member of the
 * group holds it too, as a role assignment with source "group" (role-assignments.ts), which is how access
 * checks count it; groups.ts keeps those rows in step as members come and go.
 */
export interface StoredGroupRoleAssignment {
  id: string;
  group_id: string;
  role_slug: string;
  resource_id: string | null;
  created_at: string;
  updated_at: string;
}

const MAX_REPLACEMENTS = 100;
const TARGET = { id: "resource_id", externalId: "resource_external_id", type: "resource_type_slug" };

function serialize(a: StoredGroupRoleAssignment, store: EmulatorStore): Record<string, unknown> {
  const organizationId = store.of(groups).get(a.group_id)?.organization_id ?? "";
  return {
    object: "group_role_assignment",
    id: a.id,
    group_id: a.group_id,
    role: { slug: a.role_slug },
    resource: assignedResource(store, a.resource_id, organizationId),
    created_at: a.created_at,
    updated_at: a.updated_at,
  };
}

export const groupRoleAssignments: Resource<StoredGroupRoleAssignment, never, "group_role_assignments"> = {
  name: "group_role_assignments",
  model: groupRoleAssignment,
  label: "Group role assignment",
  parents: { group_id: "groups", resource_id: "authorization_resources" },
  serialize,
  routes: () => routes(),
};

/** A role and a target as a create, a replacement entry or a removal names them (the role checked later). */
interface Wanted {
  role_slug: string;
  resource_id: string | null;
}

/** Reads role_slug and the optional target (none: the organization itself); 422 or 404 as WorkOS answers. */
function readWanted(ctx: EmulatorContext, group: Group, raw: unknown, field = ""): Wanted {
  const body = requireObjectBody(raw);
  const slug = body.role_slug;
  if (typeof slug !== "string" || slug === "") {
    throw unprocessable("role_slug is required.", [
      { field: `${field}role_slug`, code: "required", message: "role_slug is required." },
    ]);
  }
  const ref = readRef(body, TARGET, false);
  const resource = ref ? resolveRef(ctx, group.organization_id, ref) : undefined;
  return { role_slug: slug, resource_id: resource?.id ?? null };
}

/** The role must be one the group's organization has, scoped to the target's type. */
function checkRole(ctx: EmulatorContext, group: Group, wanted: Wanted): void {
  const role = rolesOf(ctx, group.organization_id).find((r) => r.slug === wanted.role_slug);
  if (!role) throw notFound(`Role not found: '${wanted.role_slug}'.`);
  const type =
    wanted.resource_id === null
      ? DEFAULT_RESOURCE_TYPE
      : assignedResource(ctx.store, wanted.resource_id, group.organization_id).resource_type_slug;
  if (role.resource_type_slug !== type) {
    throw unprocessable(
      `Role '${role.slug}' applies to ${role.resource_type_slug} resources; it cannot be assigned on a ${type}.`,
      [
        {
          field: "role_slug",
          code: "resource_type_mismatch",
          message: "The role is scoped to another resource type.",
        },
      ],
    );
  }
}

const assignmentsOf = (ctx: EmulatorContext, groupId: string) =>
  ctx.store
    .of(groupRoleAssignments)
    .values()
    .filter((a) => a.group_id === groupId);

const same = (a: Wanted, b: Wanted) => a.role_slug === b.role_slug && a.resource_id === b.resource_id;

/** Stores the group's assignment and gives it to every member of the group. */
function grant(ctx: EmulatorContext, group: Group, wanted: Wanted): StoredGroupRoleAssignment {
  const at = isoTime(ctx.now());
  const created: StoredGroupRoleAssignment = {
    id: newId(GROUP_ROLE_ASSIGNMENT_ID_PREFIX),
    group_id: group.id,
    ...wanted,
    created_at: at,
    updated_at: at,
  };
  ctx.store.of(groupRoleAssignments).insert(created);
  for (const member of ctx.store.of(groupMemberships).values()) {
    if (member.group_id === group.id)
      grantThroughGroup(ctx.store, member.organization_membership_id, created, at);
  }
  return created;
}

function routes(): Route[] {
  const BASE = "/authorization/groups/:group_id/role_assignments";
  const groupOf = (ctx: EmulatorContext, id: string | undefined) => findOr404(ctx, groups, id ?? "");
  const one = (ctx: EmulatorContext, group: Group, id: string | undefined) => {
    const found = ctx.store.of(groupRoleAssignments).get(id ?? "");
    if (!found || found.group_id !== group.id)
      throw notFound(`Group role assignment not found: '${id ?? ""}'.`);
    return found;
  };
  const list = (ctx: EmulatorContext, group: Group, query: URLSearchParams) => {
    const params = parseListParams(query);
    const entries = ctx.store
      .of(groupRoleAssignments)
      .entries()
      .filter((e) => e.value.group_id === group.id);
    return paginate(entries, params, ctx.store.clock, (a) => serialize(a, ctx.store));
  };
  return [
    {
      method: "GET",
      pattern: BASE,
      handler: (req, ctx) => ({ status: 200, body: list(ctx, groupOf(ctx, req.params.group_id), req.query) }),
    },
    {
      method: "POST",
      pattern: BASE,
      handler: (req, ctx) => {
        const group = groupOf(ctx, req.params.group_id);
        const wanted = readWanted(ctx, group, req.body);
        checkRole(ctx, group, wanted);
        if (assignmentsOf(ctx, group.id).some((a) => same(a, wanted))) {
          throw conflict(
            `The group already has role '${wanted.role_slug}' on that resource.`,
            "duplicate_group_role_assignment",
          );
        }
        return { status: 201, body: serialize(grant(ctx, group, wanted), ctx.store) };
      },
    },
    {
      method: "PUT",
      pattern: BASE,
      handler: (req, ctx) => {
        const group = groupOf(ctx, req.params.group_id);
        const entries = requireObjectBody(req.body).role_assignments;
        if (!Array.isArray(entries) || entries.length > MAX_REPLACEMENTS) {
          throw unprocessable(`role_assignments must be an array of at most ${MAX_REPLACEMENTS} entries.`, [
            {
              field: "role_assignments",
              code: Array.isArray(entries) ? "too_many" : "required",
              message: `role_assignments must be an array of at most ${MAX_REPLACEMENTS} entries.`,
            },
          ]);
        }
        // Every entry is checked before anything changes, so a bad one leaves the group as it was.
        const wanted: Wanted[] = [];
        entries.forEach((entry, i) => {
          const w = readWanted(ctx, group, entry, `role_assignments[${i}].`);
          checkRole(ctx, group, w);
          if (!wanted.some((x) => same(x, w))) wanted.push(w);
        });
        const current = assignmentsOf(ctx, group.id);
        for (const a of current) {
          if (!wanted.some((w) => same(a, w))) deleteWithDependents(ctx, groupRoleAssignments, a);
        }
        for (const w of wanted) if (!current.some((a) => same(a, w))) grant(ctx, group, w);
        const all = new URLSearchParams({ limit: String(MAX_REPLACEMENTS), order: "asc" });
        return { status: 200, body: list(ctx, group, all) };
      },
    },
    {
      method: "DELETE",
      pattern: BASE,
      handler: (req, ctx) => {
        const group = groupOf(ctx, req.params.group_id);
        const wanted = readWanted(ctx, group, req.body);
        const match = assignmentsOf(ctx, group.id).find((a) => same(a, wanted));
        if (!match) {
          throw notFound(`Group role assignment not found: role '${wanted.role_slug}' on that resource.`);
        }
        deleteWithDependents(ctx, groupRoleAssignments, match);
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: `${BASE}/:role_assignment_id`,
      handler: (req, ctx) => {
        const group = groupOf(ctx, req.params.group_id);
        return { status: 200, body: serialize(one(ctx, group, req.params.role_assignment_id), ctx.store) };
      },
    },
    {
      method: "DELETE",
      pattern: `${BASE}/:role_assignment_id`,
      handler: (req, ctx) => {
        const group = groupOf(ctx, req.params.group_id);
        deleteWithDependents(ctx, groupRoleAssignments, one(ctx, group, req.params.role_assignment_id));
        return { status: 204 };
      },
    },
  ];
}
