import { z } from "zod";
import type { Invitation } from "../../workos/invitation.js";
import { INVITATION_ID_PREFIX, invitation as invitationSchema } from "../../workos/invitation.js";
import { ORGANIZATION_MEMBERSHIP_ID_PREFIX } from "../../workos/organization-membership.js";
import {
  DEFAULT_ROLE_SLUG,
  INVITATION_EXPIRES_IN_DAYS,
  INVITATION_STATES,
  ROLE_SLUG_PATTERN,
} from "../../workos-vocabulary.js";
import { badRequest, notFound, unprocessable } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import type { EmittedEvent, Resource, SeedLoader, Stored } from "../resource.js";
import { byCreation, oneOf, requiredString, seedId, seedTimestamps } from "../resource.js";
import { findOr404, listRoute } from "../resource-routes.js";
import type { EmulatorContext, Route } from "../router.js";
import { FieldErrors, isEmail, requireObjectBody } from "../validate.js";
import { membershipEvent, organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/** An invitation as the emulator stores it: the wire object less its accept URL, which serialize() makes of the token. */
export type StoredInvitation = Omit<Stored<Invitation>, "accept_invitation_url">;

const PATH = "/user_management/invitations";
const DAY_MS = 86_400_000;

// The sign-up page of the customer's own app, where WorkOS links invitations; the emulator has no app.
const ACCEPT_URL = "http://localhost:3000/invite?invitation_token=";

const seedEntry = z.object({
  id: seedId,
  email: requiredString(),
  state: oneOf(INVITATION_STATES),
  organization_id: z.string().nullable().optional(),
  inviter_user_id: z.string().nullable().optional(),
  role_slug: z
    .string({ error: "must be a string" })
    .regex(ROLE_SLUG_PATTERN, { error: "must be a role slug such as admin or member" })
    .nullable()
    .optional(),
  expires_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
  ...seedTimestamps,
});

export type SeedInvitation = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedInvitation[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    const state = s.state ?? "pending";
    const updated = s.updated_at ?? at;
    const organizationId = s.organization_id ?? null;
    const accepted =
      state === "accepted"
        ? loader.store
            .of(users)
            .values()
            .find((u) => u.email === s.email)
        : undefined;
    loader.store.of(invitations).insert({
      object: "invitation",
      id: s.id ?? loader.fixedId(INVITATION_ID_PREFIX, at),
      email: s.email.toLowerCase(),
      state,
      accepted_at: state === "accepted" ? updated : null,
      revoked_at: state === "revoked" ? updated : null,
      expires_at: s.expires_at ?? isoTime(Date.parse(at) + INVITATION_EXPIRES_IN_DAYS.default * DAY_MS),
      organization_id: organizationId,
      inviter_user_id: s.inviter_user_id ?? null,
      accepted_user_id: accepted?.id ?? null,
      role_slug: s.role_slug ?? (organizationId === null ? null : DEFAULT_ROLE_SLUG),
      created_at: at,
      updated_at: updated,
      token: randomToken(18),
    });
  }
}

/** What events carry: the invitation without its token and link. */
function eventData({ token: _token, ...rest }: StoredInvitation): Record<string, unknown> {
  return { ...rest };
}

function serialize(invitation: StoredInvitation): Record<string, unknown> {
  return { ...invitation, accept_invitation_url: `${ACCEPT_URL}${invitation.token}` };
}

/** A pending invitation past its expiry reads as expired, as WorkOS shows it. */
function expireDue(ctx: EmulatorContext): void {
  const now = ctx.now();
  const all = ctx.store.of(invitations);
  for (const inv of all.values()) {
    if (inv.state === "pending" && Date.parse(inv.expires_at) <= now)
      all.replace({ ...inv, state: "expired" });
  }
}

function event(type: EmittedEvent["type"], inv: StoredInvitation) {
  return { type, data: eventData(inv), organizationId: inv.organization_id };
}

interface InvitationInput {
  email: string;
  organization_id?: string;
  role_slug?: string;
  expires_in_days?: number;
  inviter_user_id?: string;
}

