import { z } from "zod";
import type { List } from "../../client/client.js";
import type { Invitation } from "../../workos/invitation.js";
import { INVITATION_STATES } from "../../workos-vocabulary.js";
import { defineTool, READ } from "../define.js";
import { namedInvitation, namedInvitationSummary, withOrganizationNames } from "../organization-names.js";
import { listOf, page } from "../page.js";
import { listParams, organizationId } from "../params.js";
import { scan } from "../scan.js";

export default defineTool({
  name: "list_invitations",
  title: "List Invitations",
  description:
    "List invitations to sign up, newest first, with their state (pending, accepted, expired, revoked), " +
    "optionally only an organization's, one email's, or those in one state.",
  toolset: "users",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.optional().describe("Only invitations to this organization (org_…)."),
    email: z.email().optional().describe("Only invitations sent to this email."),
    state: z.enum(INVITATION_STATES).optional().describe("Only invitations in this state, e.g. pending."),
    ...listParams,
  }),
  output: listOf(namedInvitation),
  list: {
    noun: "invitation",
    ...namedInvitationSummary,
    // With a state filter the state is left out of each item as repeating it.
    legend: ({ state }) => (state === undefined ? undefined : `Every invitation shown is ${state}.`),
  },
  finds: "invitation_id",
  annotations: READ,
  handler: async (input, { client, signal, progress }) => {
    const { state, detail: _, ...query } = input;
    const invitations =
      state === undefined
        ? page(await client.get<List<Invitation>>("/user_management/invitations", { query, signal }))
        : // WorkOS has no state filter for invitations: the pages are walked and filtered here.
          await scan<Invitation>({
            client,
            path: "/user_management/invitations",
            query: { ...query, limit: undefined },
            limit: input.limit ?? 10,
            matches: (item) => item.state === state,
            context: { signal, progress },
            noun: "invitation",
          });
    // Filtered by organization, its name would only repeat on every item what the call already named.
    if (query.organization_id !== undefined) return invitations;
    return { ...invitations, data: await withOrganizationNames(client, invitations.data, signal) };
  },
});
