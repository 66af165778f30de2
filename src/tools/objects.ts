import { z } from "zod";
import { eventDetail } from "../webhooks/summary.js";

// Output schemas name the fields a model relies on and stay open (looseObject), so a field WorkOS adds
// tomorrow passes through instead of failing the call.

const timestamps = { created_at: z.string(), updated_at: z.string() };

/** What a tool that names organizations adds to a WorkOS object, which names its organization only by id. */
const withOrganizationName = {
  organization_name: z.string().optional().describe("The organization's name, looked up by this server."),
};

export const organizationDomain = z.looseObject({
  object: z.literal("organization_domain"),
  id: z.string(),
  domain: z.string(),
  state: z.string().optional().describe("pending, verified, failed, unverified or legacy_verified."),
});

/** A domain on its own (GET /organization_domains/{id}): the organization it belongs to and how to verify it. */
export const standaloneDomain = organizationDomain.extend({
  id: z.string().describe("The organization domain id (org_domain_…)."),
  organization_id: z.string(),
  verification_strategy: z.string().optional().describe("dns or manual."),
  verification_prefix: z.string().optional(),
  verification_token: z
    .string()
    .optional()
    .describe("The value of the DNS TXT record that proves ownership."),
});

export const role = z.looseObject({
  object: z.literal("role"),
  id: z.string(),
  slug: z.string().describe("What memberships and invitations name the role by."),
  name: z.string(),
  description: z.string().nullable(),
  type: z.string().describe("EnvironmentRole, or OrganizationRole for an organization's custom role."),
  permissions: z.array(z.string()),
  ...timestamps,
});

export const event = z.looseObject({
  object: z.literal("event"),
  id: z.string(),
  event: z.string().describe("The event type, e.g. dsync.user.updated."),
  data: z.record(z.string(), z.unknown()).describe("The object the event is about, as it was then."),
  created_at: z.string(),
  ...withOrganizationName,
});

export const organization = z.looseObject({
  object: z.literal("organization"),
  id: z.string().describe("The organization id (org_…)."),
  name: z.string(),
  domains: z.array(organizationDomain),
  metadata: z.record(z.string(), z.string()),
  external_id: z.string().nullable(),
  stripe_customer_id: z.string().optional(),
  ...timestamps,
});

export const connection = z.looseObject({
  object: z.literal("connection"),
  id: z.string().describe("The connection id (conn_…)."),
  organization_id: z.string().optional(),
  connection_type: z.string().describe("The identity provider protocol, e.g. OktaSAML or GoogleOAuth."),
  name: z.string(),
  state: z.string().describe("requires_type, draft, active, validating, inactive or deleting."),
  domains: z.array(z.looseObject({ id: z.string(), domain: z.string() })),
  ...timestamps,
});

export const directory = z.looseObject({
  object: z.literal("directory"),
  id: z.string().describe("The directory id (directory_…)."),
  organization_id: z.string(),
  name: z.string(),
  type: z.string().describe("The directory provider, e.g. okta scim v2.0 or gsuite directory."),
  state: z.string().describe("linked, validating, invalid_credentials, unlinked or deleting."),
  domain: z.string().optional(),
  metadata: z
    .looseObject({})
    .optional()
    .describe("User counts (active, and inactive which counts suspended users too) and the group count."),
  ...timestamps,
});

export const directoryGroup = z.looseObject({
  object: z.literal("directory_group"),
  id: z.string().describe("The group id (directory_group_…)."),
  idp_id: z.string(),
  directory_id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  ...timestamps,
});

export const directoryUser = z.looseObject({
  object: z.literal("directory_user"),
  id: z.string().describe("The user id (directory_user_…)."),
  directory_id: z.string(),
  organization_id: z.string(),
  idp_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  emails: z.array(z.looseObject({})).optional(),
  state: z.string().describe("active, suspended or inactive."),
  custom_attributes: z.record(z.string(), z.unknown()),
  ...timestamps,
});

