import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_API_KEY_IDS,
  DEMO_API_KEY_VALUES,
  DEMO_AUDIT_LOG_EXPORT_ID,
  DEMO_IDS,
  DEMO_MFA,
} from "../../src/emulator/demo-seed.js";
import type { ModelView } from "../../src/mcp/view.js";
import { tools } from "../../src/tools/index.js";
import { clientViews } from "../support/client-views.js";
import { type Harness, startHarness } from "../support/harness.js";
import { header } from "../webhooks/helpers.js";

const SECRET = "wh_sec_views_test_5Jk2Lm8Nq4Rs";
const BODY = JSON.stringify({
  id: "event_01HMZ8Q4V3X2K9R7T5Y1B6N0CD",
  event: "organization.updated",
  data: { object: "organization", id: DEMO_IDS.organizations.acme, name: "Acme" },
  created_at: "2024-01-15T11:59:59.000Z",
});

// One successful call of every tool, as a model would make it. Each row is read the way both client
// families read it, and both readings must carry the same facts and the same guidance.
const CALLS: Record<string, () => Record<string, unknown>> = {
  list_organizations: () => ({ limit: 3 }),
  get_organization: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  get_organization_overview: () => ({ organization_id: DEMO_IDS.organizations.fooCorp }),
  create_organization: () => ({
    name: "Views Inc",
    domain_data: [{ domain: "views.example", state: "pending" }],
  }),
  update_organization: () => ({ organization_id: DEMO_IDS.organizations.acme, name: "Acme Renamed" }),
  delete_organization: () => ({ organization_id: DEMO_IDS.organizations.fooCorp }),
  add_organization_domain: () => ({
    organization_id: DEMO_IDS.organizations.globex,
    domain: "globex.example",
  }),
  get_organization_domain: () => ({ organization_domain_id: DEMO_IDS.domains.acmeIo }),
  verify_organization_domain: () => ({ organization_domain_id: DEMO_IDS.domains.acmeIo }),
  delete_organization_domain: () => ({ organization_domain_id: DEMO_IDS.domains.acmeCom }),
  list_connections: () => ({ limit: 2 }),
  get_connection: () => ({ connection_id: DEMO_IDS.connections.acmeAzureSaml }),
  generate_portal_link: () => ({ organization_id: DEMO_IDS.organizations.acme, intent: "sso" }),
  list_directories: () => ({ limit: 2 }),
  get_directory: () => ({ directory_id: DEMO_IDS.directories.fooCorpOkta }),
  delete_directory: () => ({ directory_id: DEMO_IDS.directories.fooCorpOkta }),
  list_directory_users: () => ({ directory_id: DEMO_IDS.directories.fooCorpOkta, limit: 5 }),
  get_directory_user: () => ({ directory_user_id: "directory_user_01HM68NKP068RTCKASH06RHSRS" }),
  list_directory_groups: () => ({ directory_id: DEMO_IDS.directories.fooCorpOkta, limit: 2 }),
  get_directory_group: () => ({ directory_group_id: "directory_group_01HM66HVQ0KA6WYJTGXY7QXANV" }),
  validate_webhook: () => ({ payload: BODY, signature_header: header(Date.now(), BODY, SECRET) }),
  list_users: () => ({ organization_id: DEMO_IDS.organizations.acme, limit: 3 }),
  get_user: () => ({ user_id: DEMO_IDS.users.janeDoe }),
  create_user: () => ({ email: "views.user@example.com", first_name: "Views" }),
  update_user: () => ({ user_id: DEMO_IDS.users.janeDoe, last_name: "Renamed" }),
  delete_user: () => ({ user_id: DEMO_IDS.users.carlosGarcia }),
  list_organization_memberships: () => ({
    organization_id: DEMO_IDS.organizations.acme,
    statuses: ["active", "inactive"],
  }),
  create_organization_membership: () => ({
    user_id: DEMO_IDS.users.oliviaBrown,
    organization_id: DEMO_IDS.organizations.acme,
    role_slug: "admin",
  }),
  update_organization_membership: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.priyaAcme,
    role_slug: "admin",
  }),
  deactivate_organization_membership: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.priyaAcme,
  }),
  reactivate_organization_membership: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.bobAcme,
  }),
  delete_organization_membership: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.carlosGlobex,
  }),
  list_invitations: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  get_invitation: () => ({ invitation_id: DEMO_IDS.invitations.acmeNewHire }),
  send_invitation: () => ({ email: "views.invitee@acme.com", organization_id: DEMO_IDS.organizations.acme }),
  resend_invitation: () => ({ invitation_id: DEMO_IDS.invitations.acmeNewHire }),
  revoke_invitation: () => ({ invitation_id: DEMO_IDS.invitations.acmeNewHire }),
  list_user_sessions: () => ({ user_id: DEMO_IDS.users.janeDoe }),
  revoke_session: () => ({ session_id: DEMO_IDS.sessions.janePhone, user_id: DEMO_IDS.users.janeDoe }),
  list_roles: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  get_role: () => ({ slug: "org-billing-admin", organization_id: DEMO_IDS.organizations.acme }),
  create_role: () => ({ organization_id: DEMO_IDS.organizations.acme, slug: "org-views", name: "Views" }),
  update_role: () => ({ slug: "member", permissions: ["reports:read"] }),
  delete_role: () => ({ organization_id: DEMO_IDS.organizations.acme, slug: "org-billing-admin" }),
  list_permissions: () => ({}),
  list_role_assignments: () => ({ organization_membership_id: DEMO_IDS.organizationMemberships.joseFooCorp }),
  assign_role: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.bjornFooCorp,
    role_slug: "org-project-lead",
    resource_type_slug: "project",
    resource_external_id: "proj-mobile",
  }),
  remove_role_assignment: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.joseFooCorp,
    role_assignment_id: DEMO_IDS.roleAssignments.joseWebsiteLead,
  }),
  check_access: () => ({
    organization_membership_id: DEMO_IDS.organizationMemberships.joseFooCorp,
    permission_slug: "project:delete",
    resource_id: DEMO_IDS.authorizationResources.fooCorpMobile,
  }),
  list_events: () => ({ organization_id: DEMO_IDS.organizations.acme, limit: 5 }),
  list_audit_log_actions: () => ({}),
  create_audit_log_export: () => ({
    organization_id: DEMO_IDS.organizations.acme,
    range_start: "2024-01-01",
    range_end: "2024-02-01",
    actions: ["invoice.paid"],
  }),
  get_audit_log_export: () => ({ audit_log_export_id: DEMO_AUDIT_LOG_EXPORT_ID }),
  get_audit_log_retention: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  set_audit_log_retention: () => ({
    organization_id: DEMO_IDS.organizations.acme,
    retention_period_in_days: 30,
  }),
  list_feature_flags: () => ({ limit: 3 }),
  get_feature_flag: () => ({ slug: "advanced-analytics" }),
  set_feature_flag_target: () => ({ slug: "legacy-export", user_id: DEMO_IDS.users.janeDoe, enabled: true }),
  list_api_keys: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  create_api_key: () => ({
    organization_id: DEMO_IDS.organizations.globex,
    name: "Views CI",
    permissions: ["reports:read"],
  }),
  revoke_api_key: () => ({
    api_key_id: DEMO_API_KEY_IDS.acmeExpired,
    organization_id: DEMO_IDS.organizations.acme,
  }),
  validate_api_key: () => ({ value: DEMO_API_KEY_VALUES.acmeReporting }),
  add_radar_list_entry: () => ({ type: "email", action: "allow", entry: "ops@acme.com" }),
  remove_radar_list_entry: () => ({ type: "domain", action: "block", entry: "mailinator.com" }),
  list_groups: () => ({ organization_id: DEMO_IDS.organizations.acme }),
  get_group: () => ({
    organization_id: DEMO_IDS.organizations.acme,
    group_id: DEMO_IDS.groups.acmeEngineering,
  }),
  list_user_auth_factors: () => ({ user_id: DEMO_IDS.users.janeDoe }),
  delete_user_auth_factor: () => ({ authentication_factor_id: DEMO_MFA.janeTotp }),
  list_webhook_endpoints: () => ({}),
  create_webhook_endpoint: () => ({
    endpoint_url: "https://views.example.com/hooks",
    events: ["user.created"],
  }),
  update_webhook_endpoint: () => ({
    webhook_endpoint_id: DEMO_IDS.webhookEndpoints.example,
    status: "enabled",
  }),
  delete_webhook_endpoint: () => ({ webhook_endpoint_id: DEMO_IDS.webhookEndpoints.example }),
  find_workos_operations: () => ({ query: "organization domain" }),
  workos_read: () => ({ operation: "OrganizationsController_list", query: { limit: 2 } }),
  workos_write: () => ({
    operation: "OrganizationDomainsController_delete",
    path: { id: DEMO_IDS.domains.acmeIo },
  }),
};

