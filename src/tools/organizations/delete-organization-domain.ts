import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { organizationDomainTarget } from "../impact.js";
import { ownerOf, ownerOfOrganizationDomain } from "../owners.js";
import { confirmationToken, domainNotFound, organizationDomainId } from "../params.js";

export default defineTool({
  name: "delete_organization_domain",
  title: "Delete An Organization Domain",
  description: "Remove a domain from its organization when the user asks; they confirm first.",
  toolset: "organizations",
  organization: { owner: ownerOf({ organization_domain_id: ownerOfOrganizationDomain }) },
  input: z.strictObject({
    organization_domain_id: organizationDomainId.describe(
      "The domain's id (org_domain_…, in list_organizations' domain_ids).",
    ),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  notFound: domainNotFound,
  annotations: DESTRUCTIVE,
  target: ({ organization_domain_id }, { client, signal }) =>
    organizationDomainTarget(client, organization_domain_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_organization_domain", outcome),
  handler: async ({ organization_domain_id }, { client, signal }) => {
    await client.delete(path`/organization_domains/${organization_domain_id}`, { signal });
    return { deleted: true as const, object: "organization_domain", id: organization_domain_id };
  },
});
