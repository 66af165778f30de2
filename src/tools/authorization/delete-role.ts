import { z } from "zod";
import { path } from "../../client/path.js";
import { deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { confirmationToken, organizationId, roleSlug } from "../params.js";
import { roleTarget } from "./targets.js";

export default defineTool({
  name: "delete_role",
  title: "Delete An Organization's Custom Role",
  description:
    "Permanently delete an organization's custom role, on the user's explicit request; they confirm first.",
  toolset: "authorization",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("Its organization."),
    slug: roleSlug.describe("org-…"),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  notFound: ({ organization_id }) =>
    `Organization ${organization_id} has no role with this slug, or no such organization exists: ` +
    `list_roles with organization_id ${organization_id} lists its roles.`,
  annotations: DESTRUCTIVE,
  target: ({ organization_id, slug }, { client, signal }) =>
    roleTarget(client, organization_id, slug, signal),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_role", outcome),
  handler: async ({ organization_id, slug }, { client, signal }) => {
    await client.delete(path`/authorization/organizations/${organization_id}/roles/${slug}`, { signal });
    return { deleted: true as const, object: "role", id: slug };
  },
});
