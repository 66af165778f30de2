import { z } from "zod";
import { FEATURE_FLAG_ID_PREFIX, type FeatureFlag, featureFlag } from "../../workos/feature-flag.js";
import { badRequest, notFound } from "../errors.js";
import { isoTime } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import {
  type Resource,
  requiredString,
  type SeedLoader,
  type SeedLookup,
  seedTimestamps,
} from "../resource.js";
import { findOr404, listRoute } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/** A flag as stored: its wire shape (WorkOS makes flags in the dashboard, so the API only reads and toggles them). */
export type StoredFeatureFlag = FeatureFlag;

/** One target of a flag: an organization or a user it is on for; deleted with its organization or user. */
export interface FeatureFlagTarget {
  /** `<flag slug>:<resource id>`. */
  id: string;
  slug: string;
  organization_id: string | null;
  user_id: string | null;
}

const owner = z.object({
  email: requiredString(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
});

const seedEntry = z.object({
  slug: requiredString(),
  name: z.string({ error: "must be a string" }).optional(),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  owner: owner.nullable().optional(),
  tags: z.array(z.string(), { error: "must be an array of strings" }).optional(),
  enabled: z.boolean({ error: "must be a boolean" }).optional(),
  default_value: z.boolean({ error: "must be a boolean" }).optional(),
  /** Organization and user ids it is on for. */
  targets: z.array(z.string(), { error: "must be an array of organization or user ids" }).optional(),
  ...seedTimestamps,
});

export type SeedFeatureFlag = z.input<typeof seedEntry>;

/** Which kind of object an id names, by its prefix: the targets WorkOS supports. */
function targetKind(id: string): "organization" | "user" | undefined {
  if (id.startsWith("org_")) return "organization";
  if (id.startsWith("user_")) return "user";
  return undefined;
}

function checkSeed(entry: SeedFeatureFlag, seed: SeedLookup): string | undefined {
  const all = seed.entries(featureFlags);
  if (all.slice(0, all.indexOf(entry)).some((other) => other.slug === entry.slug)) {
    return `slug "${entry.slug}" is already used by another flag`;
  }
  const missing = (entry.targets ?? []).find((id) => !seed.has(id) || targetKind(id) === undefined);
  return missing === undefined ? undefined : `target "${missing}" is no seeded organization or user`;
}

const titleCase = (slug: string) =>
  slug
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");

function targetOf(slug: string, resourceId: string): FeatureFlagTarget {
  const user = targetKind(resourceId) === "user";
  return {
    id: `${slug}:${resourceId}`,
    slug,
    organization_id: user ? null : resourceId,
    user_id: user ? resourceId : null,
  };
}

function loadSeed(entries: readonly SeedFeatureFlag[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(featureFlags).insert({
      object: "feature_flag",
      id: loader.fixedId(FEATURE_FLAG_ID_PREFIX, at),
      slug: s.slug,
      name: s.name ?? titleCase(s.slug),
      description: s.description ?? null,
      owner: s.owner
        ? {
            email: s.owner.email,
            first_name: s.owner.first_name ?? null,
            last_name: s.owner.last_name ?? null,
          }
        : null,
      tags: [...(s.tags ?? [])],
      enabled: s.enabled ?? true,
      default_value: s.default_value ?? false,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
  // Targets name organizations and users, loaded before flags (the seed check has made sure they exist).
  for (const s of entries) {
    for (const id of s.targets ?? []) loader.store.of(featureFlagTargets).insert(targetOf(s.slug, id));
  }
}

function bySlug(ctx: EmulatorContext, slug: string): StoredFeatureFlag {
  const flag = ctx.store
    .of(featureFlags)
    .values()
    .find((f) => f.slug === slug);
  if (!flag) throw notFound(`Feature flag not found: '${slug}'.`);
  return flag;
}

const serialize = (flag: StoredFeatureFlag): FeatureFlag => ({ ...flag, tags: [...flag.tags] });

/** Whether a flag is on for an organization or user, given the organizations and users that qualify. */
function isOn(ctx: EmulatorContext, flag: StoredFeatureFlag, subjects: ReadonlySet<string>): boolean {
  if (!flag.enabled) return false;
  if (flag.default_value) return true;
  return ctx.store
    .of(featureFlagTargets)
    .values()
    .some((t) => t.slug === flag.slug && subjects.has(t.organization_id ?? t.user_id ?? ""));
}

/** GET <path>: the flags on for the subjects `subjectsOf` names (404 when its organization or user is unknown). */
function evaluatedListRoute(
  pattern: string,
  subjectsOf: (params: Record<string, string>, ctx: EmulatorContext) => Set<string>,
): Route {
  return {
    method: "GET",
    pattern,
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const subjects = subjectsOf(req.params, ctx);
      const entries = ctx.store
        .of(featureFlags)
        .entries()
        .filter((e) => isOn(ctx, e.value, subjects));
      return { status: 200, body: paginate(entries, params, ctx.store.clock, serialize) };
    },
  };
}

function toggle(enabled: boolean): Route {
  return {
    method: "PUT",
    pattern: `/feature-flags/:slug/${enabled ? "enable" : "disable"}`,
    handler: (req, ctx) => {
      const flag = bySlug(ctx, req.params.slug ?? "");
      if (flag.enabled === enabled) return { status: 200, body: serialize(flag) };
      const updated = { ...flag, enabled, updated_at: isoTime(ctx.now()) };
      ctx.store.of(featureFlags).replace(updated);
      ctx.emit({
        type: "flag.updated",
        data: { ...serialize(updated), environment_id: EMULATOR_ENVIRONMENT_ID },
        organizationId: null,
        context: {
          client_id: EMULATOR_CLIENT_ID,
          actor: { id: EMULATOR_CLIENT_ID, source: "api", name: null },
          previous_attributes: { data: { enabled: flag.enabled } },
        },
      });
      return { status: 200, body: serialize(updated) };
    },
  };
}

/** The emulator's one environment and client, as flag events name them. */
const EMULATOR_ENVIRONMENT_ID = "environment_01EMULATOR000000000000000000";
const EMULATOR_CLIENT_ID = "client_01EMULATOR000000000000000000";

/** The flag and the target a targets request names: 400 for an id that is no organization or user. */
function readTarget(ctx: EmulatorContext, params: Record<string, string>) {
  const flag = bySlug(ctx, params.slug ?? "");
  const resourceId = params.resourceId ?? "";
  const kind = targetKind(resourceId);
  if (kind === undefined) {
    throw badRequest(
      `Unsupported target '${resourceId}': targets are organizations and users.`,
      "invalid_target",
    );
  }
  if (kind === "user") findOr404(ctx, users, resourceId);
  else findOr404(ctx, organizations, resourceId);
  return { flag, target: targetOf(flag.slug, resourceId) };
}

export const featureFlagTargets: Resource<FeatureFlagTarget, never, "feature_flag_targets"> = {
  name: "feature_flag_targets",
  label: "Feature flag target",
  parents: { organization_id: "organizations", user_id: "users" },
};

export const featureFlags: Resource<StoredFeatureFlag, SeedFeatureFlag, "feature_flags"> = {
  name: "feature_flags",
  model: featureFlag,
  label: "Feature flag",
  seed: { entry: seedEntry, check: checkSeed, load: loadSeed },
  serialize,
  routes: () => [
    listRoute(featureFlags, "/feature-flags"),
    {
      method: "GET",
      pattern: "/feature-flags/:slug",
      handler: (req, ctx) => ({ status: 200, body: serialize(bySlug(ctx, req.params.slug ?? "")) }),
    },
    toggle(true),
    toggle(false),
    {
      method: "POST",
      pattern: "/feature-flags/:slug/targets/:resourceId",
      handler: (req, ctx) => {
        const { target } = readTarget(ctx, req.params);
        const targets = ctx.store.of(featureFlagTargets);
        if (!targets.has(target.id)) targets.insert(target);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      pattern: "/feature-flags/:slug/targets/:resourceId",
      handler: (req, ctx) => {
        const { target } = readTarget(ctx, req.params);
        ctx.store.of(featureFlagTargets).delete(target.id);
        return { status: 204 };
      },
    },
    evaluatedListRoute("/organizations/:organizationId/feature-flags", (params, ctx) => {
      return new Set([findOr404(ctx, organizations, params.organizationId ?? "").id]);
    }),
    // A user's flags: those on for the user or for any organization the user is an active member of.
    evaluatedListRoute("/user_management/users/:userId/feature-flags", (params, ctx) => {
      const user = findOr404(ctx, users, params.userId ?? "");
      const orgs = ctx.store
        .of(organizationMemberships)
        .values()
        .filter((m) => m.user_id === user.id && m.status === "active")
        .map((m) => m.organization_id);
      return new Set([user.id, ...orgs]);
    }),
  ],
};