export const user = z.looseObject({
  object: z.literal("user"),
  id: z.string().describe("The user id (user_…)."),
  email: z.string(),
  email_verified: z.boolean(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  external_id: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  last_sign_in_at: z.string().nullable().optional(),
  ...timestamps,
});

export const organizationMembership = z.looseObject({
  object: z.literal("organization_membership"),
  id: z.string().describe("The membership id (om_…)."),
  user_id: z.string(),
  organization_id: z.string(),
  organization_name: z.string().optional(),
  status: z.string().describe("active, inactive or pending."),
  role: z.looseObject({ slug: z.string() }),
  user: user.partial().optional(),
  ...timestamps,
});

export const invitation = z.looseObject({
  object: z.literal("invitation"),
  id: z.string().describe("The invitation id (invitation_…)."),
  email: z.string(),
  state: z.string().describe("pending, accepted, expired or revoked."),
  expires_at: z.string(),
  organization_id: z.string().nullable(),
  role_slug: z.string().nullable().optional(),
  inviter_user_id: z.string().nullable().optional(),
  ...timestamps,
});

/** A connection or invitation as the tools that name its organization return it. */
export const namedConnection = connection.extend(withOrganizationName);
export const namedInvitation = invitation.extend(withOrganizationName);

export const session = z.looseObject({
  object: z.literal("session"),
  id: z.string().describe("The session id (session_…)."),
  user_id: z.string(),
  organization_id: z.string().optional(),
  status: z.string().describe("active, expired or revoked."),
  auth_method: z.string(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  expires_at: z.string(),
  ...timestamps,
});

// The summary projections: what a person asks about each item, in the fewest tokens. Every field is
// optional because what is empty is left out; `get_*` tools return the full object.

const domainNames = (domains: readonly { domain: string; state?: string | undefined }[]) =>
  domains.map(({ domain, state }) =>
    state === undefined || state === "verified" ? domain : `${domain} (${state})`,
  );

export const organizationSummary = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  domains: z.array(z.string()).optional().describe('Domain names; "(pending)" marks an unverified one.'),
  domain_ids: z
    .record(z.string(), z.string())
    .optional()
    .describe("Each domain's organization_domain_id (org_domain_…), for the *_organization_domain tools."),
  external_id: z.string().optional(),
});

export function summarizeOrganization(org: Organization): Record<string, unknown> {
  return {
    id: org.id,
    name: org.name,
    domains: domainNames(org.domains),
    domain_ids:
      org.domains.length === 0 ? undefined : Object.fromEntries(org.domains.map((d) => [d.domain, d.id])),
    external_id: org.external_id,
  };
}

export const connectionSummary = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  connection_type: z.string().optional(),
  state: z.string().optional(),
  organization_id: z.string().optional(),
  organization_name: z.string().optional(),
  domains: z.array(z.string()).optional(),
});

export function summarizeConnection(conn: Connection): Record<string, unknown> {
  return {
    id: conn.id,
    name: conn.name,
    connection_type: conn.connection_type,
    state: conn.state,
    organization_id: conn.organization_id,
    organization_name: conn.organization_name,
    domains: conn.domains.map(({ domain }) => domain),
  };
}

/** The user counts WorkOS returns in a directory's metadata: its `inactive` counts suspended users too. */
export interface DirectoryCounts {
  users?: { active?: number; inactive?: number };
  groups?: number;
}

const tally = z.union([z.number(), z.string()]).describe('A count; "n+" where counting stopped.');

/** A directory's users by state, in the three states a directory user can be in. */
export const directoryUsersByState = z.looseObject({
  active: tally.optional(),
  inactive: tally.optional(),
  suspended: tally.optional(),
  inactive_or_suspended: tally
    .optional()
    .describe(
      "Given instead of inactive and suspended where they were not told apart: WorkOS counts both as inactive.",
    ),
});

export type DirectoryUsersByState = Record<string, number | string>;

/**
 * The users by state as far as WorkOS's metadata tells them: it counts suspended users as inactive, so the two
 * are told apart only when there are none of either.
 */
