import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX, organization } from "../../workos/organization.js";
import { DOMAIN_DATA_STATES } from "../../workos-vocabulary.js";
import { defineTool, WRITE } from "../define.js";
import { domainData, externalId, metadata } from "../params.js";
import { readable } from "../readable.js";

// A new organization's domains start pending: marking one verified here would claim it for SSO routing with no
// DNS proof. Verifying has its own path (verify_organization_domain checks DNS; the Admin Portal helps the
// customer's IT admin), as update_organization's domain_data also enforces.
const newDomains = z
  .array(
    domainData.element.extend({
      state: z
        .enum(DOMAIN_DATA_STATES)
        .default("pending")
        .refine((state) => state === "pending", {
          message:
            "a new domain starts pending; verify it afterwards with verify_organization_domain (WorkOS checks its DNS TXT record) or generate_portal_link with intent domain_verification",
        })
        .describe("pending: a domain is verified afterwards, by its DNS record."),
    }),
  )
  .max(100)
  .describe("The organization's domains; each starts pending until verified by DNS.");

export default defineTool({
  name: "create_organization",
  title: "Create Organization",
  description:
    "Create a WorkOS organization, optionally with domains, an external_id and metadata. " +
    "Check with list_organizations first that it does not exist yet. Returns the new organization.",
  toolset: "organizations",
  organization: "creates",
  input: z.strictObject({
    name: z.string().trim().min(1).max(255).describe('The organization\'s display name, e.g. "Acme Inc".'),
    domain_data: newDomains.optional(),
    external_id: externalId.optional(),
    metadata: metadata.optional(),
    idempotency_key: z
      .string()
      .min(1)
      .max(255)
      // It travels as an HTTP header value: no spaces or control characters.
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional()
      .describe("Optional key that makes a repeated create return the first result instead of a duplicate."),
  }),
  output: readable(organization),
  summary: (org) => `Created organization ${quote.id(org.id, ORGANIZATION_ID_PREFIX)}.`,
  annotations: WRITE,
  handler: ({ idempotency_key, ...body }, { client, signal }) =>
    client.post("/organizations", {
      body,
      signal,
      ...(idempotency_key === undefined ? {} : { idempotencyKey: idempotency_key }),
    }),
});
