import { z } from "zod";
import type { List } from "../../client/client.js";
import { defineTool, READ } from "../define.js";
import {
  listOf,
  type Organization,
  organization,
  organizationSummary,
  summarizeOrganization,
} from "../objects.js";
import { page } from "../page.js";
import { listParams } from "../params.js";

export default defineTool({
  name: "list_organizations",
  title: "List Organizations",
  description:
    "List WorkOS organizations, newest first, optionally filtered by domain or name. " +
    "Use it to find an organization_id for the other tools. Returns one page and the cursor to the next.",
  toolset: "organizations",
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
  list: { noun: "organization", summary: organizationSummary, project: summarizeOrganization },
  finds: "organization_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<Organization>>("/organizations", { query, signal })),
});
