import { z } from "zod";
import {
  DOMAIN_DATA_STATES,
  DOMAIN_STATES,
  DOMAIN_VERIFICATION_STRATEGIES,
  EXTERNAL_ID_MAX_LENGTH,
  METADATA_LIMITS,
} from "../../workos-vocabulary.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import {
  oneOf,
  type Resource,
  requiredString,
  type SeedLoader,
  seedId,
  seedTimestamps,
} from "../resource.js";
import { deleteRoute, findOr404, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { commaList, contains, FieldErrors, isDomain, isRecord, requireObjectBody } from "../validate.js";

export interface OrganizationDomain {
  object: "organization_domain";
  id: string;
  organization_id: string;
  domain: string;
  state: (typeof DOMAIN_STATES)[number];
  verification_strategy: (typeof DOMAIN_VERIFICATION_STRATEGIES)[number];
  verification_prefix?: string;
  verification_token?: string;
  created_at: string;
  updated_at: string;
}

export interface Organization {
  object: "organization";
  id: string;
  name: string;
  domains: OrganizationDomain[];
  metadata: Record<string, string>;
  external_id: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
  created_at: string;
  updated_at: string;
}

const seedDomain = z.union(
  [
    z.string(),
    z.object({
      id: seedId,
      domain: z.string({ error: "must be a string" }),
      state: oneOf(DOMAIN_STATES),
      verification_strategy: oneOf(DOMAIN_VERIFICATION_STRATEGIES),
    }),
  ],
  { error: 'must be a domain name or an object with a "domain" string' },
);

const seedEntry = z.object({
  id: seedId,
  name: requiredString(),
  /** A bare name is a verified domain. */
  domains: z.array(seedDomain, { error: "must be an array" }).optional(),
  domain_data: z
    .array(z.object({ domain: z.string({ error: "must be a string" }), state: z.enum(DOMAIN_STATES) }))
    .optional(),
  metadata: z.record(z.string(), z.string(), { error: "must be an object" }).nullable().optional(),
  external_id: z.string().nullable().optional(),
  stripe_customer_id: z.string().optional(),
  allow_profiles_outside_organization: z.boolean().optional(),
  ...seedTimestamps,
});

export type SeedOrganization = z.input<typeof seedEntry>;

function verificationFields(state: string): Partial<OrganizationDomain> {
  if (state === "verified" || state === "legacy_verified") return { verification_strategy: "manual" };
  return {
    verification_strategy: "dns",
    verification_prefix: "workos-domain-verification",
    verification_token: randomToken(12),
  };
}

function makeDomain(organizationId: string, domain: string, state: string, at: string, id?: string) {
  return {
    object: "organization_domain",
    id: id ?? newId("org_domain"),
    organization_id: organizationId,
    domain: domain.toLowerCase(),
    state: state as OrganizationDomain["state"],
    verification_strategy: "manual",
    ...verificationFields(state),
    created_at: at,
    updated_at: at,
  } satisfies OrganizationDomain as OrganizationDomain;
}

function loadSeed(entries: readonly SeedOrganization[], loader: SeedLoader): void {
  // Stamped in seed order, then inserted by creation time.
  const stamped = entries.map((s) => ({ s, at: s.created_at ?? loader.stamp() }));
  for (const { s, at } of stamped.sort((a, b) => a.at.localeCompare(b.at))) {
    const id = s.id ?? loader.fixedId("org", at);
    const domains: OrganizationDomain[] = [];
    for (const d of s.domains ?? []) {
      const domainId = (typeof d === "string" ? undefined : d.id) ?? loader.fixedId("org_domain", at);
      if (typeof d === "string") domains.push(makeDomain(id, d, "verified", at, domainId));
      else {
        const domain = makeDomain(id, d.domain, d.state ?? "verified", at, domainId);
        if (d.verification_strategy !== undefined) domain.verification_strategy = d.verification_strategy;
        domains.push(domain);
      }
    }
    for (const d of s.domain_data ?? []) {
      domains.push(makeDomain(id, d.domain, d.state, at, loader.fixedId("org_domain", at)));
    }
    const org: Organization = {
      object: "organization",
      id,
      name: s.name,
      domains,
      metadata: { ...(s.metadata ?? {}) },
      external_id: s.external_id ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    };
    if (s.stripe_customer_id !== undefined) org.stripe_customer_id = s.stripe_customer_id;
    if (s.allow_profiles_outside_organization !== undefined) {
      org.allow_profiles_outside_organization = s.allow_profiles_outside_organization;
    }
    loader.store.of(organizations).insert(org);
  }
}

function serialize(org: Organization): Record<string, unknown> {
  return { ...org, domains: org.domains.map((d) => ({ ...d })), metadata: { ...org.metadata } };
}

/** Event payloads for organization.* omit the deprecated allow_profiles_outside_organization. */
function eventData(org: Organization): Record<string, unknown> {
  const { allow_profiles_outside_organization: _ignored, ...rest } = serialize(org);
  return rest;
}

interface DomainInput {
  domain: string;
  state: (typeof DOMAIN_DATA_STATES)[number];
}

interface OrganizationInput {
  name?: string;
  domains?: DomainInput[];
  metadata?: Record<string, string> | null;
  external_id?: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
}

function readInput(body: Record<string, unknown>, creating: boolean): OrganizationInput {
  const errors = new FieldErrors();
  const input: OrganizationInput = {};
  if (body.name !== undefined || creating) {
    if (typeof body.name !== "string" || body.name.trim() === "") {
      errors.add("name", "name_required", "name is required and must be a non-empty string.");
    } else input.name = body.name;
  }
  if (body.allow_profiles_outside_organization !== undefined) {
    if (typeof body.allow_profiles_outside_organization !== "boolean") {
      errors.add(
        "allow_profiles_outside_organization",
        "invalid_type",
        "allow_profiles_outside_organization must be a boolean.",
      );
    } else input.allow_profiles_outside_organization = body.allow_profiles_outside_organization;
  }
  const domains: DomainInput[] = [];
  let domainsGiven = false;
  if (body.domain_data !== undefined) {
    domainsGiven = true;
    if (!Array.isArray(body.domain_data))
      errors.add("domain_data", "invalid_type", "domain_data must be an array.");
    else
      body.domain_data.forEach((d: unknown, i) => {
        if (!isRecord(d) || typeof d.domain !== "string" || !isDomain(d.domain)) {
          errors.add(
            `domain_data[${i}].domain`,
            "invalid_domain",
            `domain_data[${i}].domain must be a valid domain.`,
          );
        } else if (!(DOMAIN_DATA_STATES as readonly unknown[]).includes(d.state)) {
          errors.add(
            `domain_data[${i}].state`,
            "invalid_state",
            `domain_data[${i}].state must be ${DOMAIN_DATA_STATES.join(" or ")}.`,
          );
        } else domains.push({ domain: d.domain.toLowerCase(), state: d.state as DomainInput["state"] });
      });
  }
  if (body.domains !== undefined) {
    domainsGiven = true;
    if (!Array.isArray(body.domains))
      errors.add("domains", "invalid_type", "domains must be an array of strings.");
    else
      body.domains.forEach((d: unknown, i) => {
        if (typeof d !== "string" || !isDomain(d)) {
          errors.add(`domains[${i}]`, "invalid_domain", `domains[${i}] must be a valid domain.`);
        } else if (!domains.some((x) => x.domain === d.toLowerCase())) {
          domains.push({ domain: d.toLowerCase(), state: "verified" });
        }
      });
  }
  if (domainsGiven) input.domains = domains;
  if (body.metadata !== undefined) {
    if (body.metadata !== null && !isRecord(body.metadata)) {
      errors.add("metadata", "invalid_type", "metadata must be an object or null.");
    } else input.metadata = body.metadata as Record<string, string> | null;
  }
  if (body.external_id !== undefined) {
    const id = body.external_id;
    if (id === null) input.external_id = null;
    else if (typeof id !== "string" || id === "") {
      errors.add("external_id", "invalid_type", "external_id must be a non-empty string or null.");
    } else if (id.length > EXTERNAL_ID_MAX_LENGTH) {
      errors.add(
        "external_id",
        "external_id_too_long",
        `external_id must be at most ${EXTERNAL_ID_MAX_LENGTH} characters.`,
      );
    } else if (!isAscii(id)) {
      errors.add("external_id", "external_id_not_ascii", "external_id must contain only ASCII characters.");
    } else input.external_id = id;
  }
  if (!creating && body.stripe_customer_id !== undefined) {
    if (typeof body.stripe_customer_id !== "string" || body.stripe_customer_id === "") {
      errors.add("stripe_customer_id", "invalid_type", "stripe_customer_id must be a non-empty string.");
    } else input.stripe_customer_id = body.stripe_customer_id;
  }
  errors.throwIfAny();
  if (input.metadata) checkMetadata(input.metadata);
  return input;
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return false;
  return true;
}

function checkMetadata(metadata: Record<string, unknown>): void {
  const { keys: maxKeys, keyLength, valueLength } = METADATA_LIMITS;
  const keys = Object.keys(metadata);
  if (keys.length > maxKeys)
    throw badRequest(`Metadata can have at most ${maxKeys} keys.`, "invalid_metadata");
  for (const key of keys) {
    const value = metadata[key];
    if (key.length > keyLength)
      throw badRequest(
        `Metadata key "${key.slice(0, keyLength)}…" exceeds ${keyLength} characters.`,
        "invalid_metadata",
      );
    if (typeof value !== "string")
      throw badRequest(`Metadata value for "${key}" must be a string.`, "invalid_metadata");
    if (value.length > valueLength)
      throw badRequest(`Metadata value for "${key}" exceeds ${valueLength} characters.`, "invalid_metadata");
  }
}

function checkUniqueness(ctx: EmulatorContext, input: OrganizationInput, selfId: string | null): void {
  const all = ctx.store.of(organizations).values();
  for (const org of all) {
    if (org.id === selfId) continue;
    if (input.external_id && org.external_id === input.external_id) {
      throw badRequest(
        `An organization with external_id "${input.external_id}" already exists.`,
        "external_id_already_used",
      );
    }
    if (input.stripe_customer_id && org.stripe_customer_id === input.stripe_customer_id) {
      throw badRequest(
        "Another organization already uses this stripe_customer_id.",
        "stripe_customer_id_already_used",
      );
    }
  }
  for (const wanted of input.domains ?? []) {
    for (const org of all) {
      if (org.id !== selfId && org.domains.some((d) => d.domain === wanted.domain)) {
        throw conflict(
          `The domain ${wanted.domain} is already associated with another organization.`,
          "domain_already_used",
        );
      }
    }
  }
}

/** A domain whose state did not change keeps its id and verification token. */
function buildDomains(orgId: string, wanted: DomainInput[], existing: OrganizationDomain[], at: string) {
  return wanted.map((w) => {
    const prior = existing.find((d) => d.domain === w.domain);
    if (prior && prior.state === w.state) return prior;
    return makeDomain(orgId, w.domain, w.state, at, prior?.id);
  });
}

export const organizations: Resource<Organization, SeedOrganization, "organizations"> = {
  name: "organizations",
  label: "Organization",
  seed: { entry: seedEntry, load: loadSeed },
  serialize,
  deleted: (org) => ({ type: "organization.deleted", data: eventData(org), organizationId: org.id }),
  routes: () => [
    listRoute(organizations, "/organizations", (req) => {
      const domains = commaList(req.query, "domains")?.map((d) => d.toLowerCase());
      const search = req.query.get("search") ?? "";
      return (org) =>
        (!domains || org.domains.some((d) => domains.includes(d.domain))) &&
        (!search || contains(org.name, search));
    }),
    {
      method: "POST",
      pattern: "/organizations",
      handler: (req, ctx) => {
        const input = readInput(requireObjectBody(req.body), true);
        checkUniqueness(ctx, input, null);
        const at = isoTime(ctx.now());
        const id = newId("org");
        const org: Organization = {
          object: "organization",
          id,
          name: input.name ?? "",
          domains: buildDomains(id, input.domains ?? [], [], at),
          metadata: { ...(input.metadata ?? {}) },
          external_id: input.external_id ?? null,
          created_at: at,
          updated_at: at,
        };
        if (input.allow_profiles_outside_organization !== undefined) {
          org.allow_profiles_outside_organization = input.allow_profiles_outside_organization;
        }
        ctx.store.of(organizations).insert(org);
        ctx.emit({ type: "organization.created", data: eventData(org), organizationId: org.id });
        return { status: 201, body: serialize(org) };
      },
    },
    {
      method: "GET",
      pattern: "/organizations/external_id/:external_id",
      handler: (req, ctx) => {
        const externalId = req.params.external_id ?? "";
        const org = ctx.store
          .of(organizations)
          .values()
          .find((o) => o.external_id === externalId);
        if (!org) throw notFound(`Organization not found with external_id '${externalId}'.`);
        return { status: 200, body: serialize(org) };
      },
    },
    getRoute(organizations, "/organizations"),
    {
      method: "PUT",
      pattern: "/organizations/:id",
      handler: (req, ctx) => {
        const current = findOr404(ctx, organizations, req.params.id ?? "");
        const input = readInput(requireObjectBody(req.body), false);
        checkUniqueness(ctx, input, current.id);
        const at = isoTime(ctx.now());
        const next: Organization = { ...current, updated_at: at };
        if (input.name !== undefined) next.name = input.name;
        if (input.domains !== undefined)
          next.domains = buildDomains(current.id, input.domains, current.domains, at);
        // Metadata is replaced wholly, not merged; null clears it.
        if (input.metadata !== undefined) next.metadata = { ...(input.metadata ?? {}) };
        if (input.external_id !== undefined) next.external_id = input.external_id;
        if (input.stripe_customer_id !== undefined) next.stripe_customer_id = input.stripe_customer_id;
        if (input.allow_profiles_outside_organization !== undefined) {
          next.allow_profiles_outside_organization = input.allow_profiles_outside_organization;
        }
        ctx.store.of(organizations).replace(next);
        ctx.emit({ type: "organization.updated", data: eventData(next), organizationId: next.id });
        return { status: 200, body: serialize(next) };
      },
    },
    deleteRoute(organizations, "/organizations", 202),
  ],
};
