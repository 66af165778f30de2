import { z } from "zod";
import { GROUP_ID_PREFIX, type Group, group as groupSchema } from "../../workos/group.js";
import { GROUP_ROLE_ASSIGNMENT_ID_PREFIX } from "../../workos/group-role-assignment.js";
import { ROLE_ASSIGNMENT_ID_PREFIX } from "../../workos/role-assignment.js";
import { notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { EmittedEvent, Resource, SeedLoader, SeedLookup } from "../resource.js";
import { requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import { deleteWithDependents, findOr404 } from "../resource-routes.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import type { EmulatorStore } from "../store.js";
import { FieldErrors, requireObjectBody } from "../validate.js";
import { DEFAULT_RESOURCE_TYPE } from "./authorization-input.js";
import { authorizationResources } from "./authorization-resources.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { type GroupGrant, grantThroughGroup, revokeGroupGrants } from "./role-assignments.js";
import { roles } from "./roles.js";

/** That an organization membership belongs to a group; deleted with either. */
export interface GroupMembership {
  id: string;
  group_id: string;
  organization_membership_id: string;
  created_at: string;
}

const MAX_NAME = 256;
const MAX_DESCRIPTION = 150;

const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  name: requiredString().max(MAX_NAME, { error: `must be at most ${MAX_NAME} characters` }),
  description: z
    .string({ error: "must be a string" })
    .max(MAX_DESCRIPTION, { error: `must be at most ${MAX_DESCRIPTION} characters` })
    .nullable()
    .optional(),
  /** Ids of the organization's memberships that are in the group. */
  members: z.array(z.string(), { error: "must be an array of organization membership ids" }).optional(),
  /** Roles the group holds (and so each member): on a seeded resource, or without one on the organization. */
  role_assignments: z
    .array(
      z.object({
        id: seedId,
        role_slug: requiredString(),
        resource_id: z.string({ error: "must be a string" }).optional(),
      }),
      { error: "must be an array of role assignments" },
    )
    .optional(),
  ...seedTimestamps,
});

export type SeedGroup = z.input<typeof seedEntry>;

/**
 * Each member must be a seeded membership of the group's own organization; each role assignment a role the
 * organization has, scoped to the type of its resource (one of the organization's) or to the organization.
 */
function checkSeed(entry: SeedGroup, seed: SeedLookup): string | undefined {
  const memberships = seed.entries(organizationMemberships);
  for (const id of entry.members ?? []) {
    const membership = memberships.find((m) => m.id === id);
    if (!membership) return `member "${id}" does not match any object in "organization_memberships"`;
    if (membership.organization_id !== entry.organization_id)
      return `member "${id}" is a membership of another organization`;
  }
  for (const assignment of entry.role_assignments ?? []) {
    let type = DEFAULT_RESOURCE_TYPE;
    if (assignment.resource_id !== undefined) {
      const resource = seed.entries(authorizationResources).find((r) => r.id === assignment.resource_id);
      if (!resource || resource.organization_id !== entry.organization_id)
        return `role assignment resource_id "${assignment.resource_id}" is not a resource of the group's organization`;
      type = resource.resource_type_slug;
    }
    const role = seed
      .entries(roles)
      .find(
        (r) =>
          r.slug === assignment.role_slug &&
          (r.organization_id === undefined || r.organization_id === entry.organization_id),
      );
    if (!role) return `role_slug "${assignment.role_slug}" is not a role of the group's organization`;
    const roleType = role.resource_type_slug ?? DEFAULT_RESOURCE_TYPE;
    if (roleType !== type)
      return `role "${assignment.role_slug}" applies to ${roleType} resources, not ${type}`;
  }
  return undefined;
}

/** The group role assignments' collection (group-role-assignments.ts imports this module, so by name). */
function grantsStore(store: EmulatorStore) {
  const resource = store.resources.find((r) => r.name === "group_role_assignments");
  if (!resource) throw new Error("group_role_assignments is not in the emulator's list of resources");
  return store.of(
    resource as Resource<GroupGrant & { group_id: string; created_at: string; updated_at: string }>,
  );
}

const grantsOf = (store: EmulatorStore, groupId: string) =>
  grantsStore(store)
    .values()
    .filter((g) => g.group_id === groupId);

