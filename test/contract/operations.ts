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
  // User management: AuthKit sign-in, its one-time codes and configuration (issue 18)
  { method: "GET", template: "/sso/jwks/{clientId}" },
  { method: "POST", template: "/user_management/authenticate" },
  { method: "GET", template: "/user_management/authorize" },
  { method: "POST", template: "/user_management/authorize/device" },
  { method: "POST", template: "/user_management/magic_auth" },
  { method: "GET", template: "/user_management/magic_auth/{id}" },
  { method: "GET", template: "/user_management/redirect_uris" },
  { method: "POST", template: "/user_management/redirect_uris" },
  { method: "DELETE", template: "/user_management/redirect_uris/{id}" },
  { method: "GET", template: "/user_management/sessions/logout" },
  { method: "GET", template: "/user_management/email_verification/{id}" },
  { method: "POST", template: "/user_management/users/{id}/email_verification/send" },
  { method: "POST", template: "/user_management/users/{id}/email_verification/confirm" },
  { method: "POST", template: "/user_management/password_reset" },
  { method: "GET", template: "/user_management/password_reset/{id}" },
  { method: "POST", template: "/user_management/password_reset/confirm" },
  { method: "POST", template: "/user_management/users/{id}/email_change/send" },
  { method: "POST", template: "/user_management/users/{id}/email_change/confirm" },
  { method: "GET", template: "/user_management/users/{id}/identities" },
  { method: "POST", template: "/user_management/users/{userlandUserId}/auth_factors" },
  { method: "GET", template: "/user_management/users/{userlandUserId}/auth_factors" },
  { method: "GET", template: "/user_management/invitations/by_token/{token}" },
  { method: "POST", template: "/user_management/invitations/{id}/accept" },
  { method: "GET", template: "/user_management/cors_origins" },
  { method: "POST", template: "/user_management/cors_origins" },
  { method: "GET", template: "/user_management/jwt_template" },
  { method: "PUT", template: "/user_management/jwt_template" },
  { method: "GET", template: "/user_management/users/{user_id}/data_providers" },
  { method: "GET", template: "/user_management/users/{user_id}/connected_accounts/{slug}" },
  { method: "POST", template: "/user_management/users/{user_id}/connected_accounts/{slug}" },
  { method: "PUT", template: "/user_management/users/{user_id}/connected_accounts/{slug}" },
  { method: "DELETE", template: "/user_management/users/{user_id}/connected_accounts/{slug}" },
];

/**
 * Operations whose only declared error the emulator has no cause to send: GET /authorization/roles takes no
 * input, and its one error is a 403 for a key without access to roles, which the emulator does not model.
 */
export const NO_CLIENT_ERROR: ReadonlySet<string> = new Set([
  "GET /authorization/roles",
  // Its one declared error is a 404 for an environment without a JWT template; the demo seed has one, and the API
  // cannot delete it (an emulator seeded without one answers 404, as test/emulator/authkit-config.test.ts shows).
  "GET /user_management/jwt_template",
]);

/**
 * Operations whose only declared 429 is a daily email quota (`daily_quota_exceeded`) or too many wrong codes
 * (`email_change_too_many_attempts`), neither of which the emulator counts: its account-wide rate-limit refusal
 * there has no declared shape, so the 429 check leaves them out.
 */
export const QUOTA_ONLY_429: ReadonlySet<string> = new Set([
  "POST /user_management/magic_auth",
  "POST /user_management/users/{id}/email_verification/send",
  "POST /user_management/password_reset",
  "POST /user_management/users/{id}/email_change/send",
  "POST /user_management/users/{id}/email_change/confirm",
]);
