import { z } from "zod";
import { DEPRECATED, idField, ORGANIZATION_ID_PREFIX, timestamps } from "./id.js";
import { domainName, ORGANIZATION_DOMAIN_ID_PREFIX, organizationDomain } from "./organization-domain.js";
import { defineSummary, optional } from "./summary.js";

export { ORGANIZATION_ID_PREFIX };

/** A customer of the application: its name, domains and metadata (the spec's Organization). */
export const organization = z.looseObject({
  object: z.literal("organization"),
  id: idField(ORGANIZATION_ID_PREFIX, "organization"),
  name: z.string(),
  domains: z.array(organizationDomain),
  metadata: z.record(z.string(), z.string()),
  external_id: z.string().nullable(),
  stripe_customer_id: z.string().optional(),
  allow_profiles_outside_organization: z.boolean().meta(DEPRECATED).optional(),
  ...timestamps,
});

export type Organization = z.infer<typeof organization>;

export const organizationSummary = defineSummary<Organization>({
  id: [z.string(), (org) => org.id],
  name: [optional.string(), (org) => org.name],
  domains: [
    z.array(z.string()).optional().describe('Domain names; "(pending)" marks an unverified one.'),
    (org) => org.domains.map(domainName),
  ],
  domain_ids: [
    z
      .record(z.string(), z.string())
      .optional()
      .describe(
        `Each domain's organization_domain_id (${ORGANIZATION_DOMAIN_ID_PREFIX}_…), for the *_organization_domain tools.`,
      ),
    (org) =>
      org.domains.length === 0 ? undefined : Object.fromEntries(org.domains.map((d) => [d.domain, d.id])),
  ],
  external_id: [optional.string(), (org) => org.external_id],
});
