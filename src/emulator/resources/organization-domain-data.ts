import { z } from "zod";
import { ORGANIZATION_DOMAIN_ID_PREFIX, type OrganizationDomain } from "../../workos/organization-domain.js";
import type { DOMAIN_DATA_STATES } from "../../workos-vocabulary.js";
import { DOMAIN_STATES, DOMAIN_VERIFICATION_STRATEGIES } from "../../workos-vocabulary.js";
import { newId, randomToken } from "../ids.js";
import { oneOf, type Stored, seedId } from "../resource.js";

// An organization's domains live inside the organization object (its `domains`), so GET /organizations and
// /organization_domains always agree; organization-domains.ts serves them one by one.

/** A domain as the emulator stores it, inside its organization: the wire object itself. */
export type StoredDomain = Stored<OrganizationDomain>;

/** A domain as a seed gives it: a bare name (verified) or an object. */
export const seedDomain = z.union(
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

/** The prefix of the DNS TXT record a domain's verification looks for. */
export const VERIFICATION_PREFIX = "workos-domain-verification";

function verificationFields(state: string): Partial<StoredDomain> {
  if (state === "verified" || state === "legacy_verified") return { verification_strategy: "manual" };
  return {
    verification_strategy: "dns",
    verification_prefix: VERIFICATION_PREFIX,
    verification_token: randomToken(12),
  };
}

export function makeDomain(organizationId: string, domain: string, state: string, at: string, id?: string) {
  return {
    object: "organization_domain",
    id: id ?? newId(ORGANIZATION_DOMAIN_ID_PREFIX),
    organization_id: organizationId,
    domain: domain.toLowerCase(),
    state: state as StoredDomain["state"],
    verification_strategy: "manual",
    ...verificationFields(state),
    created_at: at,
    updated_at: at,
  } satisfies StoredDomain as StoredDomain;
}

/** What a caller asks for in domain_data or domains. */
export interface DomainInput {
  domain: string;
  state: (typeof DOMAIN_DATA_STATES)[number];
}

/** A domain whose state did not change keeps its id and verification token. */
export function buildDomains(orgId: string, wanted: DomainInput[], existing: StoredDomain[], at: string) {
  return wanted.map((w) => {
    const prior = existing.find((d) => d.domain === w.domain);
    if (prior && prior.state === w.state) return prior;
    return makeDomain(orgId, w.domain, w.state, at, prior?.id);
  });
}