function loadSeed(entries: readonly SeedGroup[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const id = s.id ?? loader.fixedId(GROUP_ID_PREFIX, at);
    loader.store.of(groups).insert({
      object: "group",
      id,
      organization_id: s.organization_id,
      name: s.name,
      description: s.description ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
    for (const a of s.role_assignments ?? []) {
      grantsStore(loader.store).insert({
        id: a.id ?? loader.fixedId(GROUP_ROLE_ASSIGNMENT_ID_PREFIX, at),
        group_id: id,
        role_slug: a.role_slug,
        resource_id: a.resource_id ?? null,
        created_at: at,
        updated_at: at,
      });
    }
    for (const member of new Set(s.members ?? [])) {
      loader.store.of(groupMemberships).insert({
        id: loader.fixedId("group_membership", at),
        group_id: id,
        organization_membership_id: member,
        created_at: at,
      });
      for (const grant of grantsOf(loader.store, id)) {
        grantThroughGroup(loader.store, member, grant, at, loader.fixedId(ROLE_ASSIGNMENT_ID_PREFIX, at));
      }
    }
  }
}

const serialize = (g: Group): Record<string, unknown> => ({ ...g });

/** The organization in the path, or 404. */
function organizationOf(ctx: EmulatorContext, req: ApiRequest): string {
  return findOr404(ctx, organizations, req.params.organizationId ?? "").id;
}

/** The group in the path, which must belong to the organization in the path; otherwise 404. */
function groupOf(ctx: EmulatorContext, req: ApiRequest): Group {
  const organizationId = organizationOf(ctx, req);
  const id = req.params.groupId ?? "";
  const found = ctx.store.of(groups).get(id);
  if (!found || found.organization_id !== organizationId) throw notFound(`Group not found: '${id}'.`);
  return found;
}

/** name and description as a create (name required) or an update reads them; bad ones get one 422. */
function readInput(
  body: Record<string, unknown>,
  creating: boolean,
): Partial<Pick<Group, "name" | "description">> {
  const errors = new FieldErrors();
  const input: Partial<Pick<Group, "name" | "description">> = {};
  const { name, description } = body;
  if (name === undefined) {
    if (creating) errors.add("name", "name_required", "name is required.");
  } else if (typeof name !== "string" || name.trim() === "") {
    errors.add("name", "name_invalid", "name must be a non-empty string.");
  } else if (name.length > MAX_NAME) {
    errors.add("name", "name_too_long", `name must be at most ${MAX_NAME} characters.`);
  } else input.name = name;
  if (description !== undefined) {
    if (description !== null && typeof description !== "string") {
      errors.add("description", "description_invalid", "description must be a string or null.");
    } else if (typeof description === "string" && description.length > MAX_DESCRIPTION) {
      errors.add(
        "description",
        "description_too_long",
        `description must be at most ${MAX_DESCRIPTION} characters.`,
      );
    } else input.description = description;
  }
  errors.throwIfAny();
  return input;
}

function emitGroup(
  ctx: EmulatorContext,
  type: EmittedEvent["type"],
  g: Group,
  context?: Record<string, unknown>,
): void {
  ctx.emit({ type, data: serialize(g), organizationId: g.organization_id, ...(context ? { context } : {}) });
}

function membersOf(ctx: EmulatorContext, groupId: string): GroupMembership[] {
  return ctx.store
    .of(groupMemberships)
    .values()
    .filter((m) => m.group_id === groupId);
}

const BASE = "/organizations/:organizationId/groups";

export const groups: Resource<Group, SeedGroup, "groups"> = {
  name: "groups",
  label: "Group",
  model: groupSchema,
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, check: checkSeed, load: loadSeed },
  serialize,
  deleted: (g) => ({ type: "group.deleted", data: serialize(g), organizationId: g.organization_id }),
  routes: () => [
    {
      method: "POST",
      pattern: BASE,
      handler: (req, ctx) => {
        const organizationId = organizationOf(ctx, req);
        const input = readInput(requireObjectBody(req.body), true);
        const at = isoTime(ctx.now());
        const created: Group = {
          object: "group",
          id: newId(GROUP_ID_PREFIX),
          organization_id: organizationId,
          name: input.name ?? "",
          description: input.description ?? null,
          created_at: at,
          updated_at: at,
        };
        ctx.store.of(groups).insert(created);
        emitGroup(ctx, "group.created", created);
        return { status: 201, body: serialize(created) };
      },
    },
    {
      method: "GET",
      pattern: BASE,
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const organizationId = organizationOf(ctx, req);
        const entries = ctx.store
          .of(groups)
          .entries()
          .filter((e) => e.value.organization_id === organizationId);
        return { status: 200, body: paginate(entries, params, ctx.store.clock, serialize) };
      },
    },
    {
      method: "GET",
      pattern: `${BASE}/:groupId`,
      handler: (req, ctx) => ({ status: 200, body: serialize(groupOf(ctx, req)) }),
    },
    {
      method: "PATCH",
      pattern: `${BASE}/:groupId`,
      handler: (req, ctx) => {
        const current = groupOf(ctx, req);
        const input = readInput(requireObjectBody(req.body), false);
        const next: Group = { ...current, ...input, updated_at: isoTime(ctx.now()) };
        ctx.store.of(groups).replace(next);
        const previous = Object.fromEntries(
          (["name", "description"] as const)
            .filter((key) => input[key] !== undefined && input[key] !== current[key])
            .map((key) => [key, current[key]]),
        );
        emitGroup(ctx, "group.updated", next, { previous_attributes: previous });
        return { status: 200, body: serialize(next) };
      },
    },
    {
      method: "DELETE",
      pattern: `${BASE}/:groupId`,
      handler: (req, ctx) => {
        deleteWithDependents(ctx, groups, groupOf(ctx, req));
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: `${BASE}/:groupId/organization-memberships`,
      handler: (req, ctx) => {
        const target = groupOf(ctx, req);
        const body = requireObjectBody(req.body);
        const omId = body.organization_membership_id;
        if (typeof omId !== "string" || omId === "") {
          const errors = new FieldErrors();
          errors.add(
            "organization_membership_id",
            "organization_membership_id_required",
            "organization_membership_id is required.",
          );
          errors.throwIfAny();
        }
        const membership = ctx.store.of(organizationMemberships).get(String(omId));
        if (!membership || membership.organization_id !== target.organization_id)
          throw notFound(`Organization membership not found: '${String(omId)}'.`);
        // Adding a member twice leaves one membership, and sends no second event.
        if (!membersOf(ctx, target.id).some((m) => m.organization_membership_id === membership.id)) {
          const at = isoTime(ctx.now());
          ctx.store.of(groupMemberships).insert({
            id: newId("group_membership"),
            group_id: target.id,
            organization_membership_id: membership.id,
            created_at: at,
          });
          // The new member holds every role the group holds.
          for (const grant of grantsOf(ctx.store, target.id)) {
            grantThroughGroup(ctx.store, membership.id, grant, at);
          }
          ctx.emit({
            type: "group.member_added",
            data: { group_id: target.id, organization_membership_id: membership.id },
            organizationId: target.organization_id,
          });
        }
        return { status: 200, body: serialize(target) };
      },
    },
    {
      method: "GET",
      pattern: `${BASE}/:groupId/organization-memberships`,
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const target = groupOf(ctx, req);
        const members = new Set(membersOf(ctx, target.id).map((m) => m.organization_membership_id));
        const entries = ctx.store
          .of(organizationMemberships)
          .entries()
          .filter((e) => members.has(e.value.id));
        return {
          status: 200,
          body: paginate(entries, params, ctx.store.clock, (m) =>
            toWire(organizationMemberships, m, ctx.store),
          ),
        };
      },
    },
    {
      method: "DELETE",
      pattern: `${BASE}/:groupId/organization-memberships/:omId`,
      handler: (req, ctx) => {
        const target = groupOf(ctx, req);
        const omId = req.params.omId ?? "";
        const link = membersOf(ctx, target.id).find((m) => m.organization_membership_id === omId);
        if (!link) throw notFound(`Organization membership not found in group: '${omId}'.`);
        ctx.store.of(groupMemberships).delete(link.id);
        // ...and no longer holds what the group gave it.
        revokeGroupGrants(ctx.store, omId, new Set(grantsOf(ctx.store, target.id).map((g) => g.id)));
        ctx.emit({
          type: "group.member_removed",
          data: { group_id: target.id, organization_membership_id: omId },
          organizationId: target.organization_id,
        });
        return { status: 204 };
      },
    },
    membershipGroupsRoute(),
  ],
};

/** The groups an organization membership belongs to (GET /user_management/organization_memberships/{omId}/groups). */
function membershipGroupsRoute(): Route {
  return {
    method: "GET",
    pattern: "/user_management/organization_memberships/:omId/groups",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const membership = findOr404(ctx, organizationMemberships, req.params.omId ?? "");
      const joined = new Set(
        ctx.store
          .of(groupMemberships)
          .values()
          .filter((m) => m.organization_membership_id === membership.id)
          .map((m) => m.group_id),
      );
      const entries = ctx.store
        .of(groups)
        .entries()
        .filter((e) => joined.has(e.value.id));
      return { status: 200, body: paginate(entries, params, ctx.store.clock, serialize) };
    },
  };
}

export const groupMemberships: Resource<GroupMembership, never, "group_memberships"> = {
  name: "group_memberships",
  label: "Group membership",
  parents: { group_id: "groups", organization_membership_id: "organization_memberships" },
};
