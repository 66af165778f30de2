import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { type Group, group, groupSummary } from "../../workos/group.js";
import { defineTool, READ } from "../define.js";
import { ownerOfOrganizationMembership } from "../owners.js";
import { listOf } from "../page.js";
import { listParams, organizationId, organizationMembershipId } from "../params.js";

/** One page, WorkOS's largest: a note says when an organization has more. */
const PAGE = 100;

export default defineTool({
  name: "list_groups",
  title: "List Groups",
  description:
    "List an organization's groups of members, or the groups one member is in (AuthKit groups, not directory groups).",
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
      detail: listParams.detail,
    })
    .refine(
      (input) => input.organization_id !== undefined || input.organization_membership_id !== undefined,
      { path: ["organization_id"], message: "give organization_id or organization_membership_id" },
    ),
  output: listOf(group),
  list: { noun: "group", ...groupSummary },
  notes: ({ list_metadata }) =>
    list_metadata.after === null ? [] : [`Only the first ${PAGE} groups are shown.`],
  finds: "group_id",
  annotations: READ,
  handler: async ({ organization_id, organization_membership_id }, { client, signal }) => {
    const route =
      organization_membership_id === undefined
        ? path`/organizations/${organization_id as string}/groups`
        : path`/user_management/organization_memberships/${organization_membership_id}/groups`;
    const { data, list_metadata } = await client.get<List<Group>>(route, { query: { limit: PAGE }, signal });
    // A member's groups are all of its own organization: another organization named beside it has none of them.
    const kept =
      organization_id === undefined ? data : data.filter((g) => g.organization_id === organization_id);
    return { data: kept, list_metadata: { before: null, after: list_metadata.after } };
  },
});
