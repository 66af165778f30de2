import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { agentRegistration } from "../../src/workos/agent-registration.js";
import { apiKey } from "../../src/workos/api-key.js";
import { auditLogAction } from "../../src/workos/audit-log-action.js";
import { auditLogExport } from "../../src/workos/audit-log-export.js";
import { auditLogSchema } from "../../src/workos/audit-log-schema.js";
import { authenticationChallenge } from "../../src/workos/authentication-challenge.js";
import {
  authenticationFactor,
  authenticationFactorEnrolled,
} from "../../src/workos/authentication-factor.js";
import { authorizationResource } from "../../src/workos/authorization-resource.js";
import {
  authorizedConnectApplication,
  organizationAuthorizedConnectApplication,
} from "../../src/workos/authorized-connect-application.js";
import { connectApplication } from "../../src/workos/connect-application.js";
import { newConnectApplicationSecret } from "../../src/workos/connect-application-secret.js";
import { connectedAccount } from "../../src/workos/connected-account.js";
import { connection } from "../../src/workos/connection.js";
import { corsOrigin } from "../../src/workos/cors-origin.js";
import { dataIntegration } from "../../src/workos/data-integration.js";
import { dataIntegrationConfiguration } from "../../src/workos/data-integration-configuration.js";
import { directory } from "../../src/workos/directory.js";
import { directoryGroup } from "../../src/workos/directory-group.js";
import { directoryUser } from "../../src/workos/directory-user.js";
import { emailVerification } from "../../src/workos/email-verification.js";
import { event } from "../../src/workos/event.js";
import { group } from "../../src/workos/group.js";
import { groupRoleAssignment } from "../../src/workos/group-role-assignment.js";
import { invitation } from "../../src/workos/invitation.js";
import { jwtTemplate } from "../../src/workos/jwt-template.js";
import { magicAuth } from "../../src/workos/magic-auth.js";
import { organization } from "../../src/workos/organization.js";
import { organizationDomain } from "../../src/workos/organization-domain.js";
import { organizationMembership } from "../../src/workos/organization-membership.js";
import { passwordReset } from "../../src/workos/password-reset.js";
import { permission } from "../../src/workos/permission.js";
import { portalLink } from "../../src/workos/portal-link.js";
import { profile } from "../../src/workos/profile.js";
import { redirectUri } from "../../src/workos/redirect-uri.js";
import { role } from "../../src/workos/role.js";
import { roleAssignment } from "../../src/workos/role-assignment.js";
import { session } from "../../src/workos/session.js";
import { user } from "../../src/workos/user.js";
import { userIdentity } from "../../src/workos/user-identity.js";
import { webhookEndpoint } from "../../src/workos/webhook-endpoint.js";
import { specPath } from "../support/openapi.js";

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  deprecated?: boolean;
};

const spec = parse(readFileSync(specPath, "utf8")) as {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content: Record<string, { schema: JsonSchema }> }> }>
  >;
};

function resolve(schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return resolve(spec.components.schemas[name] as JsonSchema);
}

const component = (name: string) => resolve(spec.components.schemas[name] as JsonSchema);

/** The items of an operation's list answer, where the spec writes them inline rather than as a component. */
function listItems(path: string): JsonSchema {
  const body = spec.paths[path]?.get?.responses["200"]?.content["application/json"]?.schema as JsonSchema;
  const data = (body.allOf ?? [body]).find((part) => part.properties?.data)?.properties?.data;
  return resolve(data?.items as JsonSchema);
}

/** The items of a list component (its `data`). */
function listComponentItems(name: string): JsonSchema {
  const list = component(name);
  const data = (list.allOf ?? [list]).find((part) => part.properties?.data)?.properties?.data;
  return resolve(data?.items as JsonSchema);
}

/** The items of an operation whose answer is a bare array. */
function arrayItems(path: string): JsonSchema {
  const body = spec.paths[path]?.get?.responses["200"]?.content["application/json"]?.schema as JsonSchema;
  return resolve(resolve(body).items as JsonSchema);
}

/** The event envelope: the fields every branch of EventSchema shares (its first allOf part). */
function eventEnvelope(): JsonSchema {
  return component("EventSchema").allOf?.[0] as JsonSchema;
}

