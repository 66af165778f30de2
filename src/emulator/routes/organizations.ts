import { badRequest, conflict, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Organization, OrganizationDomain } from "../models.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Route } from "../router.js";
import { makeOrganizationDomain } from "../seed.js";
import { organizationEventData, serializeOrganization } from "../serialize.js";
import type { EmulatorContext } from "../state.js";
import { commaList, contains, FieldErrors, isDomain, isRecord, requireObjectBody } from "../validate.js";
import { deleteOrganizationCascade } from "./cascade.js";

interface DomainInput {
  domain: string;
  state: "pending" | "verified";
}

interface OrganizationInput {
  name?: string;
  domains?: DomainInput[];
  metadata?: Record<string, string> | null;
  external_id?: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
}

function readOrganizationInput(body: Record<string, unknown>, creating: boolean): OrganizationInput {
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
        } else if (d.state !== "pending" && d.state !== "verified") {
          errors.add(
            `domain_data[${i}].state`,
            "invalid_state",
            `domain_data[${i}].state must be pending or verified.`,
          );
        } else domains.push({ domain: d.domain.toLowerCase(), state: d.state });
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
    } else if (id.length > 128) {
      errors.add("external_id", "external_id_too_long", "external_id must be at most 128 characters.");
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
  const keys = Object.keys(metadata);
  if (keys.length > 50) throw badRequest("Metadata can have at most 50 keys.", "invalid_metadata");
  for (const key of keys) {
    const value = metadata[key];
    if (key.length > 40)
      throw badRequest(`Metadata key "${key.slice(0, 40)}…" exceeds 40 characters.`, "invalid_metadata");
    if (typeof value !== "string")
      throw badRequest(`Metadata value for "${key}" must be a string.`, "invalid_metadata");
    if (value.length > 600)
      throw badRequest(`Metadata value for "${key}" exceeds 600 characters.`, "invalid_metadata");
  }
}

function checkUniqueness(ctx: EmulatorContext, input: OrganizationInput, selfId: string | null): void {
  for (const org of ctx.store.organizations.values()) {
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
    for (const org of ctx.store.organizations.values()) {
      if (org.id !== selfId && org.domains.some((d) => d.domain === wanted.domain)) {
        throw conflict(
          `The domain ${wanted.domain} is already associated with another organization.`,
          "domain_already_used",
        );
      }
    }
  }
}

function buildDomains(
  orgId: string,
  wanted: DomainInput[],
  existing: OrganizationDomain[],
  at: string,
): OrganizationDomain[] {
  return wanted.map((w) => {
    const prior = existing.find((d) => d.domain === w.domain);
    if (prior && prior.state === w.state) return prior;
    return makeOrganizationDomain(orgId, w.domain, w.state, at, prior?.id);
  });
}

function findOrganization(ctx: EmulatorContext, id: string): Organization {
  const org = ctx.store.organizations.get(id);
  if (!org) throw notFound(`Organization not found: '${id}'.`);
  return org;
}

export const organizationRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/organizations",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const domains = commaList(req.query, "domains")?.map((d) => d.toLowerCase());
      const search = req.query.get("search") ?? "";
      const entries = ctx.store.organizations
        .entries()
        .filter(
          ({ value: org }) =>
            (!domains || org.domains.some((d) => domains.includes(d.domain))) &&
            (!search || contains(org.name, search)),
        );
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, serializeOrganization),
      };
    },
  },
  {
    method: "POST",
    pattern: "/organizations",
    handler: (req, ctx) => {
      const input = readOrganizationInput(requireObjectBody(req.body), true);
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
      ctx.store.organizations.insert(org);
      ctx.emit("organization.created", organizationEventData(org), org.id);
      return { status: 201, body: serializeOrganization(org) };
    },
  },
  {
    method: "GET",
    pattern: "/organizations/external_id/:external_id",
    handler: (req, ctx) => {
      const externalId = req.params.external_id ?? "";
      const org = ctx.store.organizations.values().find((o) => o.external_id === externalId);
      if (!org) throw notFound(`Organization not found with external_id '${externalId}'.`);
      return { status: 200, body: serializeOrganization(org) };
    },
  },
  {
    method: "GET",
    pattern: "/organizations/:id",
    handler: (req, ctx) => ({
      status: 200,
      body: serializeOrganization(findOrganization(ctx, req.params.id ?? "")),
    }),
  },
  {
    method: "PUT",
    pattern: "/organizations/:id",
    handler: (req, ctx) => {
      const current = findOrganization(ctx, req.params.id ?? "");
      const input = readOrganizationInput(requireObjectBody(req.body), false);
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
      ctx.store.organizations.replace(next);
      ctx.emit("organization.updated", organizationEventData(next), next.id);
      return { status: 200, body: serializeOrganization(next) };
    },
  },
  {
    method: "DELETE",
    pattern: "/organizations/:id",
    handler: (req, ctx) => {
      const org = findOrganization(ctx, req.params.id ?? "");
      deleteOrganizationCascade(ctx, org);
      return { status: 202 };
    },
  },
];
