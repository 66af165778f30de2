import type { HttpMethod } from "../support/openapi.js";

/** Every WorkOS operation the emulator serves and the contract covers. */
export const OPERATIONS: readonly { method: HttpMethod; template: string }[] = [
  { method: "GET", template: "/connections" },
  { method: "GET", template: "/connections/{id}" },
  { method: "DELETE", template: "/connections/{id}" },
  { method: "GET", template: "/organizations" },
  { method: "POST", template: "/organizations" },
  { method: "GET", template: "/organizations/{id}" },
  { method: "PUT", template: "/organizations/{id}" },
  { method: "DELETE", template: "/organizations/{id}" },
  { method: "GET", template: "/organizations/external_id/{external_id}" },
  { method: "POST", template: "/portal/generate_link" },
  { method: "GET", template: "/directories" },
  { method: "GET", template: "/directories/{id}" },
  { method: "DELETE", template: "/directories/{id}" },
  { method: "GET", template: "/directory_users" },
  { method: "GET", template: "/directory_users/{id}" },
  { method: "GET", template: "/directory_groups" },
  { method: "GET", template: "/directory_groups/{id}" },
  { method: "GET", template: "/events" },
  { method: "GET", template: "/user_management/users" },
  { method: "POST", template: "/user_management/users" },
  { method: "GET", template: "/user_management/users/{id}" },
  { method: "PUT", template: "/user_management/users/{id}" },
  { method: "DELETE", template: "/user_management/users/{id}" },
  { method: "GET", template: "/user_management/users/external_id/{external_id}" },
  { method: "GET", template: "/user_management/organization_memberships" },
  { method: "POST", template: "/user_management/organization_memberships" },
  { method: "GET", template: "/user_management/organization_memberships/{id}" },
  { method: "PUT", template: "/user_management/organization_memberships/{id}" },
  { method: "DELETE", template: "/user_management/organization_memberships/{id}" },
  { method: "PUT", template: "/user_management/organization_memberships/{id}/deactivate" },
  { method: "PUT", template: "/user_management/organization_memberships/{id}/reactivate" },
  { method: "GET", template: "/user_management/invitations" },
  { method: "POST", template: "/user_management/invitations" },
  { method: "GET", template: "/user_management/invitations/{id}" },
  { method: "POST", template: "/user_management/invitations/{id}/resend" },
  { method: "POST", template: "/user_management/invitations/{id}/revoke" },
  { method: "GET", template: "/user_management/users/{id}/sessions" },
  { method: "POST", template: "/user_management/sessions/revoke" },
  { method: "GET", template: "/authorization/roles" },
  { method: "GET", template: "/authorization/roles/{slug}" },
  { method: "GET", template: "/authorization/organizations/{organizationId}/roles" },
  { method: "GET", template: "/authorization/organizations/{organizationId}/roles/{slug}" },
  { method: "POST", template: "/organization_domains" },
  { method: "GET", template: "/organization_domains/{id}" },
  { method: "POST", template: "/organization_domains/{id}/verify" },
  { method: "DELETE", template: "/organization_domains/{id}" },
  // Authorization (issue 18): permissions, role writes, resources, role assignments and access checks
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/resources",
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_id}/permissions",
  },
  {
    method: "GET",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/resources/{resource_type_slug}/{external_id}/permissions",
  },
  { method: "POST", template: "/authorization/organization_memberships/{organization_membership_id}/check" },
  {
    method: "GET",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
  },
  {
    method: "POST",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
  },
  {
    method: "DELETE",
    template: "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
  },
  {
    method: "DELETE",
    template:
      "/authorization/organization_memberships/{organization_membership_id}/role_assignments/{role_assignment_id}",
  },
  { method: "POST", template: "/authorization/organizations/{organizationId}/roles" },
  { method: "PATCH", template: "/authorization/organizations/{organizationId}/roles/{slug}" },
  { method: "DELETE", template: "/authorization/organizations/{organizationId}/roles/{slug}" },
  { method: "PUT", template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions" },
  { method: "POST", template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions" },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}",
  },
  {
    method: "GET",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
  },
  {
    method: "PATCH",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
  },
  {
    method: "DELETE",
    template: "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}",
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/organization_memberships",
  },
  {
    method: "GET",
    template:
      "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}/role_assignments",
  },
  { method: "GET", template: "/authorization/permissions" },
  { method: "POST", template: "/authorization/permissions" },
  { method: "GET", template: "/authorization/permissions/{slug}" },
  { method: "PATCH", template: "/authorization/permissions/{slug}" },
  { method: "DELETE", template: "/authorization/permissions/{slug}" },
  { method: "GET", template: "/authorization/resources" },
  { method: "POST", template: "/authorization/resources" },
  { method: "GET", template: "/authorization/resources/{resource_id}" },
  { method: "PATCH", template: "/authorization/resources/{resource_id}" },
  { method: "DELETE", template: "/authorization/resources/{resource_id}" },
  { method: "GET", template: "/authorization/resources/{resource_id}/organization_memberships" },
  { method: "GET", template: "/authorization/resources/{resource_id}/role_assignments" },
  { method: "POST", template: "/authorization/roles" },
  { method: "PATCH", template: "/authorization/roles/{slug}" },
  { method: "PUT", template: "/authorization/roles/{slug}/permissions" },
  { method: "POST", template: "/authorization/roles/{slug}/permissions" },
];

/**
 * Operations whose only declared error the emulator has no cause to send: GET /authorization/roles takes no
 * input, and its one error is a 403 for a key without access to roles, which the emulator does not model.
 */
export const NO_CLIENT_ERROR: ReadonlySet<string> = new Set(["GET /authorization/roles"]);
