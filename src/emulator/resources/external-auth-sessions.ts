import { z } from "zod";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import { type Resource, requiredString, type SeedLoader, seedId, toWire } from "../resource.js";
import type { EmulatorContext } from "../router.js";
import { isEmail, isRecord, requireObjectBody } from "../validate.js";
import { type StoredUser, users } from "./users.js";

// Standalone Connect: AuthKit sends the user to the application's own login with an `external_auth_id`; once
// the application has signed them in it calls POST /authkit/oauth2/complete, and AuthKit carries on at the
// returned redirect_uri. The emulator does not serve Connect's OAuth authorize step, so the pending sessions
// come from the seed (`external_auth_sessions`).

/** A Connect sign-in waiting for the application; completed once. */
export interface ExternalAuthSession {
  id: string;
  /** Where AuthKit continues (the OAuth client's callback); the code and state are added to it. */
  redirect_uri: string;
  state: string | null;
  completed: boolean;
}

const seedEntry = z.object({
  id: seedId,
  redirect_uri: requiredString(),
  state: z.string({ error: "must be a string" }).optional(),
});

export type SeedExternalAuthSession = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedExternalAuthSession[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = loader.stamp();
    loader.store.of(externalAuthSessions).insert({
      id: s.id ?? loader.fixedId("external_auth", at),
      redirect_uri: s.redirect_uri,
      state: s.state ?? null,
      completed: false,
    });
  }
}

function refuse(code: string, message: string): ApiError {
  return new ApiError(400, { code, message });
}

interface ExternalUser {
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  metadata?: Record<string, string>;
}

function readUser(value: unknown): ExternalUser {
  const ok =
    isRecord(value) &&
    typeof value.id === "string" &&
    value.id !== "" &&
    typeof value.email === "string" &&
    (value.first_name === undefined || typeof value.first_name === "string") &&
    (value.last_name === undefined || typeof value.last_name === "string") &&
    (value.metadata === undefined ||
      (isRecord(value.metadata) && Object.values(value.metadata).every((v) => typeof v === "string")));
  if (!ok) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: "user must hold an id and an email (and optional first_name, last_name, metadata).",
      errors: [{ field: "user", code: "invalid_user" }],
    });
  }
  const user = value as unknown as ExternalUser;
  if (!isEmail(user.email)) throw refuse("invalid_email", `'${user.email}' is not a valid email address.`);
  return user;
}

/** Creates the AuthKit user with this external id, or updates it (user.created or user.updated). */
function upsertUser(ctx: EmulatorContext, input: ExternalUser): void {
  const all = ctx.store.of(users);
  const email = input.email.toLowerCase();
  const existing = all.values().find((u) => u.external_id === input.id);
  const holder = all.values().find((u) => u.email === email);
  if (holder && holder.id !== existing?.id) {
    throw refuse("email_not_available", `The email ${email} already belongs to another user.`);
  }
  const at = isoTime(ctx.now());
  const fields = {
    email,
    ...(input.first_name === undefined ? {} : { first_name: input.first_name }),
    ...(input.last_name === undefined ? {} : { last_name: input.last_name }),
    ...(input.metadata === undefined ? {} : { metadata: { ...input.metadata } }),
    last_sign_in_at: at,
    updated_at: at,
  };
  const user: StoredUser = existing
    ? { ...existing, ...fields }
    : {
        object: "user",
        id: newId("user", ctx.now()),
        email_verified: true,
        first_name: null,
        last_name: null,
        profile_picture_url: null,
        external_id: input.id,
        metadata: {},
        locale: null,
        created_at: at,
        ...fields,
      };
  if (existing) all.replace(user);
  else all.insert(user);
  ctx.emit({
    type: existing ? "user.updated" : "user.created",
    data: toWire(users, user, ctx.store),
    organizationId: null,
  });
}

export const externalAuthSessions: Resource<
  ExternalAuthSession,
  SeedExternalAuthSession,
  "external_auth_sessions"
> = {
  name: "external_auth_sessions",
  label: "External auth session",
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    {
      method: "POST",
      pattern: "/authkit/oauth2/complete",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const id = body.external_auth_id;
        if (typeof id !== "string" || id === "") {
          throw new ApiError(422, {
            code: "invalid_request_parameters",
            message: "external_auth_id is required.",
            errors: [{ field: "external_auth_id", code: "required" }],
          });
        }
        const input = readUser(body.user);
        const session = ctx.store.of(externalAuthSessions).get(id);
        if (!session) throw notFound(`External auth session not found: '${id}'.`);
        if (session.completed) {
          throw refuse(
            "external_auth_session_already_completed",
            "This external auth session is already completed.",
          );
        }
        upsertUser(ctx, input);
        ctx.store.of(externalAuthSessions).replace({ ...session, completed: true });
        const next = new URL(session.redirect_uri);
        next.searchParams.set("code", randomToken(24));
        if (session.state !== null) next.searchParams.set("state", session.state);
        return { status: 200, body: { redirect_uri: next.toString() } };
      },
    },
  ],
};
