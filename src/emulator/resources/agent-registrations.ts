import { z } from "zod";
import {
  AGENT_REGISTRATION_ID_PREFIX,
  type AgentRegistration,
  agentRegistration,
} from "../../workos/agent-registration.js";
import { AGENT_REGISTRATION_KINDS, AGENT_REGISTRATION_STATUSES } from "../../workos-vocabulary.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource, SeedLoader } from "../resource.js";
import { oneOf, requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import type { ApiRequest, EmulatorContext } from "../router.js";
import { isEmail, isRecord } from "../validate.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { type StoredUser, users } from "./users.js";

/**
 * An agent registration with the secrets the emulator checks: its API key or access tokens, and its open claim.
 * WorkOS makes registrations when an agent signs up, through flows the spec does not list, so they come from
 * the seed; the three spec operations read, validate and claim them.
 */
export interface StoredAgentRegistration extends AgentRegistration {
  /** Credentials that validate as this registration's, with when each expires (null: never). */
  credentials: {
    type: "api_key" | "access_token";
    value: string;
    expires_at: string | null;
    audience: string | null;
  }[];
  /** The open claim attempt, if any: its token, the code the agent completes it with, and the user it names. */
  claim_attempt: { token: string; user_code: string; email: string | null } | null;
}

const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  status: oneOf(AGENT_REGISTRATION_STATUSES),
  kind: oneOf(AGENT_REGISTRATION_KINDS),
  /** The user the agent acts for, once claimed. */
  user_id: z.string({ error: "must be a string" }).optional(),
  api_key: z.string({ error: "must be a string" }).optional(),
  access_token: z
    .object({ value: requiredString(), audience: z.string().optional(), expires_at: z.string().optional() })
    .optional(),
  /** An open claim: the token a claim link carries, the code the agent completes it with, its expiry. */
  claim: z
    .object({
      claim_attempt_token: requiredString(),
      user_code: requiredString(),
      email: z.string().optional(),
      expires_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
      claimed_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
    })
    .optional(),
  ...seedTimestamps,
});

export type SeedAgentRegistration = z.input<typeof seedEntry>;

const DAY_MS = 24 * 60 * 60 * 1000;

function loadSeed(entries: readonly SeedAgentRegistration[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const updated = s.updated_at ?? at;
    const claimExpires = s.claim?.expires_at ?? isoTime(loader.now() + DAY_MS);
    const registration: StoredAgentRegistration = {
      id: s.id ?? loader.fixedId(AGENT_REGISTRATION_ID_PREFIX, at),
      agent_identity: {
        id: loader.fixedId("agent", at),
        userland_user_id: s.user_id ?? null,
        created_at: at,
        updated_at: updated,
      },
      organization_id: s.organization_id,
      status: s.status ?? "unverified",
      kind: s.kind ?? "anonymous",
      claim: s.claim
        ? {
            id: loader.fixedId("agent_claim", at),
            claim_completion: s.claim.claimed_at
              ? {
                  id: loader.fixedId("agent_claim_completion", at),
                  created_at: s.claim.claimed_at,
                  updated_at: s.claim.claimed_at,
                  expires_at: claimExpires,
                  claimed_at: s.claim.claimed_at,
                }
              : null,
            created_at: at,
            updated_at: updated,
            expires_at: claimExpires,
          }
        : null,
      created_at: at,
      updated_at: updated,
      credentials: [
        ...(s.api_key
          ? [{ type: "api_key" as const, value: s.api_key, expires_at: null, audience: null }]
          : []),
        ...(s.access_token
          ? [
              {
                type: "access_token" as const,
                value: s.access_token.value,
                expires_at: s.access_token.expires_at ?? isoTime(loader.now() + DAY_MS),
                audience: s.access_token.audience ?? null,
              },
            ]
          : []),
      ],
      claim_attempt: s.claim
        ? { token: s.claim.claim_attempt_token, user_code: s.claim.user_code, email: s.claim.email ?? null }
        : null,
    };
    loader.store.of(agentRegistrations).insert(registration);
  }
}

function serialize(r: StoredAgentRegistration): AgentRegistration {
  const { credentials: _c, claim_attempt: _a, ...rest } = r;
  return {
    ...rest,
    agent_identity: { ...rest.agent_identity },
    claim: rest.claim
      ? {
          ...rest.claim,
          claim_completion: rest.claim.claim_completion ? { ...rest.claim.claim_completion } : null,
        }
      : null,
  };
}

function refuse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ApiError {
  return new ApiError(status, { code, message, ...extra });
}

/** The validation answer: which registration a credential is, or that it is none. */
function validate(ctx: EmulatorContext, req: ApiRequest) {
  const body = req.body;
  const invalidRequest = (message: string) => refuse(400, "invalid_request", message);
  if (!isRecord(body)) throw invalidRequest("The request body must be a JSON object.");
  const { type, credential, audience } = body;
  if (type !== "api_key" && type !== "access_token")
    throw invalidRequest("type must be api_key or access_token.");
  if (typeof credential !== "string" || credential === "") throw invalidRequest("credential is required.");
  if (audience !== undefined && (type !== "access_token" || typeof audience !== "string" || audience === ""))
    throw invalidRequest("audience is a non-empty string, for access tokens only.");
  for (const r of ctx.store.of(agentRegistrations).values()) {
    const match = r.credentials.find((c) => c.type === type && c.value === credential);
    if (!match) continue;
    const expired = match.expires_at !== null && Date.parse(match.expires_at) <= ctx.now();
    const wrongAudience = audience !== undefined && match.audience !== audience;
    if (r.status === "revoked" || r.status === "expired" || expired || wrongAudience) break;
    return { valid: true, registration_id: r.id, expires_at: match.expires_at };
  }
  return { valid: false, registration_id: null, expires_at: null };
}

