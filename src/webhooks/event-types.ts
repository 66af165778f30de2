/**
 * The WorkOS event types validate_webhook summarises by name (see summary.ts), with what each means: the
 * text of the workos://webhooks/event-types resource. Any other event still verifies, with a generic summary.
 */
export const SUMMARISED_EVENT_TYPES: readonly (readonly [type: string, meaning: string])[] = [
  ["connection.activated", "An SSO connection became active: its users can sign in with it."],
  [
    "connection.deactivated",
    "An SSO connection stopped being active: sign-in through it fails until it is reactivated.",
  ],
  ["connection.deleted", "An SSO connection was deleted."],
  [
    "connection.saml_certificate_renewal_required",
    "A SAML connection's certificate expires soon and must be renewed.",
  ],
  ["connection.saml_certificate_renewed", "A SAML connection's certificate was renewed."],
  ["dsync.activated", "A directory was connected and starts syncing users and groups."],
  ["dsync.deleted", "A directory was deleted; its users and groups are gone."],
  ["dsync.user.created", "A directory added a user: provision them."],
  [
    "dsync.user.updated",
    "A directory changed a user (attributes or state): update them; a suspended state means deprovision.",
  ],
  ["dsync.user.deleted", "A directory removed a user: deprovision them."],
  ["dsync.group.created", "A directory added a group."],
  ["dsync.group.updated", "A directory changed a group."],
  ["dsync.group.deleted", "A directory removed a group."],
  ["dsync.group.user_added", "A user joined a directory group: grant what the group grants."],
  ["dsync.group.user_removed", "A user left a directory group: revoke what the group granted."],
  ["organization.created", "An organization was created."],
  ["organization.updated", "An organization changed (name, domains, metadata)."],
  ["organization.deleted", "An organization was deleted."],
  ["organization_domain.created", "A domain was added to an organization."],
  ["organization_domain.updated", "An organization's domain changed."],
  ["organization_domain.deleted", "A domain was removed from an organization."],
  ["organization_domain.verified", "An organization proved it owns a domain."],
  [
    "organization_domain.verification_failed",
    "An organization's domain could not be verified; see the reason.",
  ],
];

/** The resource's text: a table a person or a model can read. */
export function eventTypesMarkdown(): string {
  return [
    "# WorkOS webhook events validate_webhook explains",
    "",
    "Every WorkOS event verifies; these are also summarised by name, user, group, directory or organization.",
    "",
    "| event | meaning |",
    "|---|---|",
    ...SUMMARISED_EVENT_TYPES.map(([type, meaning]) => `| \`${type}\` | ${meaning} |`),
  ].join("\n");
}