function readInput(body: Record<string, unknown>): InvitationInput {
  const errors = new FieldErrors();
  if (typeof body.email !== "string" || !isEmail(body.email)) {
    errors.add("email", "invalid_email", "email is required and must be an email address.");
  }
  for (const field of ["organization_id", "role_slug", "inviter_user_id", "locale"] as const) {
    const value = body[field];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      errors.add(field, "invalid_type", `${field} must be a non-empty string.`);
    }
  }
  const days = body.expires_in_days;
  if (days !== undefined && !Number.isInteger(days)) {
    errors.add("expires_in_days", "invalid_type", "expires_in_days must be an integer.");
  }
  errors.throwIfAny();
  const input: InvitationInput = { email: (body.email as string).toLowerCase() };
  if (typeof body.organization_id === "string") input.organization_id = body.organization_id;
  if (typeof body.role_slug === "string") input.role_slug = body.role_slug;
  if (typeof body.inviter_user_id === "string") input.inviter_user_id = body.inviter_user_id;
  if (typeof days === "number") input.expires_in_days = days;
  return input;
}

function send(ctx: EmulatorContext, input: InvitationInput): StoredInvitation {
  const days = input.expires_in_days ?? INVITATION_EXPIRES_IN_DAYS.default;
  if (days < INVITATION_EXPIRES_IN_DAYS.min) {
    throw badRequest(
      `expires_in_days must be at least ${INVITATION_EXPIRES_IN_DAYS.min}.`,
      "expires_in_days_too_short",
    );
  }
  if (days > INVITATION_EXPIRES_IN_DAYS.max) {
    throw badRequest(
      `expires_in_days must be at most ${INVITATION_EXPIRES_IN_DAYS.max}.`,
      "expires_in_days_too_long",
    );
  }
  const organizationId = input.organization_id ?? null;
  if (organizationId !== null) findOr404(ctx, organizations, organizationId);
  if (input.inviter_user_id !== undefined) findOr404(ctx, users, input.inviter_user_id);
  if (
    input.role_slug !== undefined &&
    (organizationId === null || !ROLE_SLUG_PATTERN.test(input.role_slug))
  ) {
    throw badRequest(
      organizationId === null
        ? "role_slug needs an organization_id."
        : `Role '${input.role_slug}' is not a valid role.`,
      "invalid_role",
    );
  }
  const user = ctx.store
    .of(users)
    .values()
    .find((u) => u.email === input.email);
  if (user && organizationId === null) {
    throw badRequest(`A user with email ${input.email} already exists.`, "user_already_exists");
  }
  if (
    user &&
    ctx.store
      .of(organizationMemberships)
      .values()
      .some((m) => m.user_id === user.id && m.organization_id === organizationId && m.status !== "pending")
  ) {
    throw badRequest(
      `${input.email} is already a member of this organization.`,
      "user_already_organization_member",
    );
  }
  const open = ctx.store
    .of(invitations)
    .values()
    .some(
      (inv) => inv.state === "pending" && inv.email === input.email && inv.organization_id === organizationId,
    );
  if (open) {
    throw organizationId === null
      ? badRequest(`${input.email} already has a pending invitation.`, "email_already_invited")
      : badRequest(
          `${input.email} already has a pending invitation to this organization.`,
          "email_already_invited_to_organization",
        );
  }
  const now = ctx.now();
  const at = isoTime(now);
  const invitation: StoredInvitation = {
    object: "invitation",
    id: newId(INVITATION_ID_PREFIX),
    email: input.email,
    state: "pending",
    accepted_at: null,
    revoked_at: null,
    expires_at: isoTime(now + days * DAY_MS),
    organization_id: organizationId,
    inviter_user_id: input.inviter_user_id ?? null,
    accepted_user_id: null,
    role_slug: organizationId === null ? null : (input.role_slug ?? DEFAULT_ROLE_SLUG),
    created_at: at,
    updated_at: at,
    token: randomToken(18),
  };
  ctx.store.of(invitations).insert(invitation);
  ctx.emit(event("invitation.created", invitation));
  return invitation;
}

/** POST <path>/:id/<action>: acts on a pending invitation only. */
function actionRoute(action: "resend" | "revoke"): Route {
  return {
    method: "POST",
    pattern: `${PATH}/:id/${action}`,
    handler: (req, ctx) => {
      expireDue(ctx);
      const current = findOr404(ctx, invitations, req.params.id ?? "");
      if (current.state !== "pending") {
        if (action === "revoke") {
          throw badRequest(`The invitation is ${current.state}, not pending.`, "invite_not_pending");
        }
        const code = { accepted: "invite_accepted", expired: "invite_expired", revoked: "invite_revoked" }[
          current.state
        ];
        throw badRequest(`The invitation is ${current.state}; send a new one instead.`, code);
      }
      const at = isoTime(ctx.now());
      const next: StoredInvitation =
        action === "revoke"
          ? { ...current, state: "revoked", revoked_at: at, updated_at: at }
          : { ...current, updated_at: at };
      ctx.store.of(invitations).replace(next);
      ctx.emit(event(action === "revoke" ? "invitation.revoked" : "invitation.resent", next));
      return { status: 200, body: serialize(next) };
    },
  };
}

