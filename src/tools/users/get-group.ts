import { z } from "zod";
import type { List } from "../../client/client.js";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { GROUP_ID_PREFIX, group } from "../../workos/group.js";
import {
  type OrganizationMembership,
  organizationMembershipSummary,
} from "../../workos/organization-membership.js";
import { defineTool, READ } from "../define.js";
import { organizationId, workosId } from "../params.js";
import { readable } from "../readable.js";

// Each member as list_organization_memberships shows one, but for the organization, which the group names.
const member = organizationMembershipSummary.summary.omit({ organization_id: true });
const asMember = (m: OrganizationMembership) => {
  const { organization_id: _, ...rest } = organizationMembershipSummary.project(m);
  return rest;
};

/** Members shown; `more_members` says when the group has more. */
const SHOWN = 100;

export default defineTool({
  name: "get_group",
  title: "Get A Group",
  description: "Fetch a group of an organization with its members' emails and roles.",
  toolset: "users",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The group's organization (org_…)."),
    group_id: workosId(GROUP_ID_PREFIX, "a group", "list_groups").describe("The group (group_…)."),
  }),
  output: readable(group).extend({
    members: z.array(member).describe("Its members' organization memberships."),
    more_members: z.boolean().optional().describe(`Set when it has more than the ${SHOWN} shown.`),
  }),
  summary: (found) =>
    `Group ${quote.id(found.id, GROUP_ID_PREFIX)} with ${found.members.length}${found.more_members ? "+" : ""} ` +
    `member${found.members.length === 1 ? "" : "s"}.`,
  annotations: READ,
  notFound: ({ organization_id }) =>
    `Organization ${organization_id} has no such group, or no such organization exists. list_groups lists its groups.`,
  handler: async ({ organization_id, group_id }, { client, signal }) => {
    const route = path`/organizations/${organization_id}/groups/${group_id}`;
    const [found, members] = await Promise.all([
      client.get<z.input<typeof group>>(route, { signal }),
      client.get<List<OrganizationMembership>>(`${route}/organization-memberships`, {
        query: { limit: SHOWN },
        signal,
      }),
    ]);
    return {
      ...found,
      members: members.data.map(asMember),
      ...(members.list_metadata.after === null ? {} : { more_members: true }),
    };
  },
});
