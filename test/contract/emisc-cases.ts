import {
  DEMO_API_KEY_VALUES,
  DEMO_EXTERNAL_AUTH_ID,
  DEMO_IDS,
  DEMO_MFA,
} from "../../src/emulator/demo-seed.js";
import type { HttpMethod } from "../support/openapi.js";

// Contract cases for Audit Logs, API keys, feature flags, webhook endpoints, MFA, SSO and Radar, as data.
// Each case may `prepare` state through the API (every call must succeed) and read what it made.

/**
 * Sends a request that must succeed and returns its JSON body; a redirect answers `{ location }`. Every answer
 * also carries `apiKey`, the emulator's key (which POST /sso/token takes as the client secret).
 */
export type Must = (method: HttpMethod, path: string, body?: unknown) => Promise<Record<string, unknown>>;

export type Prepared = Record<string, string>;

export interface ContractCase {
  method: HttpMethod;
  template: string;
  note: string;
  path: (p: Prepared) => string;
  query?: Record<string, string>;
  headers?: (p: Prepared) => Record<string, string>;
  body?: (p: Prepared) => unknown;
  prepare?: (must: Must) => Promise<Prepared>;
  status: number;
  nonEmpty?: boolean;
}

const ACME = DEMO_IDS.organizations.acme;
const JANE = DEMO_IDS.users.janeDoe;
const UNKNOWN_USER = "user_01JZZZZZZZZZZZZZZZZZZZZZZZ";
const UNKNOWN_API_KEY = "api_key_01JZZZZZZZZZZZZZZZZZZZZZZZ";

const UNKNOWN_FACTOR = "auth_factor_01JZZZZZZZZZZZZZZZZZZZZZZZ";
const UNKNOWN_WEBHOOK_ENDPOINT = "we_01JZZZZZZZZZZZZZZZZZZZZZZZ";

/** The demo seed's (disabled) webhook endpoint; `id`. */
async function webhookEndpoint(must: Must): Promise<Prepared> {
  const list = (await must("GET", "/webhook_endpoints")) as { data?: { id: string }[] };
  return { id: list.data?.[0]?.id ?? "" };
}

/** An SSO code for Acme (`code`), and the API key that is the client secret (`apiKey`). */
async function ssoCode(must: Must): Promise<Prepared> {
  const res = (await must(
    "GET",
    `/sso/authorize?${new URLSearchParams({
      client_id: "client_contract",
      redirect_uri: "https://app.example.com/callback",
      response_type: "code",
      organization: ACME,
    })}`,
  )) as { location?: string; apiKey?: string };
  const code = new URL(res.location ?? "").searchParams.get("code") ?? "";
  return { code, apiKey: res.apiKey ?? "" };
}

/** A signed-in SSO session: `accessToken` and `profileId`. */
async function ssoSignIn(must: Must): Promise<Prepared> {
  const { code, apiKey } = await ssoCode(must);
  const res = await must("POST", "/sso/token", {
    client_id: "client_contract",
    client_secret: apiKey,
    code,
    grant_type: "authorization_code",
  });
  return { accessToken: String(res.access_token), profileId: String((res.profile as { id: string }).id) };
}

const radarAttempt = {
  ip_address: "198.51.100.7",
  user_agent: "Mozilla/5.0",
  email: "ann@example.com",
  auth_method: "Password",
  action: "sign-in",
};

/** A fresh organization key; `id` and `value`. */
async function orgKey(must: Must): Promise<Prepared> {
  const key = await must("POST", `/organizations/${ACME}/api_keys`, { name: "contract" });
  return { id: String(key.id), value: String(key.value) };
}
const UNKNOWN_ORG = "org_01JZZZZZZZZZZZZZZZZZZZZZZZ";

const auditEvent = {
  action: "user.signed_in",
  occurred_at: "2024-02-01T12:00:00.000Z",
  actor: { id: "user_1", type: "user", metadata: { role: "admin" } },
  targets: [{ id: "user_1", type: "user" }],
  context: { location: "192.0.2.1" },
};

const exportRange = { range_start: "2024-01-01T00:00:00.000Z", range_end: "2024-12-31T00:00:00.000Z" };

