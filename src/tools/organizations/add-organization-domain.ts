import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_DOMAIN_ID_PREFIX, organizationDomain } from "../../workos/organization-domain.js";
import { defineTool, WRITE } from "../define.js";
import { domainNameUnlisted, organizationId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "add_organization_domain",
  title: "Add An Organization Domain",
  description: "Add a domain to an organization, pending until verified by DNS.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization."),
    domain: domainNameUnlisted.describe("e.g. acme.com"),
  }),
  output: readable(organizationDomain),
  summary: (domain) =>
    `Added organization domain ${quote.id(domain.id, ORGANIZATION_DOMAIN_ID_PREFIX)}; ` +
    `its state is ${quote.word(domain.state ?? "pending", "in data")}.`,
  notes: (domain) =>
    domain.state === "verified"
      ? []
      : [
          "The domain's owner must publish a DNS TXT record with verification_token (see data), then call " +
            "verify_organization_domain. generate_portal_link with intent domain_verification lets their IT admin do it.",
        ],
  annotations: WRITE,
  handler: (body, { client, signal }) => client.post("/organization_domains", { body, signal }),
});
