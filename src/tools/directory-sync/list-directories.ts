import { z } from "zod";
import type { List } from "../../client/client.js";
import { type Directory, directory, directorySummary } from "../../workos/directory.js";
import { defineTool, READ } from "../define.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId } from "../params.js";

export default defineTool({
  name: "list_directories",
  title: "List Directories",
  description:
    "List Directory Sync directories (SCIM and HRIS connections), newest first, optionally for one organization or by name. " +
    "Use it to find a directory_id before listing its users or groups.",
  toolset: "directory_sync",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only directories of this organization (org_…)."),
    search: z.string().min(1).optional().describe("Only directories whose name contains this text."),
    ...listParams,
  }),
  output: listOf(directory),
  list: { noun: "directory", ...directorySummary },
  finds: "directory_id",
  annotations: READ,
  handler: async ({ detail: _, ...query }, { client, signal }) =>
    page(await client.get<List<Directory>>("/directories", { query, signal })),
});
