import { agentRegistrations } from "./agent-registrations.js";
import { authorizationResources } from "./authorization-resources.js";
import { authorizedApplications } from "./authorized-applications.js";
import { applicationSecrets, connectApplications } from "./connect-applications.js";
import { connections } from "./connections.js";
import {
  connectedAccounts,
  dataIntegrations,
  integrationConfigurations,
  pendingAuthorizations,
} from "./data-integrations.js";
import { directories } from "./directories.js";
import { directoryGroups } from "./directory-groups.js";
import { directoryUsers } from "./directory-users.js";
import { dnsRecords } from "./dns-records.js";
import { events } from "./events.js";
import { groupMemberships, groups } from "./groups.js";
import { invitations } from "./invitations.js";
import { organizationDomains } from "./organization-domains.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { permissions } from "./permissions.js";
import { portalLinks } from "./portal-links.js";
import { roleAssignments } from "./role-assignments.js";
import { roles } from "./roles.js";
import { sessions } from "./sessions.js";
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
  connectApplications,
  applicationSecrets,
  authorizedApplications,
  dataIntegrations,
  connectedAccounts,
  integrationConfigurations,
  pendingAuthorizations,
  agentRegistrations,
] as const;
