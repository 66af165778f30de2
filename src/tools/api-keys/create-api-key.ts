import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { API_KEY_ID_PREFIX } from "../../workos/api-key.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { defineTool, WRITE } from "../define.js";
import { organizationId } from "../params.js";
import { readApiKeyWithValue } from "./read-api-key.js";

export default defineTool({
  name: "create_api_key",
  title: "Create An API Key For An Organization",
  description:
    "Create an API key for an organization to call your application with. Its secret value is shown once, in this result.",
  toolset: "api_keys",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization (org_…)."),
    name: z.string().trim().min(1).max(200).describe("What the key is for, e.g. Reporting export."),
    permissions: z.array(z.string().min(1)).max(100).optional().describe("Permission slugs it grants."),
    expires_at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("When it stops working (ISO 8601; default never)."),
  }),
  output: readApiKeyWithValue,
  annotations: WRITE,
  // The summary never holds the value: it is in data alone, once.
  summary: (created) =>
    `Created API key ${quote.id(created.id, API_KEY_ID_PREFIX)} for organization ` +
    `${quote.id(created.owner.id, ORGANIZATION_ID_PREFIX, "the organization in data")}.`,
  notes: () => [
    "value is the key's secret, shown this once: WorkOS never returns it again, and neither can this server. " +
      "Give it to the user now to store securely; do not repeat it later. Lost, it can only be replaced " +
      "(create a new key, revoke this one).",
  ],
  handler: ({ organization_id, ...body }, { client, signal }) =>
    client.post(path`/organizations/${organization_id}/api_keys`, { body, signal }),
});
