// WorkOS's own vocabulary, from its OpenAPI spec: shared by the emulator and the tools so they cannot drift.

/** Connection types as WorkOS returns them (the Connection schema's enum). */
export const CONNECTION_TYPES = [
  "Pending",
  "ADFSSAML",
  "AdpOidc",
  "AppleOAuth",
  "Auth0Migration",
  "Auth0SAML",
  "AzureSAML",
  "BitbucketOAuth",
  "CasSAML",
  "ClassLinkSAML",
  "CleverOIDC",
  "CloudflareSAML",
  "CyberArkSAML",
  "DiscordOAuth",
  "DuoSAML",
  "EntraIdOIDC",
  "GenericOIDC",
  "GenericSAML",
  "GitHubOAuth",
  "GitLabOAuth",
  "GoogleOAuth",
  "GoogleOIDC",
  "GoogleSAML",
  "GrokOAuth",
  "XOAuth",
  "IntuitOAuth",
  "JumpCloudSAML",
  "KeycloakSAML",
  "LastPassSAML",
  "LinkedInOAuth",
  "LoginGovOidc",
  "MagicLink",
  "MicrosoftOAuth",
  "MiniOrangeSAML",
  "NetIqSAML",
  "OktaOIDC",
  "OktaSAML",
  "OneLoginSAML",
  "OracleSAML",
  "PingFederateSAML",
  "PingOneSAML",
  "RipplingSAML",
  "SalesforceSAML",
  "ShibbolethGenericSAML",
  "ShibbolethSAML",
  "SimpleSamlPhpSAML",
  "SalesforceOAuth",
  "SlackOAuth",
  "TestIdp",
  "VercelMarketplaceOAuth",
  "VercelOAuth",
  "VMwareSAML",
  "XeroOAuth",
] as const;

/**
 * The `connection_type` list filter's enum: the response enum without Pending, Auth0Migration and TestIdp,
 * and with GitHub spelled "GithubOAuth" (an inconsistency in the spec itself).
 */
export const CONNECTION_TYPE_FILTERS = CONNECTION_TYPES.filter(
  (type) => type !== "Pending" && type !== "Auth0Migration" && type !== "TestIdp",
).map((type) => (type === "GitHubOAuth" ? "GithubOAuth" : type));

/** What an Admin Portal link sets up. */
export const PORTAL_INTENTS = [
  "sso",
  "dsync",
  "audit_logs",
  "log_streams",
  "domain_verification",
  "certificate_renewal",
  "bring_your_own_key",
] as const;

/** Whether a connection is linked (the Connection schema's deprecated `status` enum). */
export const CONNECTION_STATUSES = ["linked", "unlinked"] as const;

/** Whether a webhook endpoint receives events (the WebhookEndpointJson schema's `status` enum). */
export const WEBHOOK_ENDPOINT_STATUSES = ["enabled", "disabled"] as const;

/** A directory user's state (the DirectoryUser schema's enum). */
export const DIRECTORY_USER_STATES = ["active", "inactive", "suspended"] as const;

/** A connection's state (the Connection schema's enum). */
export const CONNECTION_STATES = [
  "requires_type",
  "draft",
  "active",
  "validating",
  "inactive",
  "deleting",
] as const;

/** Directory providers (the Directory schema's `type` enum). */
export const DIRECTORY_TYPES = [
  "azure scim v2.0",
  "bamboohr",
  "breathe hr",
  "cezanne hr",
  "cyberark scim v2.0",
  "fourth hr",
  "generic scim v2.0",
  "gsuite directory",
  "hibob",
  "sailpoint scim v2.0",
  "jump cloud scim v2.0",
  "okta scim v2.0",
  "onelogin scim v2.0",
  "people hr",
  "personio",
  "pingfederate scim v2.0",
  "rippling scim v2.0",
  "s3",
  "sftp",
  "sftp workday",
  "workday",
] as const;

