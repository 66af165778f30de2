import { z } from "zod";
import type { OrganizationMembership } from "../../workos/organization-membership.js";
import {
  ORGANIZATION_MEMBERSHIP_ID_PREFIX,
  organizationMembership,
} from "../../workos/organization-membership.js";
import { DEFAULT_ROLE_SLUG, MEMBERSHIP_STATUSES, ROLE_SLUG_PATTERN } from "../../workos-vocabulary.js";
import { ApiError, badRequest, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { EmittedEvent, Resource, SeedLoader, Stored } from "../resource.js";
import { anyObject, byCreation, oneOf, requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import { deleteRoute, findOr404, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import type { EmulatorStore } from "../store.js";
import { commaList, requireObjectBody } from "../validate.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

type Status = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * A membership as the emulator stores it: the wire object less what serialize() adds (its organization's name,
 * its user, and `roles`, which repeats its one role).
 */
export type StoredMembership = Omit<
  Stored<OrganizationMembership>,
  "organization_name" | "user" | "roles" | "custom_attributes"
> & { custom_attributes: Record<string, unknown> };

const PATH = "/user_management/organization_memberships";

const seedEntry = z.object({
  id: seedId,
  user_id: requiredString(),
  organization_id: requiredString(),
  status: oneOf(MEMBERSHIP_STATUSES),
  role_slug: z
    .string({ error: "must be a string" })
    .regex(ROLE_SLUG_PATTERN, { error: "must be a role slug such as admin or member" })
    .optional(),
  directory_managed: z.boolean({ error: "must be a boolean" }).optional(),
  custom_attributes: anyObject.optional(),
  ...seedTimestamps,
});

export type SeedOrganizationMembership = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedOrganizationMembership[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(organizationMemberships).insert({
      object: "organization_membership",
      id: s.id ?? loader.fixedId(ORGANIZATION_MEMBERSHIP_ID_PREFIX, at),
      user_id: s.user_id,
      organization_id: s.organization_id,
      status: s.status ?? "active",
      role: { slug: s.role_slug ?? DEFAULT_ROLE_SLUG },
      directory_managed: s.directory_managed ?? false,
      custom_attributes: { ...(s.custom_attributes ?? {}) },
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

/** What events carry: the membership without the organization's name or the embedded user. */
function eventData(m: StoredMembership): Record<string, unknown> {
  return { ...m, role: { ...m.role }, roles: [{ ...m.role }], custom_attributes: { ...m.custom_attributes } };
}

/** The REST object names its organization and embeds its user. */
function serialize(m: StoredMembership, store: EmulatorStore): Record<string, unknown> {
  const org = store.of(organizations).get(m.organization_id);
  const user = store.of(users).get(m.user_id);
  return {
    ...eventData(m),
    ...(org ? { organization_name: org.name } : {}),
    ...(user ? { user: toWire(users, user, store) } : {}),
  };
}

/** The one role slug a body names (role_slug, or role_slugs of one), or undefined when it names none. */
function readRole(body: Record<string, unknown>): string | undefined {
  const { role_slug: slug, role_slugs: slugs } = body;
  if (slug !== undefined && slugs !== undefined) {
    throw unprocessable("role_slug and role_slugs cannot both be given.", [
      { field: "role_slug", code: "role_slug_and_role_slugs_provided" },
    ]);
  }
  let wanted: unknown = slug;
  if (slugs !== undefined) {
    if (!Array.isArray(slugs) || slugs.length === 0) {
      throw unprocessable("role_slugs must be a non-empty array of role slugs.", [
        { field: "role_slugs", code: "invalid_type" },
      ]);
    }
    if (slugs.length > 1) {
      throw new ApiError(422, {
        code: "multiple_roles_not_enabled",
        message: "Multiple roles are not enabled for this environment.",
      });
    }
    wanted = slugs[0];
  }
  if (wanted === undefined) return undefined;
  if (typeof wanted !== "string" || !ROLE_SLUG_PATTERN.test(wanted)) {
    throw new ApiError(422, {
      code: "invalid_role",
      message: `Role '${String(wanted)}' is not a valid role.`,
    });
  }
  return wanted;
}

function event(type: EmittedEvent["type"], m: StoredMembership) {
  return { type, data: eventData(m), organizationId: m.organization_id };
}

/** The event a membership change emits, for other modules that change memberships (accepting an invitation). */
export const membershipEvent = event;

/** PUT <path>/:id/<action>: moves a membership between active and inactive; a pending one cannot. */
function statusRoute(action: "deactivate" | "reactivate"): Route {
  const to: Status = action === "deactivate" ? "inactive" : "active";
  return {
    method: "PUT",
    pattern: `${PATH}/:id/${action}`,
    handler: (req, ctx) => {
      const current = findOr404(ctx, organizationMemberships, req.params.id ?? "");
      if (current.status === "pending") {
        throw badRequest(
          `A pending organization membership cannot be ${action}d.`,
          `cannot_${action}_pending_organization_membership`,
        );
      }
      if (current.status === to) return { status: 200, body: serialize(current, ctx.store) };
      const next = { ...current, status: to, updated_at: isoTime(ctx.now()) };
      ctx.store.of(organizationMemberships).replace(next);
      ctx.emit(event("organization_membership.updated", next));
      return { status: 200, body: serialize(next, ctx.store) };
    },
  };
}

function create(ctx: EmulatorContext, body: Record<string, unknown>) {
  const { user_id: userId, organization_id: organizationId } = body;
  const missing = (["user_id", "organization_id"] as const).filter(
    (field) => typeof body[field] !== "string" || body[field] === "",
  );
  if (missing.length > 0) {
    throw unprocessable(
      `Validation failed: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} required.`,
      missing.map((field) => ({ field, code: `${field}_required` })),
    );
  }
  const role = readRole(body);
  const user = findOr404(ctx, users, userId as string);
  const org = findOr404(ctx, organizations, organizationId as string);
  const memberships = ctx.store.of(organizationMemberships);
  const existing = memberships.values().find((m) => m.user_id === user.id && m.organization_id === org.id);
  const at = isoTime(ctx.now());
  if (existing?.status === "pending") {
    throw badRequest(
      "The user has a pending membership of this organization (an open invitation).",
      "cannot_reactivate_pending_organization_membership",
    );
  }
  if (existing?.status === "active") {
    throw unprocessable(`User '${user.id}' is already a member of organization '${org.id}'.`, [
      { field: "user_id", code: "organization_membership_already_exists" },
    ]);
  }
  if (existing) {
    // An inactive membership is reactivated with the role asked for.
    const next: StoredMembership = {
      ...existing,
      status: "active",
      role: { slug: role ?? existing.role.slug },
      updated_at: at,
    };
    memberships.replace(next);
    ctx.emit(event("organization_membership.updated", next));
    return next;
  }
  const membership: StoredMembership = {
    object: "organization_membership",
    id: newId(ORGANIZATION_MEMBERSHIP_ID_PREFIX),
    user_id: user.id,
    organization_id: org.id,
    status: "active",
    role: { slug: role ?? DEFAULT_ROLE_SLUG },
    directory_managed: false,
    custom_attributes: {},
    created_at: at,
    updated_at: at,
  };
  memberships.insert(membership);
  ctx.emit(event("organization_membership.created", membership));
  return membership;
}

export const organizationMemberships: Resource<
  StoredMembership,
  SeedOrganizationMembership,
  "organization_memberships"
> = {
  name: "organization_memberships",
  label: "Organization membership",
  parents: { user_id: "users", organization_id: "organizations" },
  seed: {
    entry: seedEntry,
    check: (entry, seed) =>
      seed
        .entries(organizationMemberships)
        .some(
          (other) =>
            other !== entry &&
            other.user_id === entry.user_id &&
            other.organization_id === entry.organization_id,
        )
        ? `user "${entry.user_id}" has another membership of organization "${entry.organization_id}"`
        : undefined,
    load: loadSeed,
  },
  model: organizationMembership,
  serialize,
  deleted: (m) => event("organization_membership.deleted", m),
  routes: () => [
    listRoute(organizationMemberships, PATH, (req, ctx) => {
      const userId = req.query.get("user_id");
      const organizationId = req.query.get("organization_id");
      if (!userId && !organizationId) {
        throw badRequest(
          "Either user_id or organization_id is required.",
          "missing_user_id_or_organization_id",
        );
      }
      const statuses = commaList(req.query, "statuses") ?? ["active"];
      const unknown = statuses.filter((s) => !(MEMBERSHIP_STATUSES as readonly string[]).includes(s));
      if (unknown.length > 0) {
        throw badRequest(
          `statuses must be any of ${MEMBERSHIP_STATUSES.join(", ")}; got ${unknown.join(", ")}.`,
          "invalid_request_parameters",
        );
      }
      if (userId) findOr404(ctx, users, userId);
      if (organizationId) findOr404(ctx, organizations, organizationId);
      return (m) =>
        (!userId || m.user_id === userId) &&
        (!organizationId || m.organization_id === organizationId) &&
        statuses.includes(m.status);
    }),
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const membership = create(ctx, requireObjectBody(req.body));
        return { status: 201, body: serialize(membership, ctx.store) };
      },
    },
    getRoute(organizationMemberships, PATH),
    {
      method: "PUT",
      pattern: `${PATH}/:id`,
      handler: (req, ctx) => {
        const current = findOr404(ctx, organizationMemberships, req.params.id ?? "");
        const role = readRole(requireObjectBody(req.body));
        if (role === undefined || role === current.role.slug) {
          return { status: 200, body: serialize(current, ctx.store) };
        }
        const next = { ...current, role: { slug: role }, updated_at: isoTime(ctx.now()) };
        ctx.store.of(organizationMemberships).replace(next);
        ctx.emit(event("organization_membership.updated", next));
        return { status: 200, body: serialize(next, ctx.store) };
      },
    },
    deleteRoute(organizationMemberships, PATH, 200),
    statusRoute("deactivate"),
    statusRoute("reactivate"),
  ],
};