/** Each model schema with the spec schema it stands for. */
const MODEL: [string, z.ZodType, () => JsonSchema][] = [
  ["organization", organization, () => component("Organization")],
  ["organization_domain", organizationDomain, () => component("OrganizationDomainStandAlone")],
  ["role", role, () => component("Role")],
  ["connection", connection, () => component("Connection")],
  ["directory", directory, () => component("Directory")],
  ["directory_group", directoryGroup, () => component("DirectoryGroup")],
  ["directory_user", directoryUser, () => component("DirectoryUserWithGroups")],
  ["user", user, () => component("UserlandUser")],
  ["organization_membership", organizationMembership, () => component("UserlandUserOrganizationMembership")],
  ["invitation", invitation, () => component("UserlandUserInvite")],
  ["session", session, () => listItems("/user_management/users/{id}/sessions")],
  ["event", event, eventEnvelope],
  ["portal_link", portalLink, () => component("PortalLinkResponse")],
  ["webhook_endpoint", webhookEndpoint, () => component("WebhookEndpointJson")],
  // Issue 18's new objects.
  ["permission", permission, () => component("AuthorizationPermission")],
  ["authorization_resource", authorizationResource, () => component("AuthorizationResource")],
  ["role_assignment", roleAssignment, () => component("UserRoleAssignment")],
  ["group", group, () => component("Group")],
  ["group_role_assignment", groupRoleAssignment, () => component("GroupRoleAssignment")],
  ["connect_application", connectApplication, () => component("ConnectApplication")],
  [
    "new_connect_application_secret",
    newConnectApplicationSecret,
    () => component("NewConnectApplicationSecret"),
  ],
  [
    "authorized_connect_application",
    authorizedConnectApplication,
    () => listComponentItems("AuthorizedConnectApplicationList"),
  ],
  [
    "organization_authorized_connect_application",
    organizationAuthorizedConnectApplication,
    () => listComponentItems("OrganizationAuthorizedConnectApplicationList"),
  ],
  ["data_integration", dataIntegration, () => component("DataIntegration")],
  [
    "data_integration_configuration",
    dataIntegrationConfiguration,
    () => component("DataIntegrationConfigurationResponse"),
  ],
  ["connected_account", connectedAccount, () => component("ConnectedAccount")],
  ["agent_registration", agentRegistration, () => component("AgentRegistration")],
  ["email_verification", emailVerification, () => component("EmailVerification")],
  ["magic_auth", magicAuth, () => component("MagicAuth")],
  ["password_reset", passwordReset, () => component("PasswordReset")],
  ["authentication_factor", authenticationFactor, () => component("AuthenticationFactor")],
  [
    "authentication_factor (enrolled)",
    authenticationFactorEnrolled,
    () => component("AuthenticationFactorEnrolled"),
  ],
  ["user_identity", userIdentity, () => arrayItems("/user_management/users/{id}/identities")],
  ["redirect_uri", redirectUri, () => component("RedirectUri")],
  ["cors_origin", corsOrigin, () => component("CorsOriginResponse")],
  ["jwt_template", jwtTemplate, () => component("JwtTemplate")],
  // Audit Logs, API keys, MFA, SSO
  ["audit_log_action", auditLogAction, () => component("AuditLogActionJson")],
  ["audit_log_export", auditLogExport, () => component("AuditLogExportJson")],
  ["api_key", apiKey, () => component("ApiKey")],
  ["authentication_challenge", authenticationChallenge, () => component("AuthenticationChallenge")],
  ["audit_log_schema", auditLogSchema, () => component("AuditLogSchemaJson")],
  ["profile", profile, () => component("Profile")],
];

const types = (schema: JsonSchema) =>
  new Set([schema.type ?? [], ...(schema.anyOf ?? []).map((branch) => resolve(branch).type ?? [])].flat());

/**
 * Where the model and the spec differ at this place and below: a field the one has and the other not, a field
 * required in one and optional in the other, nullable in one only, or other enum values.
 */
function differences(model: JsonSchema, wire: JsonSchema, at: string): string[] {
  const found: string[] = [];
  if (wire.enum !== undefined) {
    const values = model.enum ?? model.anyOf?.flatMap((branch) => branch.enum ?? []) ?? [];
    if ([...values].sort().join() !== [...wire.enum].sort().join()) found.push(`${at}: enum values differ`);
  }
  if (wire.const !== undefined && model.const !== wire.const) found.push(`${at}: const differs`);
  if (types(wire).has("null") !== types(model).has("null")) found.push(`${at}: nullable in one only`);
  if (wire.properties !== undefined && model.properties !== undefined) {
    const names = new Set([...Object.keys(wire.properties), ...Object.keys(model.properties)]);
    for (const name of names) {
      const [m, w] = [model.properties[name], wire.properties[name]];
      if (m === undefined || w === undefined) {
        found.push(`${at}.${name}: only in the ${m === undefined ? "spec" : "model"}`);
        continue;
      }
      const [mRequired, wRequired] = [model.required?.includes(name), wire.required?.includes(name)];
      if (Boolean(mRequired) !== Boolean(wRequired)) found.push(`${at}.${name}: required in one only`);
      if (Boolean(m.deprecated) !== Boolean(w.deprecated))
        found.push(`${at}.${name}: deprecated in one only`);
      found.push(...differences(nonNull(m), resolve(w), `${at}.${name}`));
    }
  }
  if (wire.items !== undefined && model.items !== undefined)
    found.push(...differences(nonNull(model.items), resolve(wire.items), `${at}[]`));
  return found;
}

/** zod writes a nullable field as anyOf [T, null]: compare T's own shape, having compared nullability. */
function nonNull(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf?.filter((branch) => branch.type !== "null");
  return branches?.length === 1 ? (branches[0] as JsonSchema) : schema;
}

describe("the WorkOS model against the vendored spec", () => {
  it.each(MODEL)(
    "%s has the spec's fields, required, nullable and deprecated fields, and enum values",
    (_, schema, wire) => {
      const model = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
      expect(differences(model, resolve(wire()), "")).toEqual([]);
    },
  );

  it("tells a difference: a model missing a required field, or with an enum value short, is caught", () => {
    const short = organizationDomain
      .extend({ state: z.enum(["pending", "verified"]).optional() })
      .omit({ domain: true });
    const model = z.toJSONSchema(short, { io: "input" }) as JsonSchema;
    expect(differences(model, component("OrganizationDomainStandAlone"), "")).toEqual([
      ".domain: only in the spec",
      ".state: enum values differ",
    ]);
  });
});
