import { z } from "zod";
import { path } from "../../client/path.js";
import { role } from "../../workos/role.js";
import { defineTool, READ } from "../define.js";
import { organizationId, roleSlug } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_role",
  title: "Get A Role",
  description:
    "Fetch one role by slug, with its permissions. An organization's custom role needs organization_id.",
  toolset: "authorization",
  organization: { param: "organization_id" },
  input: z.strictObject({
    slug: roleSlug.describe("The role's slug, e.g. admin."),
    organization_id: organizationId.optional().describe("The organization whose roles to look in (org_…)."),
  }),
  output: readable(role),
  annotations: READ,
  notFound: ({ organization_id }) =>
    organization_id === undefined
      ? "No environment role has this slug. An organization's custom role is found only through its organization: " +
        "call get_role with slug and organization_id, or list_roles with organization_id to see that organization's roles."
      : `Organization ${organization_id} has no role with this slug, or no such organization exists. ` +
        `list_roles with organization_id ${organization_id} lists its roles.`,
  handler: ({ slug, organization_id }, { client, signal }) =>
    client.get(
      organization_id === undefined
        ? path`/authorization/roles/${slug}`
        : path`/authorization/organizations/${organization_id}/roles/${slug}`,
      { signal },
    ),
});
