import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { type Role, role } from "../../workos/role.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { organizationId, roleSlug } from "../params.js";
import { readable } from "../readable.js";
import { permissionCount, permissionSlug, roleDescription, roleName } from "./fields.js";

export default defineTool({
  name: "update_role",
  title: "Update A Role",
  description: "Rename a role or replace its permissions (everyone holding it gains or loses access).",
  toolset: "authorization",
  // Pinned, the pin fills organization_id in: only the organization's custom roles change.
  organization: { param: "organization_id" },
  input: z.strictObject({
    slug: roleSlug.describe("The role's slug."),
    organization_id: organizationId.optional().describe("Needed for a custom role."),
    name: roleName.optional().describe("New name."),
    description: roleDescription.optional().describe("What it is for."),
    permissions: z.array(permissionSlug).optional().describe("All its permission slugs from now on."),
  }),
  output: readable(role),
  notFound: ({ organization_id }) =>
    organization_id === undefined
      ? "No environment role has this slug, or a permission named is not one of the environment's (list_permissions). " +
        "An organization's custom role is changed with its organization_id."
      : `Organization ${organization_id} has no custom role with this slug (environment roles are changed without ` +
        "organization_id, which a pinned server does not allow), or a permission named does not exist (list_permissions).",
  annotations: DESTRUCTIVE,
  summary: (r) => `Role ${quote.word(r.slug, "as data says")} now grants ${permissionCount(r.permissions)}.`,
  handler: async ({ slug, organization_id, permissions, ...body }, { client, signal }) => {
    const route =
      organization_id === undefined
        ? path`/authorization/roles/${slug}`
        : path`/authorization/organizations/${organization_id}/roles/${slug}`;
    if (permissions === undefined) return client.request<Role>("PATCH", route, { body, signal });
    // Name and description, then the permissions: two WorkOS calls, each answering with the whole role.
    if (Object.keys(body).length > 0) await client.request("PATCH", route, { body, signal });
    return client.put<Role>(`${route}/permissions`, { body: { permissions }, signal });
  },
});
