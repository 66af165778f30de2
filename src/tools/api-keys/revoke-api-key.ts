import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { API_KEY_ID_PREFIX } from "../../workos/api-key.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { confirmationToken, organizationId, workosId } from "../params.js";
import { apiKeyTarget, organizationApiKey } from "./organization-api-key.js";

export default defineTool({
  name: "revoke_api_key",
  title: "Revoke An API Key",
  description:
    "Revoke (permanently delete) an organization's API key: whatever uses it stops working at once. The user confirms first.",
  toolset: "api_keys",
  organization: { param: "organization_id" },
  input: z.strictObject({
    api_key_id: workosId(API_KEY_ID_PREFIX, "an API key", "list_api_keys").describe("The key (api_key_…)."),
    organization_id: organizationId.describe("Its organization (org_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  notFound: ({ organization_id }) =>
    `Organization ${organization_id} has no API key with this id: list_api_keys lists its keys.`,
  target: ({ api_key_id, organization_id }, { client, signal }) =>
    apiKeyTarget(client, organization_id, api_key_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("revoke_api_key", outcome),
  handler: async ({ api_key_id, organization_id }, { client, signal }) => {
    // Found in the organization's list even when confirmed (or with --destructive allow, never previewed): the
    // organization_id named, or pinned, must be the key's own.
    const key = await organizationApiKey(client, organization_id, api_key_id, signal);
    await client.delete(path`/api_keys/${api_key_id}`, { signal });
    return { deleted: true as const, object: "api_key", id: api_key_id, name: key.name };
  },
});
