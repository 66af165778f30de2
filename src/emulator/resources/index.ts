import { apiKeys } from "./api-keys.js";
import { auditLogActions } from "./audit-log-actions.js";
import { auditLogEvents } from "./audit-log-events.js";
import { auditLogExports } from "./audit-log-exports.js";
import { auditLogsRetention } from "./audit-logs-retention.js";
import { authenticationChallenges, authenticationFactors } from "./authentication-factors.js";
import { connections } from "./connections.js";
import { directories } from "./directories.js";
import { directoryGroups } from "./directory-groups.js";
import { directoryUsers } from "./directory-users.js";
import { dnsRecords } from "./dns-records.js";
import { events } from "./events.js";
import { externalAuthSessions } from "./external-auth-sessions.js";
import { featureFlags, featureFlagTargets } from "./feature-flags.js";
import { invitations } from "./invitations.js";
import { organizationDomains } from "./organization-domains.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { portalLinks } from "./portal-links.js";
import { radarAttempts, radarListEntries } from "./radar.js";
import { roles } from "./roles.js";
import { sessionTokens } from "./session-tokens.js";
import { sessions } from "./sessions.js";
import { ssoSessions } from "./sso-sessions.js";
import { users } from "./users.js";
import { webhookEndpoints } from "./webhook-endpoints.js";

/**
 * Every resource the emulator knows. The store keeps one collection per entry, the seed loader validates and
 * loads them in this order, and the router serves their routes; a deletion takes children with it in this
 * order too (connections before directories, as WorkOS's events show).
 */
export const RESOURCES = [
  organizations,
  organizationDomains,
  dnsRecords,
  roles,
  connections,
  directories,
  directoryGroups,
  directoryUsers,
  users,
  organizationMemberships,
  invitations,
  sessions,
  portalLinks,
  events,
  webhookEndpoints,
  auditLogActions,
  auditLogEvents,
  auditLogExports,
  auditLogsRetention,
  apiKeys,
  featureFlags,
  featureFlagTargets,
  authenticationFactors,
  authenticationChallenges,
  ssoSessions,
  radarListEntries,
  radarAttempts,
  sessionTokens,
  externalAuthSessions,
] as const;
