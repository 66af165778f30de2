import { z } from "zod";
import type { List } from "../../client/client.js";
import { type Permission, permission, permissionSummary } from "../../workos/permission.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams } from "../params.js";

export default defineTool({
  name: "list_permissions",
  title: "List Permissions",
  description: "List the permissions roles can grant, e.g. invoices:approve, to find their slugs.",
  toolset: "authorization",
  // The environment's permissions are no one organization's.
  organization: "none",
  input: z.strictObject({ after: listParams.after, detail: listParams.detail }),
  output: listOf(permission),
  list: { noun: "permission", ...permissionSummary },
  finds: "permission_slug",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<Permission>>("/authorization/permissions", { query, signal })),
});
