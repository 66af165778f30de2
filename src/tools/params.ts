import { z } from "zod";
import { CONNECTION_ID_PREFIX } from "../workos/connection.js";
import { DIRECTORY_ID_PREFIX } from "../workos/directory.js";
import { DIRECTORY_GROUP_ID_PREFIX } from "../workos/directory-group.js";
import { DIRECTORY_USER_ID_PREFIX } from "../workos/directory-user.js";
import { prefixedId } from "../workos/id.js";
import { INVITATION_ID_PREFIX } from "../workos/invitation.js";
import { ORGANIZATION_ID_PREFIX } from "../workos/organization.js";
import { ORGANIZATION_DOMAIN_ID_PREFIX } from "../workos/organization-domain.js";
import { ORGANIZATION_MEMBERSHIP_ID_PREFIX } from "../workos/organization-membership.js";
import { SESSION_ID_PREFIX } from "../workos/session.js";
import { USER_ID_PREFIX } from "../workos/user.js";
import {
  CONNECTION_TYPE_FILTERS,
  DOMAIN_DATA_STATES,
  METADATA_LIMITS,
  ROLE_SLUG_PATTERN,
} from "../workos-vocabulary.js";

/** A WorkOS id of one kind (its prefix from src/workos), checked so a wrong kind of id fails before any request. */
export function workosId(prefix: string, noun: string, finder: string) {
  return prefixedId(prefix, `must be ${noun} id starting with "${prefix}_"; use ${finder} to find one`);
}

export const organizationId = workosId(ORGANIZATION_ID_PREFIX, "an organization", "list_organizations");
export const connectionId = workosId(CONNECTION_ID_PREFIX, "an SSO connection", "list_connections");
export const directoryId = workosId(DIRECTORY_ID_PREFIX, "a directory", "list_directories");
export const directoryUserId = workosId(DIRECTORY_USER_ID_PREFIX, "a directory user", "list_directory_users");
export const directoryGroupId = workosId(
  DIRECTORY_GROUP_ID_PREFIX,
  "a directory group",
  "list_directory_groups",
);
export const userId = workosId(USER_ID_PREFIX, "a user", "list_users");
export const organizationMembershipId = workosId(
  ORGANIZATION_MEMBERSHIP_ID_PREFIX,
  "an organization membership",
  "list_organization_memberships",
);
export const invitationId = workosId(INVITATION_ID_PREFIX, "an invitation", "list_invitations");
export const sessionId = workosId(SESSION_ID_PREFIX, "a session", "list_user_sessions");
export const organizationDomainId = workosId(
  ORGANIZATION_DOMAIN_ID_PREFIX,
  "an organization domain",
  "get_organization",
);
/** The 404 hint of the domain tools: no list tool finds domains, list_organizations maps them to their ids. */
export const domainNotFound = () =>
  "Check the id: it may be mistyped or the domain removed. list_organizations gives each domain's id in domain_ids.";

/** A role's slug, checked for form only: which roles exist is the environment's (list_roles) business. */
export const roleSlug = z
  .string()
  .regex(ROLE_SLUG_PATTERN, "must be a role slug such as admin or member (lowercase, digits, - and _)");

const DOMAIN = /^(?!-)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** A bare domain name such as example.com. */
export const domainName = z.string().min(1).regex(DOMAIN, "must be a bare domain such as example.com");

/** The same check, left out of the listed schema where every token counts. */
export const domainNameUnlisted = z
  .string()
  .refine((value) => DOMAIN.test(value), "must be a bare domain such as example.com");

// Checked here: zod's ISO pattern would add some 150 tokens to each listed field.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A point in time as WorkOS takes it: ISO 8601, a date alone meaning its midnight UTC. */
export const timestamp = z
  .string()
  .refine((value) => ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)), {
    error: "must be an ISO-8601 time, e.g. 2025-01-31T00:00:00Z",
  });

/** The pagination parameters every list tool takes. */
export const listParams = {
  limit: z.number().int().min(1).max(100).optional().describe("Page size, 1 to 100 (default 10)."),
  before: z.string().min(1).optional().describe("Cursor (an object id): the page before it."),
  after: z.string().min(1).optional().describe("Cursor (an object id): the page after it, as next gives."),
  order: z
    .enum(["asc", "desc"])
    .optional()
    .describe("Sort by creation time: desc (newest first, default) or asc."),
  detail: z
    .enum(["summary", "full"])
    .optional()
    .describe("summary (default): each item's key facts; full: whole WorkOS objects."),
};

const { keys: MAX_KEYS, keyLength: MAX_KEY_LENGTH, valueLength: MAX_VALUE_LENGTH } = METADATA_LIMITS;

export const metadata = z
  .record(
    z.string(),
    z.string().max(MAX_VALUE_LENGTH, `metadata values are at most ${MAX_VALUE_LENGTH} characters`),
  )
  .check((ctx) => {
    const keys = Object.keys(ctx.value);
    if (keys.length > MAX_KEYS)
      ctx.issues.push({
        code: "custom",
        message: `metadata holds at most ${MAX_KEYS} keys`,
        input: ctx.value,
      });
    for (const key of keys.filter((name) => name.length === 0 || name.length > MAX_KEY_LENGTH)) {
      ctx.issues.push({
        code: "custom",
        message: `metadata keys are 1 to ${MAX_KEY_LENGTH} characters`,
        path: [key],
        input: key,
      });
    }
  })
  .describe(
    `Key-value strings stored on the organization: at most ${MAX_KEYS} keys of up to ${MAX_KEY_LENGTH} characters, values up to ${MAX_VALUE_LENGTH}.`,
  );

export const externalId = z
  .string()
  .min(1)
  .max(128)
  // WorkOS accepts printable ASCII only.
  .regex(/^[\x20-\x7e]+$/, "must be printable ASCII")
  .describe("Your own identifier for the organization (unique, ASCII, up to 128 characters).");

export const domainData = z
  .array(
    z.object({
      domain: domainNameUnlisted.describe("A domain such as example.com, without scheme or path."),
      state: z
        .enum(DOMAIN_DATA_STATES)
        .describe("verified if you already know the organization owns it, otherwise pending."),
    }),
  )
  .max(100)
  .describe("The organization's domains, each with its verification state.");

// Accepted in any case: models write "oktasaml" or "GitHubOAuth" as readily as WorkOS's spelling.
const connectionTypeByLowerCase = new Map(CONNECTION_TYPE_FILTERS.map((type) => [type.toLowerCase(), type]));

// A string in the listed schema, checked here: the enum of 50 types would cost every turn 300 tokens.
export const connectionType = z
  .string()
  .transform((value, ctx) => {
    const type = connectionTypeByLowerCase.get(value.toLowerCase());
    if (type === undefined) {
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `not a WorkOS connection type; use one of ${CONNECTION_TYPE_FILTERS.join(", ")}`,
      });
      return z.NEVER;
    }
    return type;
  })
  .describe("Only connections of this identity provider type, e.g. OktaSAML or GoogleOAuth.");

export const confirmationToken = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe(
    "Omit at first. If the result asks for confirmation, show the user its preview; only if they agree, call again with its token.",
  );
