import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { organizationTarget } from "../impact.js";
import { confirmationToken, organizationId } from "../params.js";

export default defineTool({
  name: "delete_organization",
  title: "Delete Organization",
  description:
    "Permanently delete an organization; its SSO connections and directories stop working. Only on the user's " +
    "explicit request. The user confirms first: the client asks them, or the result previews what would be lost " +
    "and returns a confirmation_token to pass back once they agree.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization to delete (org_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ organization_id }, { client, signal }) => organizationTarget(client, organization_id, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_organization", outcome),
  handler: async ({ organization_id }, { client, signal }) => {
    await client.delete(path`/organizations/${organization_id}`, { signal });
    return { deleted: true as const, object: "organization", id: organization_id };
  },
});
