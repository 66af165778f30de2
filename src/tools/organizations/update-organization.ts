import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { defineTool } from "../define.js";
import { organization } from "../objects.js";
import { domainData, externalId, metadata, organizationId } from "../params.js";

export default defineTool({
  name: "update_organization",
  title: "Update An Organization",
  description:
    "Change an organization's name, domains, external_id, metadata or Stripe customer id; fields left out stay as they are. " +
    "domain_data and metadata replace the whole previous value. Returns the updated organization.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization to update (org_…)."),
    name: z.string().trim().min(1).max(255).optional().describe("The new display name."),
    domain_data: domainData.optional(),
    external_id: externalId.nullable().optional().describe("Your own identifier; null removes it."),
    metadata: metadata.optional(),
    stripe_customer_id: z.string().min(1).optional().describe("The Stripe customer id (cus_…) to link."),
  }),
  output: organization,
  summary: (org) => `Updated organization ${quote.id(org.id, "org")}; data is the organization as it is now.`,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  handler: ({ organization_id, ...body }, { client, signal }) =>
    client.put(path`/organizations/${organization_id}`, { body, signal }),
});