export function usersFromMetadata(metadata: unknown): DirectoryUsersByState | undefined {
  const users = (metadata as DirectoryCounts | undefined)?.users;
  if (users === undefined) return undefined;
  const active = users.active ?? 0;
  const inactive = users.inactive ?? 0;
  return inactive === 0 ? { active, inactive: 0, suspended: 0 } : { active, inactive_or_suspended: inactive };
}

export const directorySummary = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  state: z.string().optional(),
  organization_id: z.string().optional(),
  domain: z.string().optional(),
  users: directoryUsersByState.optional(),
  groups: z.number().optional(),
});

export function summarizeDirectory(dir: Directory): Record<string, unknown> {
  return {
    id: dir.id,
    name: dir.name,
    type: dir.type,
    state: dir.state,
    organization_id: dir.organization_id,
    domain: dir.domain,
    users: usersFromMetadata(dir.metadata),
    groups: ((dir.metadata ?? {}) as DirectoryCounts).groups,
  };
}

export const directoryUserSummary = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  state: z.string().optional().describe("Shown only when not active."),
  directory_id: z.string().optional(),
});

/** A person's display name from whichever fields the identity provider filled. */
function personName(user: DirectoryUser): string | undefined {
  const parts = [user.first_name, user.last_name].filter((part) => typeof part === "string" && part !== "");
  if (parts.length > 0) return parts.join(" ");
  return typeof user.name === "string" && user.name !== "" ? user.name : undefined;
}

function primaryEmail(user: DirectoryUser): string | undefined {
  if (typeof user.email === "string" && user.email !== "") return user.email;
  const emails = (user.emails ?? []) as { primary?: boolean; value?: string | null }[];
  return (emails.find((email) => email.primary) ?? emails[0])?.value ?? undefined;
}

export function summarizeDirectoryUser(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    email: primaryEmail(user),
    name: personName(user),
    state: user.state === "active" ? undefined : user.state,
    directory_id: user.directory_id,
  };
}

/**
 * A directory user whole, less what only repeats it: WorkOS's deprecated `username` and `job_title` where they
 * equal `email` and `custom_attributes.job_title`, and in each of its (deprecated) `groups` the user's own
 * directory and organization ids, the object kind and empty raw attributes.
 */
export function wholeDirectoryUser(user: DirectoryUser): Record<string, unknown> {
  const custom = user.custom_attributes as Record<string, unknown>;
  const userRepeats = (key: string, value: unknown) =>
    (key === "username" && value === user.email) || (key === "job_title" && value === custom.job_title);
  const groupRepeats = (key: string, value: unknown) =>
    (key === "object" && value === "directory_group") ||
    ((key === "directory_id" || key === "organization_id") && value === user[key]) ||
    (key === "raw_attributes" && isEmptyObject(value));
  const whole: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) {
    if (userRepeats(key, value)) continue;
    whole[key] =
      key === "groups" && Array.isArray(value)
        ? value.map((group) =>
            isRecord(group)
              ? Object.fromEntries(Object.entries(group).filter(([field, v]) => !groupRepeats(field, v)))
              : group,
          )
        : value;
  }
  return whole;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

export const directoryGroupSummary = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  directory_id: z.string().optional(),
});

export function summarizeDirectoryGroup(group: DirectoryGroup): Record<string, unknown> {
  return { id: group.id, name: group.name, directory_id: group.directory_id };
}

export const userSummary = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  email_verified: z.boolean().optional().describe("Shown only when false."),
  last_sign_in_at: z.string().optional(),
});

export function summarizeUser(value: User): Record<string, unknown> {
  const name = [value.first_name, value.last_name].filter((part) => part !== null && part !== "").join(" ");
  return {
    id: value.id,
    email: value.email,
    name: name === "" ? undefined : name,
    email_verified: value.email_verified ? undefined : false,
    last_sign_in_at: value.last_sign_in_at,
  };
}

