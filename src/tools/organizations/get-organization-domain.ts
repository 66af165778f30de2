import { z } from "zod";
import { path } from "../../client/path.js";
import { organizationDomain } from "../../workos/organization-domain.js";
import { defineTool, READ } from "../define.js";
import { ownerOf, ownerOfOrganizationDomain } from "../owners.js";
import { domainNotFound, organizationDomainId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_organization_domain",
  title: "Get An Organization Domain",
  description: "Fetch an organization domain: its verification state and DNS token.",
  toolset: "organizations",
  organization: { owner: ownerOf({ organization_domain_id: ownerOfOrganizationDomain }) },
  input: z.strictObject({
    organization_domain_id: organizationDomainId.describe(
      "The domain's id (org_domain_…, in list_organizations' domain_ids).",
    ),
  }),
  output: readable(organizationDomain),
  notFound: domainNotFound,
  annotations: READ,
  handler: ({ organization_domain_id }, { client, signal }) =>
    client.get(path`/organization_domains/${organization_domain_id}`, { signal }),
});