/** A GET list case that must return items. */
function listCase(template: string, path: (p: Prepared) => string): ContractCase {
  return { method: "GET", template, path, note: "list", status: 200, nonEmpty: true };
}

/** A GET list case and its limit=0 refusal. */
function listCases(
  template: string,
  path: (p: Prepared) => string,
  prepare?: ContractCase["prepare"],
): ContractCase[] {
  const base = { method: "GET" as const, template, path, ...(prepare ? { prepare } : {}) };
  return [
    { ...base, note: "list", status: 200, nonEmpty: true },
    { ...base, note: "limit=0", query: { limit: "0" }, status: 422 },
  ];
}

export const EMISC_CASES: ContractCase[] = [
  // Audit Logs
  ...listCases("/audit_logs/actions", () => "/audit_logs/actions"),
  {
    method: "POST",
    template: "/audit_logs/actions/{actionName}/schemas",
    note: "create a version",
    path: () => "/audit_logs/actions/user.signed_in/schemas",
    body: () => ({
      targets: [{ type: "user", metadata: { type: "object", properties: { plan: { type: "string" } } } }],
      actor: { metadata: { type: "object", properties: {} } },
      metadata: { type: "object", properties: {} },
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/audit_logs/actions/{actionName}/schemas",
    note: "no targets",
    path: () => "/audit_logs/actions/user.signed_in/schemas",
    body: () => ({ targets: [] }),
    status: 422,
  },
  ...listCases("/audit_logs/actions/{actionName}/schemas", () => "/audit_logs/actions/invoice.paid/schemas"),
  {
    method: "GET",
    template: "/audit_logs/actions/{actionName}/schemas",
    note: "unknown action",
    path: () => "/audit_logs/actions/nothing.here/schemas",
    status: 404,
  },
  {
    method: "POST",
    template: "/audit_logs/events",
    note: "an event its schema accepts",
    path: () => "/audit_logs/events",
    body: () => ({ organization_id: ACME, event: auditEvent }),
    status: 200,
  },
  {
    method: "POST",
    template: "/audit_logs/events",
    note: "an event its schema refuses",
    path: () => "/audit_logs/events",
    body: () => ({ organization_id: ACME, event: { ...auditEvent, targets: [{ id: "t", type: "boat" }] } }),
    status: 400,
  },
  {
    method: "POST",
    template: "/audit_logs/events",
    note: "malformed event",
    path: () => "/audit_logs/events",
    body: () => ({ organization_id: ACME, event: { action: "x" } }),
    status: 422,
  },
  {
    method: "POST",
    template: "/audit_logs/events",
    note: "unknown organization",
    path: () => "/audit_logs/events",
    body: () => ({ organization_id: UNKNOWN_ORG, event: auditEvent }),
    status: 404,
  },
  {
    method: "POST",
    template: "/audit_logs/exports",
    note: "create",
    path: () => "/audit_logs/exports",
    body: () => ({ organization_id: ACME, ...exportRange, actions: ["user.signed_in"] }),
    status: 201,
  },
  {
    method: "POST",
    template: "/audit_logs/exports",
    note: "missing range",
    path: () => "/audit_logs/exports",
    body: () => ({ organization_id: ACME }),
    status: 400,
  },
  {
    method: "POST",
    template: "/audit_logs/exports",
    note: "unknown organization",
    path: () => "/audit_logs/exports",
    body: () => ({ organization_id: UNKNOWN_ORG, ...exportRange }),
    status: 400,
  },
  {
    method: "GET",
    template: "/audit_logs/exports/{auditLogExportId}",
    note: "ready",
    prepare: async (must) => ({
      id: String((await must("POST", "/audit_logs/exports", { organization_id: ACME, ...exportRange })).id),
    }),
    path: (p) => `/audit_logs/exports/${p.id}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/audit_logs/exports/{auditLogExportId}",
    note: "unknown id",
    path: () => "/audit_logs/exports/audit_log_export_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    status: 404,
  },
  {
    method: "GET",
    template: "/organizations/{id}/audit_log_configuration",
    note: "get",
    path: () => `/organizations/${ACME}/audit_log_configuration`,
    status: 200,
  },
  {
    method: "GET",
    template: "/organizations/{id}/audit_log_configuration",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/audit_log_configuration`,
    status: 404,
  },
  {
    method: "GET",
    template: "/organizations/{id}/audit_logs_retention",
    note: "get",
    path: () => `/organizations/${ACME}/audit_logs_retention`,
    status: 200,
  },
  {
    method: "GET",
    template: "/organizations/{id}/audit_logs_retention",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/audit_logs_retention`,
    status: 404,
  },
  {
    method: "PUT",
    template: "/organizations/{id}/audit_logs_retention",
    note: "set",
    path: () => `/organizations/${ACME}/audit_logs_retention`,
    body: () => ({ retention_period_in_days: 30 }),
    status: 200,
  },
  {
    method: "PUT",
    template: "/organizations/{id}/audit_logs_retention",
    note: "a period WorkOS does not offer",
    path: () => `/organizations/${ACME}/audit_logs_retention`,
    body: () => ({ retention_period_in_days: 90 }),
    status: 422,
  },
  {
    method: "PUT",
    template: "/organizations/{id}/audit_logs_retention",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/audit_logs_retention`,
    body: () => ({ retention_period_in_days: 30 }),
    status: 404,
  },

  // API keys
  {
    method: "POST",
    template: "/api_keys/validations",
    note: "a valid key",
    path: () => "/api_keys/validations",
    body: () => ({ value: DEMO_API_KEY_VALUES.acmeReporting }),
    status: 200,
  },
  {
    method: "POST",
    template: "/api_keys/validations",
    note: "an expired key (null)",
    path: () => "/api_keys/validations",
    body: () => ({ value: DEMO_API_KEY_VALUES.acmeExpired }),
    status: 200,
  },
  {
    method: "POST",
    template: "/api_keys/validations",
    note: "no value",
    path: () => "/api_keys/validations",
    body: () => ({}),
    status: 422,
  },
  {
    method: "DELETE",
    template: "/api_keys/{id}",
    note: "delete",
    prepare: orgKey,
    path: (p) => `/api_keys/${p.id}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/api_keys/{id}",
    note: "unknown id",
    path: () => `/api_keys/${UNKNOWN_API_KEY}`,
    status: 404,
  },
  {
    method: "POST",
    template: "/api_keys/{id}/expire",
    note: "expire now",
    prepare: orgKey,
    path: (p) => `/api_keys/${p.id}/expire`,
    body: () => ({}),
    status: 200,
  },
  {
    method: "POST",
    template: "/api_keys/{id}/expire",
    note: "already expired",
    prepare: async (must) => {
      const key = await orgKey(must);
      await must("POST", `/api_keys/${key.id}/expire`, {});
      return key;
    },
    path: (p) => `/api_keys/${p.id}/expire`,
    body: () => ({}),
    status: 409,
  },
  {
    method: "POST",
    template: "/api_keys/{id}/expire",
    note: "unknown id",
    path: () => `/api_keys/${UNKNOWN_API_KEY}/expire`,
    body: () => ({}),
    status: 404,
  },
  {
    method: "POST",
    template: "/api_keys/{id}/expire",
    note: "a date that is not one",
    prepare: orgKey,
    path: (p) => `/api_keys/${p.id}/expire`,
    body: () => ({ expires_at: "soon" }),
    status: 422,
  },
  // The spec declares no 422 for the API key lists: their client error is the unknown owner's 404.
  listCase("/organizations/{organizationId}/api_keys", () => `/organizations/${ACME}/api_keys`),
  {
    method: "GET",
    template: "/organizations/{organizationId}/api_keys",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/api_keys`,
    status: 404,
  },
  {
    method: "POST",
    template: "/organizations/{organizationId}/api_keys",
    note: "create",
    path: () => `/organizations/${ACME}/api_keys`,
    body: () => ({
      name: "Contract",
      permissions: ["reports:read"],
      expires_at: "2099-01-01T00:00:00.000Z",
    }),
    status: 201,
  },
  {
    method: "POST",
    template: "/organizations/{organizationId}/api_keys",
    note: "no name",
    path: () => `/organizations/${ACME}/api_keys`,
    body: () => ({}),
    status: 422,
  },
  {
    method: "POST",
    template: "/organizations/{organizationId}/api_keys",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/api_keys`,
    body: () => ({ name: "Contract" }),
    status: 404,
  },
  listCase(
    "/user_management/users/{userId}/api_keys",
    () => `/user_management/users/${DEMO_IDS.users.priyaPatel}/api_keys`,
  ),
  {
    method: "GET",
    template: "/user_management/users/{userId}/api_keys",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN_USER}/api_keys`,
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/users/{userId}/api_keys",
    note: "create",
    path: () => `/user_management/users/${JANE}/api_keys`,
    body: () => ({ name: "Contract", organization_id: ACME }),
    status: 201,
  },
  {
    method: "POST",
    template: "/user_management/users/{userId}/api_keys",
    note: "not a member of the organization",
    path: () => `/user_management/users/${JANE}/api_keys`,
    body: () => ({ name: "Contract", organization_id: DEMO_IDS.organizations.globex }),
    status: 400,
  },
  {
    method: "POST",
    template: "/user_management/users/{userId}/api_keys",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN_USER}/api_keys`,
    body: () => ({ name: "Contract", organization_id: ACME }),
    status: 404,
  },
  {
    method: "POST",
    template: "/user_management/users/{userId}/api_keys",
    note: "no organization",
    path: () => `/user_management/users/${JANE}/api_keys`,
    body: () => ({ name: "Contract" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/events",
    note: "API key events (created, updated, revoked)",
    prepare: async (must) => {
      const key = await orgKey(must);
      await must("POST", `/api_keys/${key.id}/expire`, {});
      await must("DELETE", `/api_keys/${key.id}`);
      return key;
    },
    path: () => "/events",
    query: { events: "api_key.created,api_key.updated,api_key.revoked" },
    status: 200,
    nonEmpty: true,
  },

  // Feature flags
  ...listCases("/feature-flags", () => "/feature-flags"),
  {
    method: "GET",
    template: "/feature-flags/{slug}",
    note: "get",
    path: () => "/feature-flags/advanced-analytics",
    status: 200,
  },
  {
    method: "GET",
    template: "/feature-flags/{slug}",
    note: "unknown slug",
    path: () => "/feature-flags/contract-nothing",
    status: 404,
  },
  {
    method: "PUT",
    template: "/feature-flags/{slug}/enable",
    note: "enable",
    path: () => "/feature-flags/legacy-export/enable",
    status: 200,
  },
  {
    method: "PUT",
    template: "/feature-flags/{slug}/enable",
    note: "unknown slug",
    path: () => "/feature-flags/contract-nothing/enable",
    status: 404,
  },
  {
    method: "PUT",
    template: "/feature-flags/{slug}/disable",
    note: "disable",
    path: () => "/feature-flags/dark-mode/disable",
    status: 200,
  },
  {
    method: "PUT",
    template: "/feature-flags/{slug}/disable",
    note: "unknown slug",
    path: () => "/feature-flags/contract-nothing/disable",
    status: 404,
  },
  {
    method: "POST",
    template: "/feature-flags/{slug}/targets/{resourceId}",
    note: "target an organization",
    path: () => `/feature-flags/dark-mode/targets/${ACME}`,
    status: 204,
  },
  {
    method: "POST",
    template: "/feature-flags/{slug}/targets/{resourceId}",
    note: "a connection is no target",
    path: () => `/feature-flags/dark-mode/targets/${DEMO_IDS.connections.initechOidc}`,
    status: 400,
  },
  {
    method: "POST",
    template: "/feature-flags/{slug}/targets/{resourceId}",
    note: "unknown user",
    path: () => `/feature-flags/dark-mode/targets/${UNKNOWN_USER}`,
    status: 404,
  },
  {
    method: "DELETE",
    template: "/feature-flags/{slug}/targets/{resourceId}",
    note: "remove a target",
    path: () => `/feature-flags/advanced-analytics/targets/${ACME}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/feature-flags/{slug}/targets/{resourceId}",
    note: "unknown flag",
    path: () => `/feature-flags/contract-nothing/targets/${ACME}`,
    status: 404,
  },
  listCase("/organizations/{organizationId}/feature-flags", () => `/organizations/${ACME}/feature-flags`),
  {
    method: "GET",
    template: "/organizations/{organizationId}/feature-flags",
    note: "unknown organization",
    path: () => `/organizations/${UNKNOWN_ORG}/feature-flags`,
    status: 404,
  },
  listCase(
    "/user_management/users/{userId}/feature-flags",
    () => `/user_management/users/${JANE}/feature-flags`,
  ),
  {
    method: "GET",
    template: "/user_management/users/{userId}/feature-flags",
    note: "unknown user",
    path: () => `/user_management/users/${UNKNOWN_USER}/feature-flags`,
    status: 404,
  },
  {
    method: "GET",
    template: "/events",
    note: "flag.updated events",
    prepare: async (must) => {
      await must("PUT", "/feature-flags/dark-mode/disable");
      return {};
    },
    path: () => "/events",
    query: { events: "flag.updated" },
    status: 200,
    nonEmpty: true,
  },

  // Webhook endpoints
  listCase("/webhook_endpoints", () => "/webhook_endpoints"),
  {
    method: "POST",
    template: "/webhook_endpoints",
    note: "create",
    path: () => "/webhook_endpoints",
    body: () => ({ endpoint_url: "https://contract.example.com/hooks", events: ["organization.created"] }),
    status: 201,
  },
  {
    method: "POST",
    template: "/webhook_endpoints",
    note: "a URL already used",
    path: () => "/webhook_endpoints",
    body: () => ({ endpoint_url: "https://example.com/workos/webhooks", events: ["organization.created"] }),
    status: 409,
  },
  {
    method: "POST",
    template: "/webhook_endpoints",
    note: "not a URL",
    path: () => "/webhook_endpoints",
    body: () => ({ endpoint_url: "hooks please", events: ["organization.created"] }),
    status: 422,
  },
  {
    method: "POST",
    template: "/webhook_endpoints",
    note: "unknown event type",
    path: () => "/webhook_endpoints",
    body: () => ({ endpoint_url: "https://contract.example.com/hooks", events: ["organization.exploded"] }),
    status: 422,
  },
  {
    method: "PATCH",
    template: "/webhook_endpoints/{id}",
    note: "enable and resubscribe",
    prepare: webhookEndpoint,
    path: (p) => `/webhook_endpoints/${p.id}`,
    body: () => ({ status: "enabled", events: ["organization.updated"] }),
    status: 200,
  },
  {
    method: "PATCH",
    template: "/webhook_endpoints/{id}",
    note: "unknown id",
    path: () => `/webhook_endpoints/${UNKNOWN_WEBHOOK_ENDPOINT}`,
    body: () => ({ status: "enabled" }),
    status: 404,
  },
  {
    method: "PATCH",
    template: "/webhook_endpoints/{id}",
    note: "another endpoint's URL",
    prepare: async (must) => {
      const created = await must("POST", "/webhook_endpoints", {
        endpoint_url: "https://contract.example.com/second",
        events: ["organization.created"],
      });
      return { id: String(created.id) };
    },
    path: (p) => `/webhook_endpoints/${p.id}`,
    body: () => ({ endpoint_url: "https://example.com/workos/webhooks" }),
    status: 409,
  },
  {
    method: "PATCH",
    template: "/webhook_endpoints/{id}",
    note: "unknown status",
    prepare: webhookEndpoint,
    path: (p) => `/webhook_endpoints/${p.id}`,
    body: () => ({ status: "paused" }),
    status: 422,
  },
  {
    method: "DELETE",
    template: "/webhook_endpoints/{id}",
    note: "delete",
    prepare: webhookEndpoint,
    path: (p) => `/webhook_endpoints/${p.id}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/webhook_endpoints/{id}",
    note: "unknown id",
    path: () => `/webhook_endpoints/${UNKNOWN_WEBHOOK_ENDPOINT}`,
    status: 404,
  },

  // MFA
  {
    method: "POST",
    template: "/auth/factors/enroll",
    note: "a TOTP factor",
    path: () => "/auth/factors/enroll",
    body: () => ({ type: "totp", totp_issuer: "Contract", totp_user: "contract@example.com" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/auth/factors/enroll",
    note: "an SMS factor",
    path: () => "/auth/factors/enroll",
    body: () => ({ type: "sms", phone_number: "+15555550199", user_id: JANE }),
    status: 201,
  },
  {
    method: "POST",
    template: "/auth/factors/enroll",
    note: "a phone number that is not one",
    path: () => "/auth/factors/enroll",
    body: () => ({ type: "sms", phone_number: "call me" }),
    status: 422,
  },
  {
    method: "GET",
    template: "/auth/factors/{id}",
    note: "get a TOTP factor",
    path: () => `/auth/factors/${DEMO_MFA.janeTotp}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/auth/factors/{id}",
    note: "unknown id",
    path: () => `/auth/factors/${UNKNOWN_FACTOR}`,
    status: 404,
  },
  {
    method: "DELETE",
    template: "/auth/factors/{id}",
    note: "delete",
    path: () => `/auth/factors/${DEMO_MFA.bobSms}`,
    status: 204,
  },
  {
    method: "DELETE",
    template: "/auth/factors/{id}",
    note: "unknown id",
    path: () => `/auth/factors/${UNKNOWN_FACTOR}`,
    status: 404,
  },
  {
    method: "POST",
    template: "/auth/factors/{id}/challenge",
    note: "an SMS challenge",
    path: () => `/auth/factors/${DEMO_MFA.bobSms}/challenge`,
    body: () => ({ sms_template: "Code {{code}}" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/auth/factors/{id}/challenge",
    note: "a template without {{code}}",
    path: () => `/auth/factors/${DEMO_MFA.bobSms}/challenge`,
    body: () => ({ sms_template: "no code here" }),
    status: 422,
  },
  {
    method: "POST",
    template: "/auth/factors/{id}/challenge",
    note: "unknown factor",
    path: () => `/auth/factors/${UNKNOWN_FACTOR}/challenge`,
    body: () => ({}),
    status: 404,
  },
  {
    method: "POST",
    template: "/auth/challenges/{id}/verify",
    note: "the right code",
    prepare: async (must) => {
      const factor = await must("POST", "/auth/factors/enroll", { type: "generic_otp" });
      const challenge = await must("POST", `/auth/factors/${String(factor.id)}/challenge`, {});
      return { id: String(challenge.id), code: String(challenge.code) };
    },
    path: (p) => `/auth/challenges/${p.id}/verify`,
    body: (p) => ({ code: p.code }),
    status: 201,
  },
  {
    method: "POST",
    template: "/auth/challenges/{id}/verify",
    note: "too many wrong codes",
    prepare: async (must) => {
      const factor = await must("POST", "/auth/factors/enroll", { type: "generic_otp" });
      const challenge = await must("POST", `/auth/factors/${String(factor.id)}/challenge`, {});
      const wrong = challenge.code === "000000" ? "111111" : "000000";
      for (let i = 0; i < 5; i++)
        await must("POST", `/auth/challenges/${String(challenge.id)}/verify`, { code: wrong });
      return { id: String(challenge.id), code: String(challenge.code) };
    },
    path: (p) => `/auth/challenges/${p.id}/verify`,
    body: (p) => ({ code: p.code }),
    status: 400,
  },
  {
    method: "POST",
    template: "/auth/challenges/{id}/verify",
    note: "no code",
    prepare: async (must) => ({
      id: String((await must("POST", `/auth/factors/${DEMO_MFA.janeTotp}/challenge`, {})).id),
    }),
    path: (p) => `/auth/challenges/${p.id}/verify`,
    body: () => ({}),
    status: 422,
  },
  {
    method: "POST",
    template: "/auth/challenges/{id}/verify",
    note: "unknown challenge",
    path: () => "/auth/challenges/auth_challenge_01JZZZZZZZZZZZZZZZZZZZZZZZ/verify",
    body: () => ({ code: "123456" }),
    status: 404,
  },

  // SSO (the emulator signs in at once: authorize redirects back with a code)
  {
    method: "GET",
    template: "/sso/authorize",
    note: "redirect with a code",
    path: () => "/sso/authorize",
    query: {
      client_id: "client_contract",
      redirect_uri: "https://app.example.com/callback",
      response_type: "code",
      organization: ACME,
    },
    status: 302,
  },
  {
    method: "POST",
    template: "/sso/token",
    note: "exchange a code",
    prepare: ssoCode,
    path: () => "/sso/token",
    body: (p) => ({
      client_id: "client_contract",
      client_secret: p.apiKey,
      code: p.code,
      grant_type: "authorization_code",
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/sso/token",
    note: "an unknown code",
    path: () => "/sso/token",
    body: () => ({ client_id: "client_contract", code: "nope", grant_type: "authorization_code" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/sso/token",
    note: "another grant type",
    path: () => "/sso/token",
    body: () => ({ client_id: "client_contract", code: "nope", grant_type: "password" }),
    status: 400,
  },
  {
    method: "GET",
    template: "/sso/profile",
    note: "with the access token",
    prepare: ssoSignIn,
    path: () => "/sso/profile",
    headers: (p) => ({ authorization: `Bearer ${p.accessToken}` }),
    status: 200,
  },
  {
    method: "GET",
    template: "/sso/profile",
    note: "a token that is not one",
    path: () => "/sso/profile",
    headers: () => ({ authorization: "Bearer not-a-token" }),
    status: 401,
  },
  {
    method: "POST",
    template: "/sso/logout/authorize",
    note: "a logout token",
    prepare: ssoSignIn,
    path: () => "/sso/logout/authorize",
    body: (p) => ({ profile_id: p.profileId }),
    status: 200,
  },
  {
    method: "POST",
    template: "/sso/logout/authorize",
    note: "unknown profile",
    path: () => "/sso/logout/authorize",
    body: () => ({ profile_id: "prof_01JZZZZZZZZZZZZZZZZZZZZZZZ" }),
    status: 404,
  },
  {
    method: "GET",
    template: "/sso/logout",
    note: "a logout token",
    prepare: async (must) => {
      const signedIn = await ssoSignIn(must);
      const logout = await must("POST", "/sso/logout/authorize", { profile_id: signedIn.profileId });
      return { token: String(logout.logout_token) };
    },
    path: (p) => `/sso/logout?token=${encodeURIComponent(p.token ?? "")}`,
    status: 200,
  },
  {
    method: "GET",
    template: "/sso/logout",
    note: "unknown token",
    path: () => "/sso/logout?token=nope",
    status: 404,
  },

  // Radar
  {
    method: "POST",
    template: "/radar/attempts",
    note: "a blocked IP address",
    path: () => "/radar/attempts",
    body: () => ({ ...radarAttempt, ip_address: "203.0.113.66" }),
    status: 200,
  },
  {
    method: "POST",
    template: "/radar/attempts",
    note: "no email",
    path: () => "/radar/attempts",
    body: () => ({ ...radarAttempt, email: undefined }),
    status: 400,
  },
  {
    method: "PUT",
    template: "/radar/attempts/{id}",
    note: "report success",
    prepare: async (must) => ({
      id: String((await must("POST", "/radar/attempts", radarAttempt)).attempt_id),
    }),
    path: (p) => `/radar/attempts/${p.id}`,
    body: () => ({ attempt_status: "success" }),
    status: 204,
  },
  {
    method: "PUT",
    template: "/radar/attempts/{id}",
    note: "unknown attempt",
    path: () => "/radar/attempts/radar_att_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    body: () => ({ attempt_status: "success" }),
    status: 404,
  },
  {
    method: "PUT",
    template: "/radar/attempts/{id}",
    note: "a status other than success",
    prepare: async (must) => ({
      id: String((await must("POST", "/radar/attempts", radarAttempt)).attempt_id),
    }),
    path: (p) => `/radar/attempts/${p.id}`,
    body: () => ({ attempt_status: "failed" }),
    status: 400,
  },
  {
    method: "POST",
    template: "/radar/lists/{type}/{action}",
    note: "a new entry",
    path: () => "/radar/lists/email/block",
    body: () => ({ entry: "spammer@example.com" }),
    status: 201,
  },
  {
    method: "POST",
    template: "/radar/lists/{type}/{action}",
    note: "an entry already present",
    path: () => "/radar/lists/ip_address/block",
    body: () => ({ entry: "203.0.113.66" }),
    status: 200,
  },
  {
    method: "POST",
    template: "/radar/lists/{type}/{action}",
    note: "an unknown list type",
    path: () => "/radar/lists/planet/block",
    body: () => ({ entry: "mars" }),
    status: 400,
  },
  {
    method: "DELETE",
    template: "/radar/lists/{type}/{action}",
    note: "remove an entry",
    path: () => "/radar/lists/domain/block",
    body: () => ({ entry: "mailinator.com" }),
    status: 204,
  },
  {
    method: "DELETE",
    template: "/radar/lists/{type}/{action}",
    note: "an entry not on the list",
    path: () => "/radar/lists/domain/block",
    body: () => ({ entry: "not-listed.example" }),
    status: 404,
  },
  {
    method: "DELETE",
    template: "/radar/lists/{type}/{action}",
    note: "no entry",
    path: () => "/radar/lists/domain/block",
    body: () => ({}),
    status: 400,
  },

  // Widget and Client API tokens
  {
    method: "POST",
    template: "/widgets/token",
    note: "an organization-scoped token",
    path: () => "/widgets/token",
    body: () => ({ user_id: JANE, organization_id: ACME, scopes: ["widgets:users-table:manage"] }),
    status: 201,
  },
  {
    method: "POST",
    template: "/widgets/token",
    note: "an unknown scope",
    path: () => "/widgets/token",
    body: () => ({ user_id: JANE, organization_id: ACME, scopes: ["widgets:everything"] }),
    status: 400,
  },
  {
    method: "POST",
    template: "/widgets/token",
    note: "scopes without an organization",
    path: () => "/widgets/token",
    body: () => ({ user_id: JANE, scopes: ["widgets:sso:manage"] }),
    status: 400,
  },
  {
    method: "POST",
    template: "/widgets/token",
    note: "unknown user",
    path: () => "/widgets/token",
    body: () => ({ user_id: UNKNOWN_USER }),
    status: 404,
  },
  {
    method: "POST",
    template: "/client/token",
    note: "a member's token",
    path: () => "/client/token",
    body: () => ({ user_id: JANE, organization_id: ACME }),
    status: 201,
  },
  {
    method: "POST",
    template: "/client/token",
    note: "not a member",
    path: () => "/client/token",
    body: () => ({ user_id: JANE, organization_id: DEMO_IDS.organizations.globex }),
    status: 400,
  },
  {
    method: "POST",
    template: "/client/token",
    note: "no user",
    path: () => "/client/token",
    body: () => ({ organization_id: ACME }),
    status: 422,
  },
  {
    method: "POST",
    template: "/client/token",
    note: "unknown organization",
    path: () => "/client/token",
    body: () => ({ user_id: JANE, organization_id: UNKNOWN_ORG }),
    status: 404,
  },

  // Standalone Connect
  {
    method: "POST",
    template: "/authkit/oauth2/complete",
    note: "complete the seeded session",
    path: () => "/authkit/oauth2/complete",
    body: () => ({
      external_auth_id: DEMO_EXTERNAL_AUTH_ID,
      user: { id: "contract-ext", email: "ext@example.com" },
    }),
    status: 200,
  },
  {
    method: "POST",
    template: "/authkit/oauth2/complete",
    note: "already completed",
    prepare: async (must) => {
      await must("POST", "/authkit/oauth2/complete", {
        external_auth_id: DEMO_EXTERNAL_AUTH_ID,
        user: { id: "contract-ext", email: "ext@example.com" },
      });
      return {};
    },
    path: () => "/authkit/oauth2/complete",
    body: () => ({
      external_auth_id: DEMO_EXTERNAL_AUTH_ID,
      user: { id: "contract-ext", email: "ext@example.com" },
    }),
    status: 400,
  },
  {
    method: "POST",
    template: "/authkit/oauth2/complete",
    note: "unknown session",
    path: () => "/authkit/oauth2/complete",
    body: () => ({ external_auth_id: "external_auth_unknown", user: { id: "x", email: "x@example.com" } }),
    status: 404,
  },
  {
    method: "POST",
    template: "/authkit/oauth2/complete",
    note: "no user",
    path: () => "/authkit/oauth2/complete",
    body: () => ({ external_auth_id: DEMO_EXTERNAL_AUTH_ID }),
    status: 422,
  },
];