export const organizationMembershipSummary = z.looseObject({
  id: z.string(),
  user_id: z.string().optional(),
  email: z.string().optional(),
  organization_id: z.string().optional(),
  role: z.string().optional(),
  status: z.string().optional().describe("Shown only when not active."),
});

export function summarizeOrganizationMembership(value: OrganizationMembership): Record<string, unknown> {
  return {
    id: value.id,
    user_id: value.user_id,
    email: value.user?.email,
    organization_id: value.organization_id,
    role: value.role.slug,
    status: value.status === "active" ? undefined : value.status,
  };
}

export const invitationSummary = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  state: z.string().optional(),
  expires_at: z.string().optional(),
  organization_id: z.string().optional(),
  organization_name: z.string().optional(),
  role_slug: z.string().optional(),
});

export function summarizeInvitation(value: Invitation): Record<string, unknown> {
  return {
    id: value.id,
    email: value.email,
    state: value.state,
    expires_at: value.expires_at,
    organization_id: value.organization_id,
    organization_name: value.organization_name,
    role_slug: value.role_slug,
  };
}

export const sessionSummary = z.looseObject({
  id: z.string(),
  auth_method: z.string().optional(),
  organization_id: z.string().optional(),
  ip_address: z.string().optional(),
  user_agent: z.string().optional(),
  created_at: z.string().optional(),
  expires_at: z.string().optional(),
});

export function summarizeSession(value: Session): Record<string, unknown> {
  return {
    id: value.id,
    auth_method: value.auth_method,
    organization_id: value.organization_id,
    ip_address: value.ip_address,
    user_agent: value.user_agent,
    created_at: value.created_at,
    expires_at: value.expires_at,
  };
}

export const roleSummary = z.looseObject({
  slug: z.string(),
  name: z.string().optional(),
  custom: z.boolean().optional().describe("Set on an organization's own role."),
  permissions: z.array(z.string()).optional(),
});

export function summarizeRole(item: Role): Record<string, unknown> {
  return {
    slug: item.slug,
    name: item.name,
    custom: item.type === "OrganizationRole" ? true : undefined,
    permissions: item.permissions,
  };
}

export const eventSummary = z.looseObject({
  id: z.string(),
  event: z.string().optional(),
  created_at: z.string().optional(),
  summary: z.string().optional().describe("What the event concerns, in one line."),
});

export function summarizeEvent(item: WorkOSEvent): Record<string, unknown> {
  const organization = organizationOfEvent(item);
  return {
    id: item.id,
    event: item.event,
    created_at: item.created_at,
    summary: eventDetail(item.event, item.data, {
      context: item.context,
      organizationName: (id) => (id === organization ? item.organization_name : undefined),
    }),
  };
}

/** The organization an event's line names by id: its object's, or the one nested in a connection, domain or user. */
export function organizationOfEvent(item: WorkOSEvent): string | undefined {
  for (const holder of [item.data, item.data.connection, item.data.organization_domain, item.data.user]) {
    const id = (holder as { organization_id?: unknown } | null | undefined)?.organization_id;
    if (typeof id === "string" && id !== "") return id;
  }
  return undefined;
}

/** The structured result of every list tool: one page and the cursors around it. */
export function listOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    list_metadata: z.object({
      before: z.string().nullable().describe("Pass as `before` to get the previous page; null at the start."),
      after: z.string().nullable().describe("Pass as `after` to get the next page; null at the end."),
    }),
  });
}

export type Organization = z.input<typeof organization>;
export type Connection = z.input<typeof connection>;
export type Directory = z.input<typeof directory>;
export type DirectoryUser = z.input<typeof directoryUser>;
export type DirectoryGroup = z.input<typeof directoryGroup>;
export type User = z.input<typeof user>;
export type OrganizationMembership = z.input<typeof organizationMembership>;
export type Invitation = z.input<typeof invitation>;
export type Session = z.input<typeof session>;
export type StandaloneDomain = z.input<typeof standaloneDomain>;
export type Role = z.input<typeof role>;
export type WorkOSEvent = z.input<typeof event>;
