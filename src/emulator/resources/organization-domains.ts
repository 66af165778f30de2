import { organizationDomain } from "../../workos/organization-domain.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { isoTime } from "../ids.js";
import type { EmittedEvent, Resource } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { FieldErrors, isDomain, requireObjectBody } from "../validate.js";
import { txtHolds } from "./dns-records.js";
import { makeDomain, type StoredDomain } from "./organization-domain-data.js";
import { organizations, type StoredOrganization } from "./organizations.js";

// A domain is stored in its organization's `domains` (the one copy), so this resource has routes and no
// collection of its own: every change here shows in GET /organizations and the other way round.

interface Located {
  org: StoredOrganization;
  domain: StoredDomain;
}

function locate(ctx: EmulatorContext, id: string): Located {
  for (const org of ctx.store.of(organizations).values()) {
    const domain = org.domains.find((d) => d.id === id);
    if (domain) return { org, domain };
  }
  throw notFound(`Organization domain not found: '${id}'.`);
}

function save(ctx: EmulatorContext, org: StoredOrganization, domains: StoredDomain[], at: string): void {
  ctx.store.of(organizations).replace({ ...org, domains, updated_at: at });
}

const wire = (domain: StoredDomain): Record<string, unknown> => ({ ...domain });

function emit(ctx: EmulatorContext, type: EmittedEvent["type"], domain: StoredDomain): void {
  ctx.emit({ type, data: wire(domain), organizationId: domain.organization_id });
}

function readCreate(body: Record<string, unknown>): { domain: string; organization_id: string } {
  const errors = new FieldErrors();
  if (typeof body.domain !== "string" || !isDomain(body.domain)) {
    errors.add("domain", "invalid_domain", "domain is required and must be a valid domain.");
  }
  if (typeof body.organization_id !== "string" || body.organization_id === "") {
    errors.add("organization_id", "organization_id_required", "organization_id is required.");
  }
  errors.throwIfAny();
  return { domain: (body.domain as string).toLowerCase(), organization_id: body.organization_id as string };
}

export const organizationDomains: Resource<StoredDomain, never, "organization_domains"> = {
  name: "organization_domains",
  label: "Organization domain",
  model: organizationDomain,
  serialize: wire,
  routes: () => [
    {
      method: "POST",
      pattern: "/organization_domains",
      handler: (req, ctx) => {
        const input = readCreate(requireObjectBody(req.body));
        const org = findOr404(ctx, organizations, input.organization_id);
        for (const other of ctx.store.of(organizations).values()) {
          if (!other.domains.some((d) => d.domain === input.domain)) continue;
          throw conflict(
            other.id === org.id
              ? "Domain already exists for this organization."
              : `The domain ${input.domain} is already associated with another organization.`,
            "domain_already_exists",
          );
        }
        const at = isoTime(ctx.now());
        const domain = makeDomain(org.id, input.domain, "pending", at);
        save(ctx, org, [...org.domains, domain], at);
        emit(ctx, "organization_domain.created", domain);
        return { status: 201, body: wire(domain) };
      },
    },
    {
      method: "GET",
      pattern: "/organization_domains/:id",
      handler: (req, ctx) => ({ status: 200, body: wire(locate(ctx, req.params.id ?? "").domain) }),
    },
    {
      method: "POST",
      pattern: "/organization_domains/:id/verify",
      handler: (req, ctx) => {
        const { org, domain } = locate(ctx, req.params.id ?? "");
        if (domain.state === "verified" || domain.state === "legacy_verified") {
          throw badRequest("Domain is already verified.", "domain_already_verified");
        }
        // No TXT record holding the token yet: WorkOS keeps checking, so the domain stays pending.
        const token = domain.verification_token;
        if (token === undefined || !txtHolds(ctx.store, domain.domain, token)) {
          return { status: 201, body: wire(domain) };
        }
        const at = isoTime(ctx.now());
        const verified: StoredDomain = { ...domain, state: "verified", updated_at: at };
        save(
          ctx,
          org,
          org.domains.map((d) => (d.id === domain.id ? verified : d)),
          at,
        );
        emit(ctx, "organization_domain.verified", verified);
        return { status: 201, body: wire(verified) };
      },
    },
    {
      method: "DELETE",
      pattern: "/organization_domains/:id",
      handler: (req, ctx) => {
        const { org, domain } = locate(ctx, req.params.id ?? "");
        save(
          ctx,
          org,
          org.domains.filter((d) => d.id !== domain.id),
          isoTime(ctx.now()),
        );
        emit(ctx, "organization_domain.deleted", domain);
        return { status: 204 };
      },
    },
  ],
};
