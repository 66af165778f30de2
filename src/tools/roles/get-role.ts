import { z } from "zod";
import { path } from "../../client/path.js";
import { defineTool, READ } from "../define.js";
import { role } from "../objects.js";
import { organizationId, roleSlug } from "../params.js";

export default defineTool({
  name: "get_role",
  title: "Get A Role",
  description:
    "Fetch one role by slug, with its permissions. An organization's custom role needs organization_id.",
  toolset: "roles",
  organization: { param: "organization_id" },
  input: z.strictObject({
    slug: roleSlug.describe("The role's slug, e.g. admin."),
    organization_id: organizationId.optional().describe("The organization whose roles to look in (org_…)."),
  }),
  output: role,
  annotations: READ,
  handler: ({ slug, organization_id }, { client, signal }) =>
    client.get(
      organization_id === undefined
        ? path`/authorization/roles/${slug}`
        : path`/authorization/organizations/${organization_id}/roles/${slug}`,
      { signal },
    ),
});
