import { z } from "zod";
import { path } from "../../client/path.js";
import { organization } from "../../workos/organization.js";
import { DOMAIN_DATA_STATES } from "../../workos-vocabulary.js";
import { DESTRUCTIVE, defineTool, ToolRefusal } from "../define.js";
import { domainData, externalId, metadata, organizationId } from "../params.js";
import { readable } from "../readable.js";
import { expectShape } from "../shape.js";
import {
  changesBetween,
  describeChanges,
  domainDataRefusal,
  organizationChanges,
} from "./organization-changes.js";

// The whole list after the call: it may keep what is there and add pending domains, nothing more.
const keptDomains = z
  .array(
    domainData.element.extend({
      state: z
        .enum(DOMAIN_DATA_STATES)
        .describe("pending for a new domain; a current one as it is (verified stays verified)."),
    }),
  )
  .max(100)
  .describe("Every domain after the call: the current ones as they are, plus new ones as pending.");

const readOrganization = readable(organization);

export default defineTool({
  name: "update_organization",
  title: "Update An Organization",
  description:
    "Change an organization's name, domains, external_id, metadata or Stripe customer id; fields left out stay as they are. " +
    "domain_data and metadata replace the whole previous value; domain_data only adds domains, as pending " +
    "(delete_organization_domain removes one, verify_organization_domain verifies one). Returns the organization and what changed.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization to update (org_…)."),
    name: z.string().trim().min(1).max(255).optional().describe("The new display name."),
    domain_data: keptDomains.optional(),
    external_id: externalId.nullable().optional().describe("Your own identifier; null removes it."),
    metadata: metadata.optional(),
    stripe_customer_id: z.string().min(1).optional().describe("The Stripe customer id (cus_…) to link."),
  }),
  output: readOrganization.extend({ changes: organizationChanges }),
  summary: (updated) => describeChanges(updated.id, updated.changes),
  annotations: DESTRUCTIVE,
  handler: async ({ organization_id, ...body }, { client, signal }) => {
    const at = path`/organizations/${organization_id}`;
    const before = expectShape(readOrganization, await client.get(at, { signal }), "an organization");
    const refused = body.domain_data === undefined ? undefined : domainDataRefusal(before, body.domain_data);
    if (refused !== undefined) throw new ToolRefusal(refused);
    const after = expectShape(readOrganization, await client.put(at, { body, signal }), "an organization");
    return { ...after, changes: changesBetween(before, after) };
  },
});