/** A directory's state (the Directory schema's enum). */
export const DIRECTORY_STATES = [
  "linked",
  "validating",
  "invalid_credentials",
  "unlinked",
  "deleting",
] as const;

/** An organization domain's state (the OrganizationDomain schema's enum). */
export const DOMAIN_STATES = ["failed", "legacy_verified", "pending", "unverified", "verified"] as const;

/** How an organization domain is verified. */
export const DOMAIN_VERIFICATION_STRATEGIES = ["dns", "manual"] as const;

/** The states a caller may give a domain in `domain_data` when creating or updating an organization. */
export const DOMAIN_DATA_STATES = ["pending", "verified"] as const;

/** An AuthKit organization membership's status (the UserlandUserOrganizationMembership schema's enum). */
export const MEMBERSHIP_STATUSES = ["active", "inactive", "pending"] as const;

/** An invitation's state (the UserlandUserInvite schema's enum). */
export const INVITATION_STATES = ["pending", "accepted", "expired", "revoked"] as const;

/** How long an invitation stays valid, in days: `expires_in_days` bounds and default. */
export const INVITATION_EXPIRES_IN_DAYS = { min: 1, max: 30, default: 7 } as const;

/** An AuthKit session's status (the sessions list schema's enum). */
export const SESSION_STATUSES = ["active", "expired", "revoked"] as const;

/** How an AuthKit session was signed in (the sessions list schema's `auth_method` enum). */
export const SESSION_AUTH_METHODS = [
  "cross_app_auth",
  "external_auth",
  "impersonation",
  "magic_code",
  "migrated_session",
  "oauth",
  "passkey",
  "password",
  "sso",
  "unknown",
] as const;

/** The role a membership or invitation gets when none is named. */
export const DEFAULT_ROLE_SLUG = "member";

/** What a role slug looks like: lowercase letters, digits, hyphens and underscores. */
export const ROLE_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** What a permission slug looks like: lowercase letters, digits, hyphens, underscores, colons, periods, asterisks. */
export const PERMISSION_SLUG_PATTERN = /^[a-z0-9_:.*-]+$/;

/** An organization's custom role slug: "org-" and then lowercase letters, digits, hyphens and underscores. */
export const ORGANIZATION_ROLE_SLUG_PATTERN = /^org-[a-z0-9_-]+$/;

/** The longest slug or name the Authorization API accepts (its DTOs' maxLength), and the longest description. */
export const AUTHORIZATION_LIMITS = { slug: 48, name: 48, description: 150 } as const;

/** Where a membership's role assignment comes from: given to it directly, or through a group. */
export const ROLE_ASSIGNMENT_SOURCES = ["direct", "group"] as const;

/** Which of a resource's members `assignment` asks for: those assigned on it, or also those who inherit access. */
export const ASSIGNMENT_KINDS = ["direct", "indirect"] as const;

/** Whether a role belongs to the environment or is one organization's custom role (the Role schema's enum). */
export const ROLE_TYPES = ["EnvironmentRole", "OrganizationRole"] as const;

/** Page sizes every list endpoint accepts, and the size it uses when none is given. */
export const LIST_LIMIT = { min: 1, max: 100, default: 10 } as const;

/** Sort orders of list endpoints; "normal" is WorkOS's legacy spelling of newest first. */
export const LIST_ORDERS = ["asc", "desc", "normal"] as const;

/** What an organization's metadata may hold. */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 600 } as const;

/** An organization's external_id: printable ASCII of at most this many characters. */
export const EXTERNAL_ID_MAX_LENGTH = 128;

/** How many IT contacts an Admin Portal link may name. */
export const PORTAL_IT_CONTACT_EMAILS_MAX = 20;

/** The cursors around one page of a list. */
export interface ListMetadata {
  before: string | null;
  after: string | null;
}

/** The envelope of every WorkOS list response. */
export interface List<T> {
  object: "list";
  data: T[];
  list_metadata: ListMetadata;
}

