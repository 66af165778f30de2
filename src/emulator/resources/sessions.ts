import { z } from "zod";
import { SESSION_ID_PREFIX, type Session, session as sessionSchema } from "../../workos/session.js";
import { SESSION_AUTH_METHODS, SESSION_STATUSES } from "../../workos-vocabulary.js";
import { badRequest } from "../errors.js";
import { isoTime } from "../ids.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { byCreation, oneOf, requiredString, seedId, seedTimestamps } from "../resource.js";
import { findOr404, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { isRecord } from "../validate.js";
import { users } from "./users.js";

/** An AuthKit session as the emulator stores it: the wire object itself. */
export type StoredSession = Stored<Session>;

const DAY_MS = 86_400_000;
/** How long a seeded session lasts unless the seed says. */
const SESSION_DAYS = 30;

const seedEntry = z.object({
  id: seedId,
  user_id: requiredString(),
  organization_id: z.string({ error: "must be a string" }).optional(),
  ip_address: z.string().nullable().optional(),
  user_agent: z.string().nullable().optional(),
  auth_method: oneOf(SESSION_AUTH_METHODS),
  status: oneOf(SESSION_STATUSES),
  expires_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
  ...seedTimestamps,
});

export type SeedSession = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedSession[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const status = s.status ?? "active";
    const updated = s.updated_at ?? at;
    const session: StoredSession = {
      object: "session",
      id: s.id ?? loader.fixedId(SESSION_ID_PREFIX, at),
      user_id: s.user_id,
      ip_address: s.ip_address ?? null,
      user_agent: s.user_agent ?? null,
      auth_method: s.auth_method ?? "password",
      status,
      expires_at: s.expires_at ?? isoTime(Date.parse(at) + SESSION_DAYS * DAY_MS),
      ended_at: status === "active" ? null : updated,
      created_at: at,
      updated_at: updated,
    };
    if (s.organization_id !== undefined) session.organization_id = s.organization_id;
    loader.store.of(sessions).insert(session);
  }
}

/** An active session past its expiry has ended. */
function expireDue(ctx: EmulatorContext): void {
  const now = ctx.now();
  const all = ctx.store.of(sessions);
  for (const s of all.values()) {
    if (s.status === "active" && Date.parse(s.expires_at) <= now) {
      all.replace({ ...s, status: "expired", ended_at: s.expires_at });
    }
  }
}

export const sessions: Resource<StoredSession, SeedSession, "sessions"> = {
  name: "sessions",
  label: "Session",
  model: sessionSchema,
  parents: { user_id: "users", organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    // "A list of all active sessions for a specific user": ended ones are left out.
    listRoute(sessions, "/user_management/users/:id/sessions", (req, ctx) => {
      const user = findOr404(ctx, users, req.params.id ?? "");
      expireDue(ctx);
      return (s) => s.user_id === user.id && s.status === "active";
    }),
    {
      method: "POST",
      pattern: "/user_management/sessions/revoke",
      handler: (req, ctx) => {
        const id = isRecord(req.body) ? req.body.session_id : undefined;
        if (typeof id !== "string" || id === "") throw badRequest("session_id is required.");
        expireDue(ctx);
        const session = ctx.store.of(sessions).get(id);
        if (!session) throw badRequest(`StoredSession not found: '${id}'.`);
        // Revoking an ended session changes nothing.
        if (session.status !== "active") return { status: 200 };
        const at = isoTime(ctx.now());
        const next: StoredSession = { ...session, status: "revoked", ended_at: at, updated_at: at };
        ctx.store.of(sessions).replace(next);
        ctx.emit({
          type: "session.revoked",
          data: { ...next },
          organizationId: next.organization_id ?? null,
        });
        return { status: 200 };
      },
    },
  ],
};
