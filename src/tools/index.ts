import generatePortalLink from "./admin-portal/generate-portal-link.js";
import createApiKey from "./api-keys/create-api-key.js";
import listApiKeys from "./api-keys/list-api-keys.js";
import revokeApiKey from "./api-keys/revoke-api-key.js";
import validateApiKey from "./api-keys/validate-api-key.js";
import createAuditLogExport from "./audit-logs/create-audit-log-export.js";
import getAuditLogExport from "./audit-logs/get-audit-log-export.js";
import getAuditLogRetention from "./audit-logs/get-audit-log-retention.js";
import listAuditLogActions from "./audit-logs/list-audit-log-actions.js";
import setAuditLogRetention from "./audit-logs/set-audit-log-retention.js";
import assignRole from "./authorization/assign-role.js";
import checkAccess from "./authorization/check-access.js";
import createRole from "./authorization/create-role.js";
import deleteRole from "./authorization/delete-role.js";
import getRole from "./authorization/get-role.js";
import listPermissions from "./authorization/list-permissions.js";
import listRoleAssignments from "./authorization/list-role-assignments.js";
import listRoles from "./authorization/list-roles.js";
import removeRoleAssignment from "./authorization/remove-role-assignment.js";
import updateRole from "./authorization/update-role.js";
import findWorkosOperations from "./catalog/find-workos-operations.js";
import workosRead from "./catalog/workos-read.js";
import workosWrite from "./catalog/workos-write.js";
import type { AnyTool } from "./define.js";
import deleteDirectory from "./directory-sync/delete-directory.js";
import getDirectory from "./directory-sync/get-directory.js";
import getDirectoryGroup from "./directory-sync/get-directory-group.js";
import getDirectoryUser from "./directory-sync/get-directory-user.js";
import listDirectories from "./directory-sync/list-directories.js";
import listDirectoryGroups from "./directory-sync/list-directory-groups.js";
import listDirectoryUsers from "./directory-sync/list-directory-users.js";
import listEvents from "./events/list-events.js";
import getFeatureFlag from "./feature-flags/get-feature-flag.js";
import listFeatureFlags from "./feature-flags/list-feature-flags.js";
import setFeatureFlagTarget from "./feature-flags/set-feature-flag-target.js";
import addOrganizationDomain from "./organizations/add-organization-domain.js";
import createOrganization from "./organizations/create-organization.js";
import deleteOrganization from "./organizations/delete-organization.js";
import deleteOrganizationDomain from "./organizations/delete-organization-domain.js";
import getOrganization from "./organizations/get-organization.js";
import getOrganizationDomain from "./organizations/get-organization-domain.js";
import getOrganizationOverview from "./organizations/get-organization-overview.js";
import listOrganizations from "./organizations/list-organizations.js";
import updateOrganization from "./organizations/update-organization.js";
import verifyOrganizationDomain from "./organizations/verify-organization-domain.js";
import addRadarListEntry from "./radar/add-radar-list-entry.js";
import removeRadarListEntry from "./radar/remove-radar-list-entry.js";
import getConnection from "./sso/get-connection.js";
import listConnections from "./sso/list-connections.js";
import createOrganizationMembership from "./users/create-organization-membership.js";
import createUser from "./users/create-user.js";
import deactivateOrganizationMembership from "./users/deactivate-organization-membership.js";
import deleteOrganizationMembership from "./users/delete-organization-membership.js";
import deleteUser from "./users/delete-user.js";
import deleteUserAuthFactor from "./users/delete-user-auth-factor.js";
import getGroup from "./users/get-group.js";
import getInvitation from "./users/get-invitation.js";
import getUser from "./users/get-user.js";
import listGroups from "./users/list-groups.js";
import listInvitations from "./users/list-invitations.js";
import listOrganizationMemberships from "./users/list-organization-memberships.js";
import listUserAuthFactors from "./users/list-user-auth-factors.js";
import listUserSessions from "./users/list-user-sessions.js";
import listUsers from "./users/list-users.js";
import reactivateOrganizationMembership from "./users/reactivate-organization-membership.js";
import resendInvitation from "./users/resend-invitation.js";
import revokeInvitation from "./users/revoke-invitation.js";
import revokeSession from "./users/revoke-session.js";
import sendInvitation from "./users/send-invitation.js";
import updateOrganizationMembership from "./users/update-organization-membership.js";
import updateUser from "./users/update-user.js";
import createWebhookEndpoint from "./webhook-endpoints/create-webhook-endpoint.js";
import deleteWebhookEndpoint from "./webhook-endpoints/delete-webhook-endpoint.js";
import listWebhookEndpoints from "./webhook-endpoints/list-webhook-endpoints.js";
import updateWebhookEndpoint from "./webhook-endpoints/update-webhook-endpoint.js";
import validateWebhook from "./webhooks/validate-webhook.js";

/** Every tool, in the order clients list them. Adding a tool means adding it here. */
export const tools: readonly AnyTool[] = [
  listOrganizations,
  getOrganization,
  getOrganizationOverview,
  createOrganization,
  updateOrganization,
  deleteOrganization,
  addOrganizationDomain,
  getOrganizationDomain,
  verifyOrganizationDomain,
  deleteOrganizationDomain,
  listConnections,
  getConnection,
  generatePortalLink,
  listDirectories,
  getDirectory,
  deleteDirectory,
  listDirectoryUsers,
  getDirectoryUser,
  listDirectoryGroups,
  getDirectoryGroup,
  validateWebhook,
  listUsers,
  getUser,
  createUser,
  updateUser,
  deleteUser,
  listOrganizationMemberships,
  createOrganizationMembership,
  updateOrganizationMembership,
  deactivateOrganizationMembership,
  reactivateOrganizationMembership,
  deleteOrganizationMembership,
  listInvitations,
  getInvitation,
  sendInvitation,
  resendInvitation,
  revokeInvitation,
  listUserSessions,
  revokeSession,
  listGroups,
  getGroup,
  listUserAuthFactors,
  deleteUserAuthFactor,
  listWebhookEndpoints,
  createWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  listRoles,
  getRole,
  createRole,
  updateRole,
  deleteRole,
  listPermissions,
  listRoleAssignments,
  assignRole,
  removeRoleAssignment,
  checkAccess,
  listEvents,
  listAuditLogActions,
  createAuditLogExport,
  getAuditLogExport,
  getAuditLogRetention,
  setAuditLogRetention,
  listFeatureFlags,
  getFeatureFlag,
  setFeatureFlagTarget,
  listApiKeys,
  createApiKey,
  revokeApiKey,
  validateApiKey,
  addRadarListEntry,
  removeRadarListEntry,
  findWorkosOperations,
  workosRead,
  workosWrite,
] as AnyTool[];