/**
 * POST <path>/:id/accept: the invitee (a user with the invitation's email) accepts; an invitation to an
 * organization activates their pending membership, or makes one with the invitation's role.
 */
export function accept(ctx: EmulatorContext, id: string): StoredInvitation {
  expireDue(ctx);
  const current = findOr404(ctx, invitations, id);
  if (current.accepted_user_id !== null) {
    throw badRequest("The invitation was already accepted by a user.", "invite_has_accepted_user_id");
  }
  if (current.state !== "pending") {
    throw badRequest(`The invitation is ${current.state}, not pending.`, "invite_not_pending");
  }
  const user = ctx.store
    .of(users)
    .values()
    .find((u) => u.email === current.email);
  if (!user) {
    throw badRequest(`No user has the email ${current.email}; sign the invitee up first.`, "invalid_invite");
  }
  const at = isoTime(ctx.now());
  if (current.organization_id !== null) {
    const all = ctx.store.of(organizationMemberships);
    const existing = all
      .values()
      .find((m) => m.user_id === user.id && m.organization_id === current.organization_id);
    const role = { slug: current.role_slug ?? DEFAULT_ROLE_SLUG };
    if (existing && existing.status !== "active") {
      const next = { ...existing, status: "active" as const, updated_at: at };
      all.replace(next);
      ctx.emit(membershipEvent("organization_membership.updated", next));
    } else if (!existing) {
      const created = {
        object: "organization_membership" as const,
        id: newId(ORGANIZATION_MEMBERSHIP_ID_PREFIX),
        user_id: user.id,
        organization_id: current.organization_id,
        status: "active" as const,
        role,
        directory_managed: false,
        custom_attributes: {},
        created_at: at,
        updated_at: at,
      };
      all.insert(created);
      ctx.emit(membershipEvent("organization_membership.created", created));
    }
  }
  const next: StoredInvitation = {
    ...current,
    state: "accepted",
    accepted_at: at,
    accepted_user_id: user.id,
    updated_at: at,
  };
  ctx.store.of(invitations).replace(next);
  ctx.emit(event("invitation.accepted", next));
  return next;
}

export const invitations: Resource<StoredInvitation, SeedInvitation, "invitations"> = {
  name: "invitations",
  label: "Invitation",
  parents: { organization_id: "organizations" },
  seed: {
    entry: seedEntry,
    check: (entry, seed) =>
      typeof entry.inviter_user_id === "string" &&
      !seed.entries(users).some((u) => u.id === entry.inviter_user_id)
        ? `inviter_user_id "${entry.inviter_user_id}" does not match any object in "users"`
        : undefined,
    load: loadSeed,
  },
  model: invitationSchema,
  serialize,
  routes: () => [
    listRoute(invitations, PATH, (req, ctx) => {
      const organizationId = req.query.get("organization_id");
      const email = req.query.get("email")?.toLowerCase();
      if (email && !isEmail(email)) {
        throw unprocessable("email must be an email address.", [{ field: "email", code: "invalid_email" }]);
      }
      expireDue(ctx);
      return (inv) =>
        (!organizationId || inv.organization_id === organizationId) && (!email || inv.email === email);
    }),
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        expireDue(ctx);
        const invitation = send(ctx, readInput(requireObjectBody(req.body)));
        return { status: 201, body: serialize(invitation) };
      },
    },
    {
      method: "GET",
      pattern: `${PATH}/:id`,
      handler: (req, ctx) => {
        expireDue(ctx);
        return { status: 200, body: serialize(findOr404(ctx, invitations, req.params.id ?? "")) };
      },
    },
    actionRoute("resend"),
    actionRoute("revoke"),
    {
      method: "POST",
      pattern: `${PATH}/:id/accept`,
      handler: (req, ctx) => ({ status: 200, body: serialize(accept(ctx, req.params.id ?? "")) }),
    },
    {
      method: "GET",
      pattern: `${PATH}/by_token/:token`,
      handler: (req, ctx) => {
        expireDue(ctx);
        const token = req.params.token ?? "";
        const found = ctx.store
          .of(invitations)
          .values()
          .find((inv) => inv.token === token);
        if (!found) throw notFound(`Invitation not found with token '${token}'.`);
        return { status: 200, body: serialize(found) };
      },
    },
  ],
};
