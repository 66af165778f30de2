import type { Toolset } from "../config.js";

/**
 * Every built-in tool's name and toolset, in the order clients list them. The CLI loads the off-by-default
 * toolsets' modules only when one is on (src/tools/load.ts); this is what it knows of every tool without them:
 * which names --tools and --exclude-tools may give, and why a call of a tool whose toolset is off is refused.
 * test/tools/registry.test.ts holds it equal to the tools themselves.
 */
export const TOOLSET_OF = {
  list_organizations: "organizations",
  get_organization: "organizations",
  get_organization_overview: "organizations",
  create_organization: "organizations",
  update_organization: "organizations",
  delete_organization: "organizations",
  add_organization_domain: "organizations",
  get_organization_domain: "organizations",
  verify_organization_domain: "organizations",
  delete_organization_domain: "organizations",
  list_connections: "sso",
  get_connection: "sso",
  generate_portal_link: "admin_portal",
  list_directories: "directory_sync",
  get_directory: "directory_sync",
  delete_directory: "directory_sync",
  list_directory_users: "directory_sync",
  get_directory_user: "directory_sync",
  list_directory_groups: "directory_sync",
  get_directory_group: "directory_sync",
  validate_webhook: "webhooks",
  list_users: "users",
  get_user: "users",
  create_user: "users",
  update_user: "users",
  delete_user: "users",
  list_organization_memberships: "users",
  create_organization_membership: "users",
  update_organization_membership: "users",
  deactivate_organization_membership: "users",
  reactivate_organization_membership: "users",
  delete_organization_membership: "users",
  list_invitations: "users",
  get_invitation: "users",
  send_invitation: "users",
  resend_invitation: "users",
  revoke_invitation: "users",
  list_user_sessions: "users",
  revoke_session: "users",
  list_groups: "users",
  get_group: "users",
  list_user_auth_factors: "users",
  delete_user_auth_factor: "users",
  list_webhook_endpoints: "webhook_endpoints",
  create_webhook_endpoint: "webhook_endpoints",
  update_webhook_endpoint: "webhook_endpoints",
  delete_webhook_endpoint: "webhook_endpoints",
  list_roles: "authorization",
  get_role: "authorization",
  create_role: "authorization",
  update_role: "authorization",
  delete_role: "authorization",
  list_permissions: "authorization",
  list_role_assignments: "authorization",
  assign_role: "authorization",
  remove_role_assignment: "authorization",
  check_access: "authorization",
  list_events: "events",
  list_audit_log_actions: "audit_logs",
  create_audit_log_export: "audit_logs",
  get_audit_log_export: "audit_logs",
  get_audit_log_retention: "audit_logs",
  set_audit_log_retention: "audit_logs",
  list_feature_flags: "feature_flags",
  get_feature_flag: "feature_flags",
  set_feature_flag_target: "feature_flags",
  list_api_keys: "api_keys",
  create_api_key: "api_keys",
  revoke_api_key: "api_keys",
  validate_api_key: "api_keys",
  add_radar_list_entry: "radar",
  remove_radar_list_entry: "radar",
  find_workos_operations: "catalog",
  workos_read: "catalog",
  workos_write: "catalog",
} as const satisfies Readonly<Record<string, Toolset>>;

/** Every built-in tool's name, in the order clients list them. */
export const TOOL_NAMES: readonly string[] = Object.keys(TOOLSET_OF);

/** The toolset of a built-in tool; undefined for any other name. */
export function toolsetOf(name: string): Toolset | undefined {
  return Object.hasOwn(TOOLSET_OF, name) ? TOOLSET_OF[name as keyof typeof TOOLSET_OF] : undefined;
}
