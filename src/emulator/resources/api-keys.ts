import { z } from "zod";
import { API_KEY_ID_PREFIX, type ApiKey, type ApiKeyWithValue, apiKey } from "../../workos/api-key.js";
import { ApiError, conflict } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import {
  type EmittedEvent,
  type Resource,
  requiredString,
  type SeedLoader,
  type SeedLookup,
  seedId,
  seedTimestamps,
} from "../resource.js";
import { deleteRoute, findOr404, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { FieldErrors, isRecord, requireObjectBody } from "../validate.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/** An API key as stored: its secret value too, which only creation returns. */
export interface StoredApiKey {
  id: string;
  name: string;
  value: string;
  organization_id: string;
  /** Set for a user's key; null for an organization's. */
  user_id: string | null;
  permissions: string[];
  expires_at: string | null;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

const seedEntry = z.object({
  id: seedId,
  name: requiredString(),
  organization_id: requiredString(),
  /** A user's key (the user needs an active membership in the organization); left out for an organization's. */
  user_id: z.string({ error: "must be a string" }).optional(),
  /** The secret; generated when left out. */
  value: z.string({ error: "must be a string" }).min(1).optional(),
  permissions: z.array(z.string(), { error: "must be an array of permission slugs" }).optional(),
  expires_at: z.string({ error: "must be an ISO-8601 string" }).nullable().optional(),
  last_used_at: z.string({ error: "must be an ISO-8601 string" }).nullable().optional(),
  ...seedTimestamps,
});

export type SeedApiKey = z.input<typeof seedEntry>;

/** WorkOS's key values: `sk_` and a random tail, as the spec's example. */
const newValue = () => `sk_${randomToken(24).replace(/[-_]/g, "x")}`;

function checkMember(entry: SeedApiKey, seed: SeedLookup): string | undefined {
  if (entry.user_id === undefined) return undefined;
  const member = seed
    .entries(organizationMemberships)
    .some(
      (m) =>
        m.user_id === entry.user_id &&
        m.organization_id === entry.organization_id &&
        (m.status ?? "active") === "active",
    );
  return member
    ? undefined
    : `user "${entry.user_id}" has no active membership in "${entry.organization_id}"`;
}

function loadSeed(entries: readonly SeedApiKey[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(apiKeys).insert({
      id: s.id ?? loader.fixedId(API_KEY_ID_PREFIX, at),
      name: s.name,
      value: s.value ?? newValue(),
      organization_id: s.organization_id,
      user_id: s.user_id ?? null,
      permissions: [...(s.permissions ?? [])],
      expires_at: s.expires_at ?? null,
      last_used_at: s.last_used_at ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

function serialize(key: StoredApiKey): ApiKey {
  return {
    object: "api_key",
    id: key.id,
    owner:
      key.user_id === null
        ? { type: "organization", id: key.organization_id }
        : { type: "user", id: key.user_id, organization_id: key.organization_id },
    name: key.name,
    obfuscated_value: `sk_...${key.value.slice(-4)}`,
    last_used_at: key.last_used_at,
    expires_at: key.expires_at,
    permissions: [...key.permissions],
    created_at: key.created_at,
    updated_at: key.updated_at,
  };
}

const isExpired = (key: StoredApiKey, now: number) =>
  key.expires_at !== null && Date.parse(key.expires_at) <= now;

function emit(ctx: EmulatorContext, type: EmittedEvent["type"], key: StoredApiKey): void {
  ctx.emit({ type, data: serialize(key), organizationId: key.organization_id });
}

/** The body of a create: name, permissions and expires_at (a future date-time), each checked. */
function readCreate(body: Record<string, unknown>, errors: FieldErrors) {
  const { name, permissions, expires_at } = body;
  if (typeof name !== "string" || name.trim() === "")
    errors.add("name", "name_required", "name is required.");
  if (
    permissions !== undefined &&
    !(Array.isArray(permissions) && permissions.every((p) => typeof p === "string"))
  ) {
    errors.add("permissions", "invalid_permissions", "permissions must be an array of permission slugs.");
  }
  if (expires_at !== undefined && (typeof expires_at !== "string" || Number.isNaN(Date.parse(expires_at)))) {
    errors.add("expires_at", "invalid_date", "expires_at must be an ISO-8601 date-time.");
  }
  return {
    name: name as string,
    permissions: [...((permissions as string[] | undefined) ?? [])],
    expires_at: typeof expires_at === "string" ? new Date(expires_at).toISOString() : null,
  };
}

function insert(
  ctx: EmulatorContext,
  fields: ReturnType<typeof readCreate> & { organization_id: string; user_id: string | null },
): ApiKeyWithValue {
  const at = isoTime(ctx.now());
  const key = ctx.store.of(apiKeys).insert({
    ...fields,
    id: newId(API_KEY_ID_PREFIX, ctx.now()),
    value: newValue(),
    last_used_at: null,
    created_at: at,
    updated_at: at,
  });
  emit(ctx, "api_key.created", key);
  return { ...serialize(key), value: key.value };
}

/** When an expire request takes effect: now (no date, or a past one), later, or never (null clears it). */
function readExpiry(body: unknown, now: number): string | null {
  const value = isRecord(body) ? body.expires_at : undefined;
  if (value === null) return null;
  if (value === undefined) return isoTime(now);
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: "expires_at must be an ISO-8601 date-time or null.",
      errors: [{ field: "expires_at", code: "invalid_date" }],
    });
  }
  return isoTime(Math.max(Date.parse(value), now));
}

export const apiKeys: Resource<StoredApiKey, SeedApiKey, "api_keys"> = {
  name: "api_keys",
  model: apiKey,
  label: "API key",
  parents: { organization_id: "organizations", user_id: "users" },
  seed: { entry: seedEntry, check: checkMember, load: loadSeed },
  serialize,
  deleted: (key) => ({ type: "api_key.revoked", data: serialize(key), organizationId: key.organization_id }),
  routes: () => [
    listRoute(apiKeys, "/organizations/:organizationId/api_keys", (req, ctx) => {
      const org = findOr404(ctx, organizations, req.params.organizationId ?? "");
      return (key) => key.organization_id === org.id && key.user_id === null;
    }),
    {
      method: "POST",
      pattern: "/organizations/:organizationId/api_keys",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.organizationId ?? "");
        const errors = new FieldErrors();
        const fields = readCreate(requireObjectBody(req.body), errors);
        errors.throwIfAny();
        return { status: 201, body: insert(ctx, { ...fields, organization_id: org.id, user_id: null }) };
      },
    },
    listRoute(apiKeys, "/user_management/users/:userId/api_keys", (req, ctx) => {
      const user = findOr404(ctx, users, req.params.userId ?? "");
      const organizationId = req.query.get("organization_id");
      return (key) =>
        key.user_id === user.id && (organizationId === null || key.organization_id === organizationId);
    }),
    {
      method: "POST",
      pattern: "/user_management/users/:userId/api_keys",
      handler: (req, ctx) => {
        const user = findOr404(ctx, users, req.params.userId ?? "");
        const body = requireObjectBody(req.body);
        const errors = new FieldErrors();
        const fields = readCreate(body, errors);
        const organizationId = body.organization_id;
        if (typeof organizationId !== "string" || organizationId === "") {
          errors.add("organization_id", "organization_id_required", "organization_id is required.");
        }
        errors.throwIfAny();
        const org = findOr404(ctx, organizations, organizationId as string);
        const member = ctx.store
          .of(organizationMemberships)
          .values()
          .some((m) => m.user_id === user.id && m.organization_id === org.id && m.status === "active");
        if (!member) {
          throw new ApiError(400, {
            code: "user_not_member_of_organization",
            message: `User '${user.id}' has no active membership in organization '${org.id}'.`,
            errors: [{ field: "organization_id", code: "user_not_member_of_organization" }],
          });
        }
        return { status: 201, body: insert(ctx, { ...fields, organization_id: org.id, user_id: user.id }) };
      },
    },
    {
      method: "POST",
      pattern: "/api_keys/validations",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        if (typeof body.value !== "string" || body.value === "") {
          throw new ApiError(422, {
            code: "invalid_request_parameters",
            message: "value is required.",
            errors: [{ field: "value", code: "value_required" }],
          });
        }
        const key = ctx.store
          .of(apiKeys)
          .values()
          .find((k) => k.value === body.value);
        // An unknown, deleted or expired key is not valid: WorkOS answers 200 with a null api_key.
        if (!key || isExpired(key, ctx.now())) return { status: 200, body: { api_key: null } };
        const used = { ...key, last_used_at: isoTime(ctx.now()) };
        ctx.store.of(apiKeys).replace(used);
        return { status: 200, body: { api_key: serialize(used) } };
      },
    },
    {
      method: "POST",
      pattern: "/api_keys/:id/expire",
      handler: (req, ctx) => {
        const key = findOr404(ctx, apiKeys, req.params.id ?? "");
        if (isExpired(key, ctx.now())) {
          throw conflict(`API key '${key.id}' has already expired.`, "api_key_already_expired");
        }
        const updated = {
          ...key,
          expires_at: readExpiry(req.body, ctx.now()),
          updated_at: isoTime(ctx.now()),
        };
        ctx.store.of(apiKeys).replace(updated);
        // api_key.updated carries the old expiry in its data, as the spec's event says.
        ctx.emit({
          type: "api_key.updated",
          data: { ...serialize(updated), previous_attributes: { expires_at: key.expires_at } },
          organizationId: key.organization_id,
        });
        return { status: 200, body: serialize(updated) };
      },
    },
    deleteRoute(apiKeys, "/api_keys", 204),
  ],
};
