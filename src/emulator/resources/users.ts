import { z } from "zod";
import { USER_ID_PREFIX, type User, user as userSchema } from "../../workos/user.js";
import { EXTERNAL_ID_MAX_LENGTH } from "../../workos-vocabulary.js";
import { ApiError, badRequest, notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { byCreation, requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, findOr404, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { FieldErrors, isEmail, requireObjectBody } from "../validate.js";
import { checkMetadata, isAscii } from "./organization-input.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { setPassword } from "./user-passwords.js";

/** An AuthKit user as the emulator stores it: the wire object itself. */
export type StoredUser = Stored<User>;

const nullableString = z.string({ error: "must be a string" }).nullable().optional();

const seedEntry = z.object({
  id: seedId,
  email: requiredString(),
  email_verified: z.boolean({ error: "must be a boolean" }).optional(),
  first_name: nullableString,
  last_name: nullableString,
  profile_picture_url: nullableString,
  last_sign_in_at: nullableString,
  external_id: nullableString,
  metadata: z.record(z.string(), z.string(), { error: "must be an object of strings" }).optional(),
  locale: nullableString,
  /** A password to sign in with (POST /user_management/authenticate); stored hashed, never served. */
  password: z
    .string({ error: "must be a string" })
    .min(1, { error: "must be a non-empty string" })
    .optional(),
  ...seedTimestamps,
});

export type SeedUser = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedUser[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const id = s.id ?? loader.fixedId(USER_ID_PREFIX, at);
    loader.store.of(users).insert({
      object: "user",
      id,
      email: s.email.toLowerCase(),
      email_verified: s.email_verified ?? true,
      first_name: s.first_name ?? null,
      last_name: s.last_name ?? null,
      profile_picture_url: s.profile_picture_url ?? null,
      last_sign_in_at: s.last_sign_in_at ?? null,
      external_id: s.external_id ?? null,
      metadata: { ...(s.metadata ?? {}) },
      locale: s.locale ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
    if (s.password !== undefined) setPassword(loader.store, id, s.password);
  }
}

function serialize(user: StoredUser): Record<string, unknown> {
  return { ...user, metadata: { ...user.metadata } };
}

/** What POST and PUT accept; a password is kept hashed apart from the user (user-passwords.ts), a hash ignored. */
interface UserInput {
  password?: string;
  email?: string;
  email_verified?: boolean;
  first_name?: string | null;
  last_name?: string | null;
  external_id?: string | null;
  metadata?: Record<string, string> | null;
  locale?: string | null;
}

function readUserInput(body: Record<string, unknown>, creating: boolean): UserInput {
  const errors = new FieldErrors();
  const input: UserInput = {};
  if (body.email !== undefined || creating) {
    if (typeof body.email !== "string" || !isEmail(body.email)) {
      errors.add("email", "invalid_email", "email is required and must be an email address.");
    } else input.email = body.email.toLowerCase();
  }
  if (body.email_verified !== undefined && body.email_verified !== null) {
    if (typeof body.email_verified !== "boolean") {
      errors.add("email_verified", "invalid_type", "email_verified must be a boolean.");
    } else input.email_verified = body.email_verified;
  }
  for (const field of ["first_name", "last_name", "locale"] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (value !== null && typeof value !== "string") {
      errors.add(field, "invalid_type", `${field} must be a string.`);
    } else input[field] = value;
  }
  if (body.external_id !== undefined) {
    const id = body.external_id;
    if (id === null) input.external_id = null;
    else if (typeof id !== "string" || id === "" || id.length > EXTERNAL_ID_MAX_LENGTH || !isAscii(id)) {
      errors.add(
        "external_id",
        "invalid_external_id",
        `external_id must be ASCII of 1 to ${EXTERNAL_ID_MAX_LENGTH} characters, or null.`,
      );
    } else input.external_id = id;
  }
  if (body.metadata !== undefined) {
    if (body.metadata !== null && (typeof body.metadata !== "object" || Array.isArray(body.metadata))) {
      errors.add("metadata", "invalid_type", "metadata must be an object or null.");
    } else input.metadata = body.metadata as Record<string, string> | null;
  }
  for (const field of ["password", "password_hash", "password_hash_type"] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      errors.add(field, "invalid_type", `${field} must be a string.`);
    }
  }
  errors.throwIfAny();
  if (body.password != null && body.password_hash != null) {
    throw badRequest(
      "password and password_hash cannot both be given.",
      "password_and_password_hash_provided",
    );
  }
  if (body.password != null && body.password_hash_type != null) {
    throw badRequest(
      "password and password_hash_type cannot both be given.",
      "password_and_password_hash_type_provided",
    );
  }
  if (input.metadata) checkMetadata(input.metadata);
  if (typeof body.password === "string") input.password = body.password;
  return input;
}

/** Another user already holding this email or external_id, if any. */
function holderOf(
  ctx: EmulatorContext,
  field: "email" | "external_id",
  value: string,
  selfId: string | null,
) {
  return ctx.store
    .of(users)
    .values()
    .find((u) => u.id !== selfId && u[field] === value);
}

export const users: Resource<StoredUser, SeedUser, "users"> = {
  name: "users",
  label: "User",
  seed: {
    entry: seedEntry,
    check: (entry, seed) => {
      const email = entry.email.toLowerCase();
      const same = seed.entries(users).filter((u) => u.email.toLowerCase() === email);
      return same.length > 1 ? `email "${entry.email}" is used by another user` : undefined;
    },
    load: loadSeed,
  },
  model: userSchema,
  serialize,
  deleted: (user) => ({ type: "user.deleted", data: serialize(user), organizationId: null }),
  routes: () => [
    listRoute(users, "/user_management/users", (req, ctx) => {
      // `organization` is the deprecated spelling of organization_id.
      const organizationId = req.query.get("organization_id") || req.query.get("organization");
      const email = req.query.get("email")?.toLowerCase();
      if (organizationId && !ctx.store.of(organizations).has(organizationId)) {
        throw unprocessable(`Organization not found: '${organizationId}'.`, [
          { field: "organization_id", code: "organization_not_found" },
        ]);
      }
      const members = organizationId ? membersOf(ctx, organizationId) : undefined;
      return (u) => (!email || u.email === email) && (!members || members.has(u.id));
    }),
    {
      method: "POST",
      pattern: "/user_management/users",
      handler: (req, ctx) => {
        const input = readUserInput(requireObjectBody(req.body), true);
        const email = input.email ?? "";
        if (holderOf(ctx, "email", email, null)) {
          throw new ApiError(400, {
            code: "user_creation_error",
            message: "Could not create user.",
            errors: [{ code: "email_not_available", message: "This email is not available." }],
          });
        }
        if (input.external_id && holderOf(ctx, "external_id", input.external_id, null)) {
          throw new ApiError(400, {
            code: "user_creation_error",
            message: "Could not create user.",
            errors: [{ code: "external_id_already_used", message: "This external_id is already used." }],
          });
        }
        const at = isoTime(ctx.now());
        const user: StoredUser = {
          object: "user",
          id: newId(USER_ID_PREFIX),
          email,
          email_verified: input.email_verified ?? false,
          first_name: input.first_name ?? null,
          last_name: input.last_name ?? null,
          profile_picture_url: null,
          last_sign_in_at: null,
          external_id: input.external_id ?? null,
          metadata: { ...(input.metadata ?? {}) },
          locale: input.locale ?? null,
          created_at: at,
          updated_at: at,
        };
        ctx.store.of(users).insert(user);
        if (input.password !== undefined) setPassword(ctx.store, user.id, input.password);
        ctx.emit({ type: "user.created", data: serialize(user), organizationId: null });
        return { status: 201, body: serialize(user) };
      },
    },
    {
      method: "GET",
      pattern: "/user_management/users/external_id/:external_id",
      handler: (req, ctx) => {
        const externalId = req.params.external_id ?? "";
        const user = ctx.store
          .of(users)
          .values()
          .find((u) => u.external_id === externalId);
        if (!user) throw notFound(`User not found with external_id '${externalId}'.`);
        return { status: 200, body: serialize(user) };
      },
    },
    getRoute(users, "/user_management/users"),
    {
      method: "PUT",
      pattern: "/user_management/users/:id",
      handler: (req, ctx) => {
        const current = findOr404(ctx, users, req.params.id ?? "");
        const input = readUserInput(requireObjectBody(req.body), false);
        if (input.email !== undefined && holderOf(ctx, "email", input.email, current.id)) {
          throw badRequest("This email is not available.", "email_not_available");
        }
        if (input.external_id && holderOf(ctx, "external_id", input.external_id, current.id)) {
          throw badRequest(
            `A user with external_id "${input.external_id}" already exists.`,
            "external_id_already_used",
          );
        }
        const next: StoredUser = { ...current, updated_at: isoTime(ctx.now()) };
        if (input.email !== undefined && input.email !== current.email) {
          next.email = input.email;
          // A new address is unverified unless the caller says otherwise.
          next.email_verified = false;
        }
        if (input.email_verified !== undefined) next.email_verified = input.email_verified;
        if (input.first_name !== undefined) next.first_name = input.first_name;
        if (input.last_name !== undefined) next.last_name = input.last_name;
        if (input.external_id !== undefined) next.external_id = input.external_id;
        if (input.locale !== undefined) next.locale = input.locale;
        // Metadata is replaced wholly, as for organizations; null clears it.
        if (input.metadata !== undefined) next.metadata = { ...(input.metadata ?? {}) };
        ctx.store.of(users).replace(next);
        if (input.password !== undefined) setPassword(ctx.store, next.id, input.password);
        ctx.emit({ type: "user.updated", data: serialize(next), organizationId: null });
        return { status: 200, body: serialize(next) };
      },
    },
    deleteRoute(users, "/user_management/users", 200),
  ],
};

/** Ids of the users with a membership (of any status) in the organization. */
function membersOf(ctx: EmulatorContext, organizationId: string): Set<string> {
  const ids = new Set<string>();
  for (const m of ctx.store.of(organizationMemberships).values()) {
    if (m.organization_id === organizationId) ids.add(m.user_id);
  }
  return ids;
}
