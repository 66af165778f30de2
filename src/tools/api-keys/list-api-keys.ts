import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type ApiKey, apiKeySummary } from "../../workos/api-key.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId } from "../params.js";
import { readApiKey } from "./read-api-key.js";

export default defineTool({
  name: "list_api_keys",
  title: "List An Organization's API Keys",
  description:
    "List the API keys an organization holds for your application: name, last characters, permissions, " +
    "last use and expiry. Never the secret values.",
  toolset: "api_keys",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization (org_…)."),
    // Few of them: a page forward and the detail are enough (next goes on with after).
    limit: listParams.limit,
    after: listParams.after,
    detail: listParams.detail,
  }),
  output: listOf(readApiKey),
  list: { noun: "API key", ...apiKeySummary },
  finds: "api_key_id",
  annotations: READ,
  handler: async ({ organization_id, detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<ApiKey>>(path`/organizations/${organization_id}/api_keys`, { query, signal })),
});