/** Every string in the view's data and next call: the facts both channels must carry, JSON-encoded alike. */
function facts(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(JSON.stringify(value));
  else if (Array.isArray(value)) for (const item of value) facts(item, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      into.push(JSON.stringify(key));
      facts(field, into);
    }
  }
  return into;
}

function viewOf(result: CallToolResult): ModelView {
  return result.structuredContent as unknown as ModelView;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { WORKOS_WEBHOOK_SECRET: SECRET, WORKOS_MCP_TOOLSETS: "all" } });
});
afterAll(() => h.close());

describe("one model view, the same in every client", () => {
  it("has a call for every tool", () => {
    expect(Object.keys(CALLS).sort()).toEqual(tools.map((tool) => tool.name).sort());
  });

  it.each(tools.map((tool) => [tool.name, tool] as const))(
    "%s: both views carry the same facts and guidance",
    async (name, tool) => {
      await h.control("POST", "/_emulator/reset");
      const result = await h.call(name, (CALLS[name] as () => Record<string, unknown>)());
      const { structured, text } = clientViews(result);
      expect(result.isError, text).toBeFalsy();
      const view = viewOf(result);

      // The summary and every note: the text shows them as lines, the JSON as strings.
      const notes = view.notes ?? [];
      expect(text.split("\n").slice(0, 1 + notes.length)).toEqual([view.summary, ...notes]);
      expect(structured).toContain(JSON.stringify(view.summary));
      for (const note of notes) expect(structured).toContain(JSON.stringify(note));

      // Every id, name, cursor and value of the data and the next call, in both.
      for (const fact of [...facts(view.data), ...facts(view.next?.tool), ...facts(view.next?.arguments)]) {
        expect(text).toContain(fact.slice(1, -1));
        expect(structured).toContain(fact);
      }

      // The text is exactly the view: nothing more. Summary, notes, the fenced data, and the next call.
      const items = Array.isArray(view.data) ? view.data.length : 1;
      const lines = text.split("\n");
      expect(lines).toHaveLength(1 + notes.length + 2 + items + (view.next === undefined ? 0 : 1));
      const fenced = lines.slice(1 + notes.length + 1, 1 + notes.length + 1 + items);
      expect(fenced.map((line) => JSON.parse(line))).toEqual(
        Array.isArray(view.data) ? view.data : [view.data],
      );
      if (view.next !== undefined) {
        expect(lines.at(-1)).toBe(
          `Next page: call ${view.next.tool} with ${JSON.stringify(view.next.arguments)}.`,
        );
      }

      // Writes say where they happened, in both views.
      if (!tool.annotations.readOnlyHint) {
        for (const channel of [structured, text])
          expect(channel).toContain("Environment: the staging (test) environment");
      }
    },
  );

  it("a list's next page call is the same in both views and continues where the page ended", async () => {
    const result = await h.call("list_organizations", { limit: 2 });
    const { structured, text } = clientViews(result);
    const next = viewOf(result).next;
    expect(next?.tool).toBe("list_organizations");
    const cursor = next?.arguments.after as string;
    expect(cursor).toBe((viewOf(result).data as { id: string }[])[1]?.id);
    expect(structured).toContain(cursor);
    expect(text).toContain(`"after":"${cursor}"`);
    const following = await h.call("list_organizations", next?.arguments);
    expect((viewOf(following).data as { id: string }[])[0]?.id).not.toBe(cursor);
  });

  it("a delete preview tells the model, in both views, to show the user what would be lost and ask first", async () => {
    // The calls above leave their requests (a tool that deletes among them): only this call's count.
    await h.control("DELETE", "/_emulator/requests");
    const result = await h.call("delete_organization", { organization_id: DEMO_IDS.organizations.fooCorp });
    const token = (viewOf(result).data as { confirmation_token: string }).confirmation_token;
    expect(token).toMatch(/^ct_/);
    for (const channel of Object.values(clientViews(result))) {
      expect(channel).toContain("Show the user what would be lost");
      expect(channel).toContain("Only if they explicitly agree");
      expect(channel).toContain("confirmation_token=");
      expect(channel).toContain(token);
      expect(channel).toContain("Foo Corp");
    }
    expect((await h.requests()).filter((request) => request.method === "DELETE")).toEqual([]);
  });

  it("the last page says so, and has no next call", async () => {
    const result = await h.call("list_directories", { limit: 100 });
    expect(viewOf(result).next).toBeUndefined();
    for (const channel of Object.values(clientViews(result))) {
      expect(channel).toContain("this is the last page");
      expect(channel).not.toContain("Next page");
    }
  });

  it("a list leaves out what repeats the filter, and shows a user's state only when it is not active", async () => {
    const result = await h.call("list_directory_users", {
      directory_id: DEMO_IDS.directories.fooCorpOkta,
      limit: 100,
    });
    const users = viewOf(result).data as Record<string, unknown>[];
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user).not.toHaveProperty("directory_id");
      expect(user).not.toHaveProperty("organization_id");
      expect(user).not.toHaveProperty("raw_attributes");
      expect(user.state).not.toBe("active");
      expect(Object.values(user)).not.toContain(null);
    }
    expect(viewOf(result).notes).toContain("Users are active unless a state is shown.");
    const full = await h.call("list_directory_users", {
      directory_id: DEMO_IDS.directories.fooCorpOkta,
      limit: 100,
      detail: "full",
    });
    const whole = viewOf(full).data as Record<string, unknown>[];
    expect(whole[0]).toHaveProperty("raw_attributes");
    expect(whole[0]).toHaveProperty("directory_id");
    // The 30 whole users are about 11,800 tokens: the default budget keeps the first ones under 10,000.
    expect(whole.length).toBeLessThan(users.length);
    expect(whole.map((user) => user.id)).toEqual(users.slice(0, whole.length).map((user) => user.id));
    expect(viewOf(full).next?.arguments.after).toBe(whole.at(-1)?.id);
  });

  it("get_* tools return every field, custom attributes included", async () => {
    const result = await h.call("get_directory_user", {
      directory_user_id: "directory_user_01HM68NKP068RTCKASH06RHSRS",
    });
    const user = viewOf(result).data as Record<string, unknown>;
    for (const field of [
      "id",
      "directory_id",
      "organization_id",
      "idp_id",
      "state",
      "custom_attributes",
      "raw_attributes",
      "groups",
    ]) {
      expect(user, field).toHaveProperty(field);
    }
  });
});
