import generatePortalLink from "./admin-portal/generate-portal-link.js";
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
import getRole from "./roles/get-role.js";
import listRoles from "./roles/list-roles.js";
import getConnection from "./sso/get-connection.js";
import listConnections from "./sso/list-connections.js";
import createOrganizationMembership from "./users/create-organization-membership.js";
import createUser from "./users/create-user.js";
import deactivateOrganizationMembership from "./users/deactivate-organization-membership.js";
import deleteOrganizationMembership from "./users/delete-organization-membership.js";
import deleteUser from "./users/delete-user.js";
import getInvitation from "./users/get-invitation.js";
import getUser from "./users/get-user.js";
import listInvitations from "./users/list-invitations.js";
import listOrganizationMemberships from "./users/list-organization-memberships.js";
import listUserSessions from "./users/list-user-sessions.js";
import listUsers from "./users/list-users.js";
import reactivateOrganizationMembership from "./users/reactivate-organization-membership.js";
import resendInvitation from "./users/resend-invitation.js";
import revokeInvitation from "./users/revoke-invitation.js";
import revokeSession from "./users/revoke-session.js";
import sendInvitation from "./users/send-invitation.js";
import updateOrganizationMembership from "./users/update-organization-membership.js";
import updateUser from "./users/update-user.js";
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
  listRoles,
  getRole,
  listEvents,
  findWorkosOperations,
  workosRead,
  workosWrite,
] as AnyTool[];
