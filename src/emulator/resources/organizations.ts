import { z } from "zod";
import { ORGANIZATION_ID_PREFIX, type Organization, organization } from "../../workos/organization.js";
import { ORGANIZATION_DOMAIN_ID_PREFIX } from "../../workos/organization-domain.js";
import { DOMAIN_STATES } from "../../workos-vocabulary.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource, SeedLoader, Stored } from "../resource.js";
import { requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, findOr404, getRoute, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { commaList, contains, requireObjectBody } from "../validate.js";
import { buildDomains, makeDomain, type StoredDomain, seedDomain } from "./organization-domain-data.js";
import { type OrganizationInput, readOrganizationInput } from "./organization-input.js";

/** An organization as the emulator stores it: the wire object, its domains inside it. */
export type StoredOrganization = Stored<Organization>;

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

function loadSeed(entries: readonly SeedOrganization[], loader: SeedLoader): void {
  // Stamped in seed order, then inserted by creation time.
  const stamped = entries.map((s) => ({ s, at: s.created_at ?? loader.stamp() }));
  for (const { s, at } of stamped.sort((a, b) => a.at.localeCompare(b.at))) {
    const id = s.id ?? loader.fixedId(ORGANIZATION_ID_PREFIX, at);
    const domains: StoredDomain[] = [];
    for (const d of s.domains ?? []) {
      const domainId =
        (typeof d === "string" ? undefined : d.id) ?? loader.fixedId(ORGANIZATION_DOMAIN_ID_PREFIX, at);
      if (typeof d === "string") domains.push(makeDomain(id, d, "verified", at, domainId));
      else {
        const domain = makeDomain(id, d.domain, d.state ?? "verified", at, domainId);
        if (d.verification_strategy !== undefined) domain.verification_strategy = d.verification_strategy;
        domains.push(domain);
      }
    }
    for (const d of s.domain_data ?? []) {
      domains.push(makeDomain(id, d.domain, d.state, at, loader.fixedId(ORGANIZATION_DOMAIN_ID_PREFIX, at)));
    }
    const org: StoredOrganization = {
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

function serialize(org: StoredOrganization): Record<string, unknown> {
  return { ...org, domains: org.domains.map((d) => ({ ...d })), metadata: { ...org.metadata } };
}

/** Event payloads for organization.* omit the deprecated allow_profiles_outside_organization. */
function eventData(org: StoredOrganization): Record<string, unknown> {
  const { allow_profiles_outside_organization: _ignored, ...rest } = serialize(org);
  return rest;
}

/** An update's `previous_attributes`: the old value of each field it changed, as the event data shows it. */
function previousAttributes(before: StoredOrganization, after: StoredOrganization): Record<string, unknown> {
  const old = eventData(before);
  const now = eventData(after);
  const changed = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (key) => key !== "updated_at" && JSON.stringify(old[key]) !== JSON.stringify(now[key]),
  );
  return Object.fromEntries(changed.map((key) => [key, old[key] ?? null]));
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

export const organizations: Resource<StoredOrganization, SeedOrganization, "organizations"> = {
  name: "organizations",
  label: "Organization",
  seed: { entry: seedEntry, load: loadSeed },
  model: organization,
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
        const input = readOrganizationInput(requireObjectBody(req.body), true);
        checkUniqueness(ctx, input, null);
        const at = isoTime(ctx.now());
        const id = newId(ORGANIZATION_ID_PREFIX);
        const org: StoredOrganization = {
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
        const input = readOrganizationInput(requireObjectBody(req.body), false);
        checkUniqueness(ctx, input, current.id);
        const at = isoTime(ctx.now());
        const next: StoredOrganization = { ...current, updated_at: at };
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
        ctx.emit({
          type: "organization.updated",
          data: eventData(next),
          organizationId: next.id,
          context: { previous_attributes: previousAttributes(current, next) },
        });
        return { status: 200, body: serialize(next) };
      },
    },
    deleteRoute(organizations, "/organizations", 202),
  ],
};