/** The organizations a user is an active member of, as the claim answers name them. */
function organizationsOf(ctx: EmulatorContext, userId: string): { id: string; name: string }[] {
  return ctx.store
    .of(organizationMemberships)
    .values()
    .filter((m) => m.user_id === userId && m.status === "active")
    .flatMap((m) => {
      const org = ctx.store.of(organizations).get(m.organization_id);
      return org ? [{ id: org.id, name: org.name }] : [];
    });
}

function linkExternalUser(ctx: EmulatorContext, req: ApiRequest) {
  const body = req.body;
  const invalid = (message: string) => refuse(400, "invalid_request", message);
  if (!isRecord(body)) throw invalid("The request body must be a JSON object.");
  if (body.type !== "link_external_user") throw invalid("type must be link_external_user.");
  const token = body.claim_attempt_token;
  if (typeof token !== "string" || token === "") throw invalid("claim_attempt_token is required.");
  const user = body.user;
  if (!isRecord(user) || typeof user.email !== "string" || !isEmail(user.email))
    throw invalid("user.email must be an email address.");
  if (typeof user.external_id !== "string" || user.external_id === "")
    throw invalid("user.external_id is required.");
  const orgChoice = body.organization_id;
  if (orgChoice !== undefined && (typeof orgChoice !== "string" || orgChoice === ""))
    throw invalid("organization_id must be a non-empty string.");

  const registration = ctx.store
    .of(agentRegistrations)
    .values()
    .find((r) => r.claim_attempt?.token === token);
  if (!registration?.claim || !registration.claim_attempt)
    throw refuse(400, "invalid_claim", "No claim attempt has this token.");
  if (Date.parse(registration.claim.expires_at) <= ctx.now())
    throw refuse(410, "claim_expired", "This claim attempt has expired.");
  if (registration.claim.claim_completion)
    throw refuse(409, "already_claimed", "This agent was already claimed.");
  const email = user.email.toLowerCase();
  if (registration.claim_attempt.email !== null && registration.claim_attempt.email.toLowerCase() !== email)
    throw refuse(400, "email_mismatch", "The claim attempt was started for another email address.");

  const all = ctx.store.of(users);
  let person: StoredUser | undefined = all.values().find((u) => u.external_id === user.external_id);
  if (person && person.email.toLowerCase() !== email)
    throw refuse(400, "email_mismatch", "The user with this external_id has another email address.");
  if (!person) {
    if (all.values().some((u) => u.email.toLowerCase() === email))
      throw refuse(409, "email_already_in_use", "Another user already has this email address.");
    const at = isoTime(ctx.now());
    person = {
      object: "user",
      id: newId("user"),
      email,
      email_verified: false,
      first_name: null,
      last_name: null,
      profile_picture_url: null,
      last_sign_in_at: null,
      external_id: user.external_id,
      metadata: {},
      locale: null,
      created_at: at,
      updated_at: at,
    };
    all.insert(person);
    ctx.emit({ type: "user.created", data: toWire(users, person, ctx.store), organizationId: null });
  }
  const choices = organizationsOf(ctx, person.id);
  if (orgChoice !== undefined && !choices.some((o) => o.id === orgChoice))
    throw refuse(400, "invalid_organization", `The user is not a member of '${orgChoice}'.`);
  if (orgChoice === undefined && choices.length > 1)
    throw refuse(
      409,
      "organization_selection_required",
      "The user belongs to several organizations: pick one.",
      {
        organizations: choices,
      },
    );
  const at = isoTime(ctx.now());
  const next: StoredAgentRegistration = {
    ...registration,
    agent_identity: { ...registration.agent_identity, userland_user_id: person.id, updated_at: at },
    organization_id: (orgChoice as string | undefined) ?? choices[0]?.id ?? registration.organization_id,
    updated_at: at,
  };
  ctx.store.of(agentRegistrations).replace(next);
  return {
    id: next.id,
    status: next.status,
    user_code: registration.claim_attempt.user_code,
    organizations: choices,
  };
}

export const agentRegistrations: Resource<
  StoredAgentRegistration,
  SeedAgentRegistration,
  "agent_registrations"
> = {
  name: "agent_registrations",
  label: "Agent registration",
  model: agentRegistration,
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  serialize,
  routes: () => [
    {
      method: "GET",
      pattern: "/agents/registrations/:id",
      handler: (req, ctx) => {
        const found = ctx.store.of(agentRegistrations).get(req.params.id ?? "");
        if (!found) throw notFound(`Agent registration not found: '${req.params.id ?? ""}'.`);
        return { status: 200, body: serialize(found) };
      },
    },
    {
      method: "POST",
      pattern: "/agents/credentials/validate",
      handler: (req, ctx) => ({ status: 200, body: validate(ctx, req) }),
    },
    {
      method: "PATCH",
      pattern: "/agents/claims/attempts",
      handler: (req, ctx) => ({ status: 200, body: linkExternalUser(ctx, req) }),
    },
  ],
};