/** Every event type the spec's EventSchema knows. */
export const EVENT_TYPES = [
  "action.authentication.denied",
  "action.user_registration.denied",
  "agent.registration.claim.attempt.created",
  "agent.registration.claim.completed",
  "agent.registration.created",
  "agent.registration.credential.issued",
  "agent.registration.deleted",
  "agent.registration.expired",
  "agent.registration.organization.switched",
  "agent.registration.refreshed",
  "agent.registration.revoked",
  "api_key.created",
  "api_key.revoked",
  "api_key.updated",
  "authentication.email_verification_failed",
  "authentication.email_verification_succeeded",
  "authentication.magic_auth_failed",
  "authentication.magic_auth_succeeded",
  "authentication.mfa_failed",
  "authentication.mfa_succeeded",
  "authentication.oauth_failed",
  "authentication.oauth_succeeded",
  "authentication.passkey_failed",
  "authentication.passkey_succeeded",
  "authentication.password_failed",
  "authentication.password_succeeded",
  "authentication.radar_risk_detected",
  "authentication.reauthentication_succeeded",
  "authentication.sso_failed",
  "authentication.sso_started",
  "authentication.sso_succeeded",
  "authentication.sso_timed_out",
  "connection.activated",
  "connection.deactivated",
  "connection.deleted",
  "connection.saml_certificate_renewal_required",
  "connection.saml_certificate_renewed",
  "dsync.activated",
  "dsync.deleted",
  "dsync.group.created",
  "dsync.group.deleted",
  "dsync.group.updated",
  "dsync.token.created",
  "dsync.token.revoked",
  "dsync.group.user_added",
  "dsync.user.created",
  "dsync.user.deleted",
  "dsync.group.user_removed",
  "dsync.user.updated",
  "email_verification.created",
  "flag.created",
  "flag.deleted",
  "flag.rule_updated",
  "flag.updated",
  "group.created",
  "group.deleted",
  "group.member_added",
  "group.member_removed",
  "group.updated",
  "invitation.accepted",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "magic_auth.created",
  "organization.created",
  "organization.deleted",
  "organization_domain.created",
  "organization_domain.deleted",
  "organization_domain.updated",
  "organization_domain.verification_failed",
  "organization_domain.verified",
  "organization_membership.created",
  "organization_membership.deleted",
  "organization_membership.updated",
  "organization_role.created",
  "organization_role.deleted",
  "organization_role.updated",
  "organization.updated",
  "password_reset.created",
  "password_reset.succeeded",
  "permission.created",
  "permission.deleted",
  "permission.updated",
  "pipes.connected_account.connected",
  "pipes.connected_account.connection_failed",
  "pipes.connected_account.disconnected",
  "pipes.connected_account.reauthorization_needed",
  "radar.challenge_created",
  "role.created",
  "role.deleted",
  "role.updated",
  "session.created",
  "session.revoked",
  "user.created",
  "user.deleted",
  "user.updated",
  "vault.byok_key.deleted",
  "vault.byok_key.verification_completed",
  "vault.data.created",
  "vault.data.deleted",
  "vault.data.read",
  "vault.data.updated",
  "vault.dek.decrypted",
  "vault.dek.read",
  "vault.kek.created",
  "vault.kek.deleted",
  "vault.metadata.read",
  "vault.names.listed",
  "waitlist_user.approved",
  "waitlist_user.created",
  "waitlist_user.denied",
] as const;

/** A Connect application's kind (ConnectApplication's `application_type`). */
export const CONNECT_APPLICATION_TYPES = ["oauth", "m2m"] as const;

/** How a Connect application came to be, as the `registration_types` list filter names it. */
export const CONNECT_REGISTRATION_TYPES = ["dynamic", "authenticated"] as const;

/** How a Pipes data integration (and a connected account) authenticates with its provider. */
export const DATA_INTEGRATION_AUTH_METHODS = ["oauth", "api_key", "client_credentials"] as const;

/** Whose OAuth app a data integration uses: the environment's own (custom) or each organization's. */
export const DATA_INTEGRATION_CREDENTIAL_TYPES = ["custom", "organization"] as const;

