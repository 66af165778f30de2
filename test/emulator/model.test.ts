import { describe, expect, it } from "vitest";
import { type Resource, toWire } from "../../src/emulator/resource.js";
import { RESOURCES } from "../../src/emulator/resources/index.js";
import { applySeed, demoSeed, SEED_EPOCH_MS } from "../../src/emulator/seed.js";
import { EmulatorStore } from "../../src/emulator/store.js";

/**
 * The resources whose collections hold no object the API serves, so they have no wire shape in src/workos: emulator
 * configuration, internal stores of codes and pending flows, and routes-only resources; each with the reason.
 */
const UNSERVED: Readonly<Record<string, string>> = {
  dns_records: "the TXT records domain verification looks up: emulator configuration",
  portal_links: "the tokens behind Admin Portal links: the API answers only { link }",
  // Internal stores of AuthKit's sign-in flows: codes and tokens the API exchanges, never serves as objects.
  authorization_codes: "codes /user_management/authenticate exchanges for tokens",
  refresh_tokens: "refresh tokens: the API answers them as strings inside an authentication response",
  pending_authentications: "the pending_authentication_token of a sign-in awaiting a second step",
  device_grants: "the device and user codes of the device authorization flow",
  email_changes: "the pending new address and its code: the API answers with the user",
  user_passwords: "salted password hashes, kept apart from users so they are never served",
  data_integration_authorizations: "the state of a Pipes authorization under way (the OAuth redirect)",
  data_integration_configurations:
    "an organization's overrides of a data integration: the API answers them merged into the integration's configuration",
  vault_keys: "Vault's key-encryption keys: the API serves data keys made under them, never the keys",
  group_memberships: "which organization memberships a group holds: the API answers the memberships",
  // Routes only: their collections stay empty; what they answer is another resource's object.
  sign_in_pages: "the hosted sign-in, logout and JWKS pages: HTML, redirects and keys",
  user_data_providers: "User Management's view of the data integrations and their connected accounts",
  user_auth_factors: "User Management's view of a user's factors, which live in authentication_factors",
  // Internal stores of the Audit Logs, feature flags, SSO, Radar and Connect flows.
  audit_log_events: "events are taken by POST /audit_logs/events and read back only through exports (CSV)",
  audit_logs_retention:
    "an organization's retention setting: the API answers it as { retention_period_in_days }",
  feature_flag_targets: "which organizations and users a flag targets: the API answers the flags they get",
  sso_sessions:
    "SSO sign-ins under way and their profiles' access tokens: the API answers codes and profiles",
  radar_list_entries:
    "Radar's allow and block lists: the API takes entries as strings and answers with no object",
  radar_attempts: "sign-in attempts Radar counts for its brute-force check: the API answers assessments",
  session_tokens: "widget and Client API tokens issued: the API answers them as JWT strings",
  external_auth_sessions: "Standalone Connect sign-ins under way, from the seed: the API answers redirects",
  // The OAuth authorization server for MCP (oauth-server.ts): configuration, internal stores and its routes.
  resource_indicators: "the resources tokens may be issued for: emulator configuration",
  oauth_clients: "clients registered by POST /oauth2/register: it answers their metadata, no WorkOS object",
  oauth_codes: "codes /oauth2/token exchanges for tokens",
  oauth_refresh_tokens: "refresh tokens: /oauth2/token answers them as strings",
  oauth_server: "the authorization server's metadata, sign-in page, token endpoint and JWKS",
};

/** Resources whose objects live inside another's: checked there, through the parent's schema. */
const NESTED: Readonly<Record<string, string>> = {
  organization_domains: "organizations (the organization schema's domains are organization domains)",
};

/**
 * Resources the seed format has no entries for: their objects are made only through the API (codes sent to a user,
 * enrolled factors), so the demo seed has none to check here; the contract suite checks their answers against the
 * spec.
 */
const MADE_BY_API: Readonly<Record<string, string>> = {
  magic_auths: "a Magic Auth code is sent by POST /user_management/magic_auth",
  email_verifications: "an email verification code is sent by sign-in or POST …/email_verification/send",
  password_resets: "a reset token is made by POST /user_management/password_reset",
  audit_log_exports: "an export is made by POST /audit_logs/exports",
  authentication_challenges: "a challenge is made by POST /auth/factors/{id}/challenge",
};

function demoStore(): EmulatorStore {
  const store = new EmulatorStore(RESOURCES);
  applySeed(store, demoSeed, () => SEED_EPOCH_MS);
  return store;
}

describe("every emulator resource serializes what its src/workos model accepts", () => {
  const store = demoStore();

  it("names its model, unless the API never serves it", () => {
    const unnamed = RESOURCES.filter((r) => r.model === undefined).map((r) => r.name);
    expect(unnamed.sort()).toEqual(Object.keys(UNSERVED).sort());
  });

  it("has demo-seed objects for every served resource the seed format can hold", () => {
    const empty = RESOURCES.filter(
      (r) => r.model !== undefined && NESTED[r.name] === undefined && store.of(r).values().length === 0,
    );
    expect(empty.map((r) => r.name).sort()).toEqual(Object.keys(MADE_BY_API).sort());
    expect(empty.filter((r) => r.seed !== undefined).map((r) => r.name)).toEqual([]);
  });

  it.each(
    RESOURCES.filter(
      (r) => r.model !== undefined && NESTED[r.name] === undefined && MADE_BY_API[r.name] === undefined,
    ).map((r) => [r.name, r as Resource] as const),
  )("%s: every object of the demo seed, as the API serves it", (_, resource) => {
    const objects = store.of(resource).values();
    expect(objects.length, "the demo seed has none to check").toBeGreaterThan(0);
    for (const value of objects) {
      const wire = toWire(resource, value, store);
      const checked = resource.model?.safeParse(wire);
      expect(checked?.error?.issues ?? [], `${resource.name} ${value.id}`).toEqual([]);
    }
  });
});
