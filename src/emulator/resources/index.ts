import { agentRegistrations } from "./agent-registrations.js";
import { apiKeys } from "./api-keys.js";
import { auditLogActions } from "./audit-log-actions.js";
import { auditLogEvents } from "./audit-log-events.js";
import { auditLogExports } from "./audit-log-exports.js";
import { auditLogsRetention } from "./audit-logs-retention.js";
import { authorizationCodes, deviceGrants, pendingAuthentications, refreshTokens } from "./authentication.js";
import { authenticationChallenges, authenticationFactors } from "./authentication-factors.js";
import { authorizationResources } from "./authorization-resources.js";
import { authorizedApplications } from "./authorized-applications.js";
import { applicationSecrets, connectApplications } from "./connect-applications.js";
import { connections } from "./connections.js";
import { corsOrigins } from "./cors-origins.js";
import {
  connectedAccounts,
  dataIntegrations,
  integrationConfigurations,
  pendingAuthorizations,
} from "./data-integrations.js";
import { userDataProviders } from "./data-providers.js";
import { directories } from "./directories.js";
import { directoryGroups } from "./directory-groups.js";
import { directoryUsers } from "./directory-users.js";
import { dnsRecords } from "./dns-records.js";
import { emailChanges, emailVerifications } from "./email-verifications.js";
import { events } from "./events.js";
import { externalAuthSessions } from "./external-auth-sessions.js";
import { featureFlags, featureFlagTargets } from "./feature-flags.js";
import { groupRoleAssignments } from "./group-role-assignments.js";
import { groupMemberships, groups } from "./groups.js";
import { invitations } from "./invitations.js";
import { jwtTemplates } from "./jwt-templates.js";
import { magicAuths } from "./magic-auth.js";
import { oauthClients } from "./oauth-clients.js";
import { oauthCodes, oauthRefreshTokens, oauthServer, resourceIndicators } from "./oauth-server.js";
import { organizationDomains } from "./organization-domains.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { passwordResets } from "./password-resets.js";
import { permissions } from "./permissions.js";
import { portalLinks } from "./portal-links.js";
import { radarAttempts, radarListEntries } from "./radar.js";
import { redirectUris } from "./redirect-uris.js";
import { roleAssignments } from "./role-assignments.js";
import { roles } from "./roles.js";
import { sessionTokens } from "./session-tokens.js";
import { sessions } from "./sessions.js";
import { signInPages } from "./sign-in-pages.js";
import { ssoSessions } from "./sso-sessions.js";
import { userAuthFactors } from "./user-auth-factors.js";
import { userIdentities } from "./user-identities.js";
import { userPasswords } from "./user-passwords.js";
import { users } from "./users.js";
import { vaultKeys } from "./vault-keys.js";
import { vaultObjects } from "./vault-objects.js";
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
  // Authorization (issue 18): after the rest, so the seed stamps of older resources stay as they were.
  permissions,
  authorizationResources,
  roleAssignments,
  vaultKeys,
  vaultObjects,
  groups,
  groupMemberships,
  groupRoleAssignments,
  connectApplications,
  applicationSecrets,
  authorizedApplications,
  dataIntegrations,
  connectedAccounts,
  integrationConfigurations,
  pendingAuthorizations,
  agentRegistrations,
  // AuthKit sign-in and its configuration (issue 18, user management)
  userPasswords,
  magicAuths,
  emailVerifications,
  emailChanges,
  passwordResets,
  userAuthFactors,
  userIdentities,
  redirectUris,
  corsOrigins,
  jwtTemplates,
  userDataProviders,
  authorizationCodes,
  refreshTokens,
  pendingAuthentications,
  deviceGrants,
  signInPages,
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
  // The emulator as AuthKit's OAuth authorization server for MCP (issue 20)
  resourceIndicators,
  oauthClients,
  oauthCodes,
  oauthRefreshTokens,
  oauthServer,
] as const;
