import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type Organization, organization, organizationSummary } from "../../workos/organization.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams } from "../params.js";
import { containsFold } from "../scan.js";

export default defineTool({
  name: "list_organizations",
  title: "List Organizations",
  description:
    "List WorkOS organizations, newest first, optionally filtered by domain or name. " +
    "Use it to find an organization_id for the other tools. Returns one page and the cursor to the next.",
  toolset: "organizations",
  organization: "filters",
  input: z.strictObject({
    domains: z
      .array(z.string().min(1))
      .max(20)
      .optional()
      .describe('Only organizations that have any of these domains, e.g. ["acme.com"].'),
    search: z.string().min(1).optional().describe("Only organizations whose name contains this text."),
    ...listParams,
  }),
  output: listOf(organization),
  list: { noun: "organization", ...organizationSummary },
  finds: "organization_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal, organization: pinned }) => {
    if (pinned === undefined)
      return page(await client.get<List<Organization>>("/organizations", { query, signal }));
    // Pinned to one organization: that one, when it matches the filters.
    const org = await client.get<Organization>(path`/organizations/${pinned}`, { signal });
    const matches =
      containsFold(query.search, org.name) &&
      (query.domains === undefined || org.domains.some(({ domain }) => query.domains?.includes(domain)));
    return { data: matches ? [org] : [], list_metadata: { before: null, after: null } };
  },
});
