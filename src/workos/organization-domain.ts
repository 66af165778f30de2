import { z } from "zod";
import { DOMAIN_STATES, DOMAIN_VERIFICATION_STRATEGIES } from "../workos-vocabulary.js";
import { idField, timestamps } from "./id.js";

export const ORGANIZATION_DOMAIN_ID_PREFIX = "org_domain";

/** A domain of an organization, with how its ownership is proved (the spec's OrganizationDomainStandAlone). */
export const organizationDomain = z.looseObject({
  object: z.literal("organization_domain"),
  id: idField(ORGANIZATION_DOMAIN_ID_PREFIX, "organization domain"),
  organization_id: z.string(),
  domain: z.string(),
  state: z.enum(DOMAIN_STATES).optional(),
  verification_strategy: z.enum(DOMAIN_VERIFICATION_STRATEGIES).optional(),
  verification_prefix: z.string().optional(),
  verification_token: z
    .string()
    .optional()
    .describe("The value of the DNS TXT record that proves ownership."),
  ...timestamps,
});

export type OrganizationDomain = z.infer<typeof organizationDomain>;

/** A domain's name as a summary lists it: bare when verified, its state in parentheses otherwise. */
export function domainName({ domain, state }: { domain: string; state?: string | undefined }): string {
  return state === undefined || state === "verified" ? domain : `${domain} (${state})`;
}
