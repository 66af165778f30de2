import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { type Role, role } from "../../workos/role.js";
import { defineTool, WRITE } from "../define.js";
import { organizationId, roleSlug } from "../params.js";
import { readable } from "../readable.js";
import { permissionCount, permissionSlug, roleDescription, roleName } from "./fields.js";

export default defineTool({
  name: "create_role",
  title: "Create A Role",
  description:
    "Create a role and its permissions: environment-wide, or with organization_id an organization's custom role.",
  toolset: "authorization",
  // Pinned, the pin fills organization_id in: only the organization's own roles are made.
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("For this organization only."),
    slug: roleSlug.optional().describe("e.g. billing-admin; custom: org-… (generated if omitted)."),
    name: roleName.describe("e.g. Billing Admin."),
    description: roleDescription.optional().describe("What it is for."),
    permissions: z.array(permissionSlug).optional().describe("Permission slugs (list_permissions)."),
    resource_type_slug: z.string().min(1).optional().describe("e.g. project (default organization)."),
  }),
  output: readable(role),
  annotations: WRITE,
  summary: (r) =>
    `Created role ${quote.word(r.slug, "as data says")} with ${permissionCount(r.permissions)}.`,
  handler: async ({ organization_id, permissions, ...body }, { client, signal }) => {
    const roles =
      organization_id === undefined
        ? "/authorization/roles"
        : path`/authorization/organizations/${organization_id}/roles`;
    const created = await client.post<Role>(roles, { body, signal });
    if (permissions === undefined) return created;
    // WorkOS creates a role without permissions; they are set on it next.
    return client.put<Role>(`${roles}${path`/${created.slug}/permissions`}`, {
      body: { permissions },
      signal,
    });
  },
});
