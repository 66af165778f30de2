import generatePortalLink from "./admin-portal/generate-portal-link.js";
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
  listRoles,
  getRole,
  listEvents,
] as AnyTool[];
