import type { AnyTool } from "../define.js";
import addOrganizationDomain from "../organizations/add-organization-domain.js";
import createOrganization from "../organizations/create-organization.js";
import deleteOrganization from "../organizations/delete-organization.js";
import deleteOrganizationDomain from "../organizations/delete-organization-domain.js";
import getOrganization from "../organizations/get-organization.js";
import getOrganizationDomain from "../organizations/get-organization-domain.js";
import getOrganizationOverview from "../organizations/get-organization-overview.js";
import listOrganizations from "../organizations/list-organizations.js";
import updateOrganization from "../organizations/update-organization.js";
import verifyOrganizationDomain from "../organizations/verify-organization-domain.js";

/** The organizations toolset's tools, in the order clients list them. */
export default [
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
] as AnyTool[];
