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

/** A directory user's state (the DirectoryUser schema's enum). */
export const DIRECTORY_USER_STATES = ["active", "inactive", "suspended"] as const;
