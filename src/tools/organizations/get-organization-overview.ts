import { z } from "zod";
import type { WorkOSClient } from "../../client/client.js";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import type { Connection } from "../../workos/connection.js";
import { type Directory, directoryUsersByState } from "../../workos/directory.js";
import type { Invitation } from "../../workos/invitation.js";
import { ORGANIZATION_ID_PREFIX, organization } from "../../workos/organization.js";
import { organizationDomain } from "../../workos/organization-domain.js";
import { defineTool, READ } from "../define.js";
import { collect, count as countItems, directoryUserCounts } from "../impact.js";
import { organizationId } from "../params.js";
import { readable } from "../readable.js";
import { expectShape } from "../shape.js";

/** Enough for any real customer; the summary says when an organization has more. */
const SHOWN = 25;

const readOrganization = readable(organization);

const overview = z.object({
  // The organization with what a setup question needs: its domains' ids, names and states.
  organization: readOrganization.pick({ id: true, name: true }).extend({
    external_id: z.string().optional(),
    domains: z.array(readable(organizationDomain).pick({ id: true, domain: true, state: true })),
  }),
  sso_connections: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      state: z.string(),
      domains: z.array(z.string()).optional(),
    }),
  ),
  directories: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      state: z.string(),
      users: directoryUsersByState.optional(),
      groups: z.number().optional(),
    }),
  ),
  members: z.union([z.number(), z.string()]).optional().describe("Active AuthKit members (users toolset)."),
  pending_invitations: z
    .union([z.number(), z.string()])
    .optional()
    .describe("Invitations not yet accepted (users toolset)."),
  more: z
    .looseObject({ sso_connections: z.boolean().optional(), directories: z.boolean().optional() })
    .optional()
    .describe("Set where more exist than the 25 shown."),
});

async function authkitCounts(client: WorkOSClient, organizationId: string, signal: AbortSignal) {
  const query = { organization_id: organizationId };
  const [members, invitations] = await Promise.all([
    countItems(client, "/user_management/organization_memberships", query, signal),
    collect(client.items<Invitation>("/user_management/invitations", { query, maxItems: 1000, signal })),
  ]);
  const pending = invitations.filter((invitation) => invitation.state === "pending").length;
  return { members, pending_invitations: invitations.length >= 1000 ? `${pending}+` : pending };
}

const count = (n: number | string, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export default defineTool({
  name: "get_organization_overview",
  title: "Get Organization Overview",
  description:
    "Summarise an organization's setup in one call: domain verification, SSO connection states, and Directory Sync " +
    "directories with user counts by state. With the users toolset, also members and pending invitations. " +
    "Start here for questions about one customer.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization (org_…)."),
  }),
  output: overview,
  annotations: READ,
  summary: ({ organization, sso_connections, directories, members, pending_invitations, more }) => {
    const active = sso_connections.filter((conn) => conn.state === "active").length;
    const plus = (more: boolean | undefined) => (more === true ? "+" : "");
    return (
      `Organization ${quote.id(organization.id, ORGANIZATION_ID_PREFIX)}: ${count(organization.domains.length, "domain")}, ` +
      `${count(sso_connections.length, "SSO connection")}${plus(more?.sso_connections)} (${active} active), ` +
      `${count(directories.length, "directory").replace(/ys$/, "ies")}${plus(more?.directories)}` +
      (members === undefined
        ? ""
        : `, ${count(members, "active member")}, ${count(pending_invitations ?? 0, "pending invitation")}`) +
      "."
    );
  },
  notes: ({ more }) => [
    ...(more?.sso_connections === true
      ? [
          `Only the first ${SHOWN} SSO connections are shown; list_connections with organization_id lists the rest.`,
        ]
      : []),
    ...(more?.directories === true
      ? [
          `Only the first ${SHOWN} directories are shown; list_directories with organization_id lists the rest.`,
        ]
      : []),
  ],
  handler: async ({ organization_id }, { client, signal, toolsets }) => {
    const query = { organization_id };
    const [answer, connections, directories, people] = await Promise.all([
      client.get(path`/organizations/${organization_id}`, { signal }),
      collect(client.items<Connection>("/connections", { query, maxItems: SHOWN + 1, signal })),
      collect(client.items<Directory>("/directories", { query, maxItems: SHOWN + 1, signal })),
      // Only a server that offers the user tools says how many people an organization has.
      toolsets.has("users") ? authkitCounts(client, organization_id, signal) : undefined,
    ]);
    const org = expectShape(readOrganization, answer, "an organization");
    const shown = directories.slice(0, SHOWN);
    const users = await Promise.all(shown.map((dir) => directoryUserCounts(client, dir, signal)));
    return {
      organization: {
        id: org.id,
        name: org.name,
        ...(org.external_id === null ? {} : { external_id: org.external_id }),
        domains: org.domains.map(({ id, domain, state }) => ({
          id,
          domain,
          ...(state === undefined ? {} : { state }),
        })),
      },
      sso_connections: connections.slice(0, SHOWN).map((conn) => ({
        id: conn.id,
        name: conn.name,
        type: conn.connection_type,
        state: conn.state,
        domains: conn.domains.map(({ domain }) => domain),
      })),
      directories: shown.map((dir, i) => {
        const groups = dir.metadata?.groups;
        return { id: dir.id, name: dir.name, type: dir.type, state: dir.state, users: users[i], groups };
      }),
      ...people,
      ...(connections.length > SHOWN || directories.length > SHOWN
        ? { more: { sso_connections: connections.length > SHOWN, directories: directories.length > SHOWN } }
        : {}),
    };
  },
});