/** A data integration's state (DataIntegration's `state`). */
export const DATA_INTEGRATION_STATES = ["valid", "invalid", "requested"] as const;

/** A connected account's state (ConnectedAccount's `state`). */
export const CONNECTED_ACCOUNT_STATES = ["connected", "needs_reauthorization", "disconnected"] as const;

/** An agent registration's status (AgentRegistration's `status`). */
export const AGENT_REGISTRATION_STATUSES = ["unverified", "verified", "expired", "revoked"] as const;

/** How an agent registered (AgentRegistration's `kind`). */
export const AGENT_REGISTRATION_KINDS = ["anonymous", "service_auth", "identity_assertion"] as const;
/** The kinds of multi-factor authentication factor (the spec's AuthenticationFactor `type`). */
export const AUTHENTICATION_FACTOR_TYPES = ["generic_otp", "sms", "totp", "webauthn"] as const;

/** The OAuth providers a user's identity can come from (the spec's user identity `provider`). */
export const USER_IDENTITY_PROVIDERS = [
  "AppleOAuth",
  "BitbucketOAuth",
  "DiscordOAuth",
  "GithubOAuth",
  "GitLabOAuth",
  "GoogleOAuth",
  "GrokOAuth",
  "XOAuth",
  "IntuitOAuth",
  "LinkedInOAuth",
  "MicrosoftOAuth",
  "SalesforceOAuth",
  "SlackOAuth",
  "VercelMarketplaceOAuth",
  "VercelOAuth",
  "XeroOAuth",
] as const;

/** Who owns a Pipes data provider's connections (the spec's data provider `ownership`). */
export const DATA_PROVIDER_OWNERSHIPS = ["userland_user", "organization"] as const;
/** The states of an Audit Log export. */
export const AUDIT_LOG_EXPORT_STATES = ["pending", "ready", "error", "expired"] as const;

/** The states of an organization's Audit Log trail. */
export const AUDIT_LOG_STATES = ["active", "inactive", "disabled"] as const;

/** The retention periods an organization's Audit Log may be set to, in days. */
export const AUDIT_LOG_RETENTION_DAYS = [30, 365] as const;

/** Event types a webhook endpoint cannot subscribe to (the spec's subscription enum leaves them out). */
const UNSUBSCRIBABLE_EVENT_PREFIXES = ["action.", "vault.", "dsync.token."] as const;
const UNSUBSCRIBABLE_EVENT_TYPES: readonly string[] = [
  "authentication.email_verification_failed",
  "authentication.mfa_failed",
];

/** The event types a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = EVENT_TYPES.filter(
  (type) =>
    !UNSUBSCRIBABLE_EVENT_TYPES.includes(type) &&
    !UNSUBSCRIBABLE_EVENT_PREFIXES.some((prefix) => type.startsWith(prefix)),
);

/** What a Radar list entry matches. */
export const RADAR_LIST_TYPES = [
  "ip_address",
  "domain",
  "email",
  "device",
  "user_agent",
  "device_fingerprint",
  "country",
] as const;

/** Whether a Radar list blocks or allows what it matches. */
export const RADAR_LIST_ACTIONS = ["block", "allow"] as const;

/** Radar's verdicts on an authentication attempt. */
export const RADAR_VERDICTS = ["allow", "block", "challenge"] as const;

/** How an assessed attempt authenticates. */
export const RADAR_AUTH_METHODS = [
  "Password",
  "Passkey",
  "Authenticator",
  "SMS_OTP",
  "Email_OTP",
  "Social",
  "SSO",
  "Other",
] as const;

/** The scopes a widget session token may grant (each needs an organization). */
export const WIDGET_SCOPES = [
  "widgets:users-table:manage",
  "widgets:domain-verification:manage",
  "widgets:sso:manage",
  "widgets:api-keys:manage",
  "widgets:dsync:manage",
  "widgets:audit-log-streaming:manage",
  "widgets:pipes:manage",
] as const;
