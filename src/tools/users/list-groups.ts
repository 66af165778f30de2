import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type Group, group, groupSummary } from "../../workos/group.js";
import { defineTool, READ } from "../define.js";
import { ownerOfOrganizationMembership } from "../owners.js";
import { listOf } from "../page.js";
import { listParams, organizationId, organizationMembershipId } from "../params.js";

/** WorkOS's largest page: few organizations have more groups, and next pages on. */
const PAGE = 100;

export default defineTool({
  name: "list_groups",
  title: "List Groups",
  description:
    "List an organization's groups, or the groups one member is in (AuthKit groups, not directory groups).",
  toolset: "users",
  organization: {
    param: "organization_id",
    owner: async (input, context) =>
      typeof input.organization_membership_id === "string"
        ? ownerOfOrganizationMembership(input.organization_membership_id, context)
        : (input.organization_id as string | undefined),
  },
  // On a server pinned to one organization the pin fills organization_id in, so the refine always holds.
  input: z
    .strictObject({
      organization_id: organizationId.optional().describe("The organization (org_…)."),
      organization_membership_id: organizationMembershipId
        .optional()
        .describe("Only this member's groups (om_…)."),
      after: listParams.after.describe("The page after this id, as next gives."),
      detail: listParams.detail,
    })
    .refine(
      (input) => input.organization_id !== undefined || input.organization_membership_id !== undefined,
      { path: ["organization_id"], message: "give organization_id or organization_membership_id" },
    ),
  output: listOf(group),
  list: { noun: "group", ...groupSummary },
  finds: "group_id",
  annotations: READ,
  handler: async ({ organization_id, organization_membership_id, after }, { client, signal }) => {
    const query = { limit: PAGE, after };
    if (organization_membership_id === undefined) {
      const route = path`/organizations/${organization_id as string}/groups`;
      const { data, list_metadata } = await client.get<List<Group>>(route, { query, signal });
      return { data, list_metadata: { before: null, after: list_metadata.after } };
    }
    const route = path`/user_management/organization_memberships/${organization_membership_id}/groups`;
    const { data, list_metadata } = await client.get<List<Group>>(route, { query, signal });
    // A member's groups are all of its own organization: another organization named beside it has none of them.
    const kept =
      organization_id === undefined ? data : data.filter((g) => g.organization_id === organization_id);
    return { data: kept, list_metadata: { before: null, after: list_metadata.after } };
  },
});
