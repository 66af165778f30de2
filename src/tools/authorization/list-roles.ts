import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type Role, role, roleSummary } from "../../workos/role.js";
import { defineTool, READ } from "../define.js";
import { listOf } from "../page.js";
import { listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_roles",
  title: "List Roles",
  description:
    "List the roles users can be given, with their permissions: the environment's roles, or with organization_id " +
    "also that organization's custom roles. Use it to find a role slug.",
  toolset: "authorization",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Include this organization's custom roles (org_…)."),
    detail: listParams.detail,
  }),
  output: listOf(role),
  list: { noun: "role", ...roleSummary },
  finds: "slug",
  annotations: READ,
  notes: ({ data }, { organization_id }) => {
    if (organization_id === undefined) {
      return [
        "These are the environment roles, which every organization has. An organization's custom roles are " +
          "listed only with its organization_id: list_roles with organization_id (get_role needs it too).",
      ];
    }
    const custom = data.filter((item) => item.type === "OrganizationRole").length;
    const environment = data.length - custom;
    return [
      `${environment} environment role${environment === 1 ? "" : "s"} and ${custom} custom ` +
        `role${custom === 1 ? "" : "s"} of organization ${organization_id} (custom: true), in priority order.`,
    ];
  },
  handler: async ({ organization_id }, { client, signal }) => {
    const route =
      organization_id === undefined
        ? "/authorization/roles"
        : path`/authorization/organizations/${organization_id}/roles`;
    // WorkOS answers every role at once: one page, no cursors.
    const { data } = await client.get<Omit<List<Role>, "list_metadata">>(route, { signal });
    return { data, list_metadata: { before: null, after: null } };
  },
});
