import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_DOMAIN_ID_PREFIX, organizationDomain } from "../../workos/organization-domain.js";
import { defineTool } from "../define.js";
import { ownerOf, ownerOfOrganizationDomain } from "../owners.js";
import { domainNotFound, organizationDomainId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "verify_organization_domain",
  title: "Verify An Organization Domain",
  description: "Verify an organization domain now if its DNS TXT record holds the token.",
  toolset: "organizations",
  organization: { owner: ownerOf({ organization_domain_id: ownerOfOrganizationDomain }) },
  input: z.strictObject({
    organization_domain_id: organizationDomainId.describe(
      "The domain's id (org_domain_…, in list_organizations' domain_ids).",
    ),
  }),
  output: readable(organizationDomain),
  summary: (domain) =>
    domain.state === "verified"
      ? `Organization domain ${quote.id(domain.id, ORGANIZATION_DOMAIN_ID_PREFIX)} is verified.`
      : `Organization domain ${quote.id(domain.id, ORGANIZATION_DOMAIN_ID_PREFIX)} is not verified yet; ` +
        `its state is ${quote.word(domain.state ?? "unknown", "in data")}.`,
  notes: (domain) =>
    domain.state === "verified"
      ? []
      : [
          "WorkOS found no DNS TXT record with verification_token (see data) yet; it keeps checking. Ask the " +
            "domain's owner to publish it, then verify again.",
        ],
  notFound: domainNotFound,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: ({ organization_domain_id }, { client, signal }) =>
    client.post(path`/organization_domains/${organization_domain_id}/verify`, { body: {}, signal }),
});
