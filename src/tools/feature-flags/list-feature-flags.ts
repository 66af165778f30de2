import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type FeatureFlag, featureFlag, featureFlagSummary } from "../../workos/feature-flag.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_feature_flags",
  title: "List Feature Flags",
  description:
    "List the environment's feature flags, or with organization_id the flags that are on for that organization.",
  toolset: "feature_flags",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only the flags on for this organization (org_…)."),
    // Few of them: a page forward and the detail are enough (next goes on with after).
    limit: listParams.limit,
    after: listParams.after,
    detail: listParams.detail,
  }),
  output: listOf(featureFlag),
  list: { noun: "feature flag", ...featureFlagSummary },
  finds: "slug",
  annotations: READ,
  handler: async ({ organization_id, detail: _, ...query }, { client, signal }) => {
    const route =
      organization_id === undefined
        ? "/feature-flags"
        : path`/organizations/${organization_id}/feature-flags`;
    return page(await client.get<List<FeatureFlag>>(route, { query, signal }));
  },
});
