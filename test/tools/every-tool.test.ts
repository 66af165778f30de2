import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { tools } from "../../src/tools/index.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { viewOf } from "../support/view.js";

// Valid arguments for every tool that calls WorkOS; validate_webhook makes no call and has its own tests.
const VALID: Record<string, Record<string, unknown>> = {
  list_organizations: {},
  get_organization: { organization_id: DEMO_IDS.organizations.acme },
  get_organization_overview: { organization_id: DEMO_IDS.organizations.acme },
  create_organization: { name: "Forbidden Inc" },
  update_organization: { organization_id: DEMO_IDS.organizations.acme, name: "Renamed" },
  delete_organization: { organization_id: DEMO_IDS.organizations.acme },
  add_organization_domain: { organization_id: DEMO_IDS.organizations.acme, domain: "acme.example" },
  get_organization_domain: { organization_domain_id: DEMO_IDS.domains.acmeIo },
  verify_organization_domain: { organization_domain_id: DEMO_IDS.domains.acmeIo },
  delete_organization_domain: { organization_domain_id: DEMO_IDS.domains.acmeIo },
  list_roles: {},
  get_role: { slug: "admin" },
  list_events: { events: ["dsync.user.updated"], range_start: "2024-01-01T00:00:00Z" },
  list_connections: {},
  get_connection: { connection_id: DEMO_IDS.connections.acmeAzureSaml },
  generate_portal_link: { organization_id: DEMO_IDS.organizations.acme, intent: "sso" },
  list_directories: {},
  get_directory: { directory_id: DEMO_IDS.directories.acmeGoogle },
  delete_directory: { directory_id: DEMO_IDS.directories.acmeGoogle },
  list_directory_users: { directory_id: DEMO_IDS.directories.acmeGoogle },
  get_directory_user: { directory_user_id: "directory_user_01HM68NKP068RTCKASH06RHSRS" },
  list_directory_groups: { directory_id: DEMO_IDS.directories.acmeGoogle },
  get_directory_group: { directory_group_id: "directory_group_01HM66HVQ0KA6WYJTGXY7QXANV" },
  list_users: {},
  get_user: { user_id: DEMO_IDS.users.janeDoe },
  create_user: { email: "every.tool@example.com" },
  update_user: { user_id: DEMO_IDS.users.janeDoe, first_name: "Janet" },
  delete_user: { user_id: DEMO_IDS.users.janeDoe },
  list_organization_memberships: { organization_id: DEMO_IDS.organizations.acme },
  create_organization_membership: {
    user_id: DEMO_IDS.users.oliviaBrown,
    organization_id: DEMO_IDS.organizations.acme,
  },
  update_organization_membership: {
    organization_membership_id: DEMO_IDS.organizationMemberships.janeAcme,
    role_slug: "member",
  },
  deactivate_organization_membership: {
    organization_membership_id: DEMO_IDS.organizationMemberships.janeAcme,
  },
  reactivate_organization_membership: {
    organization_membership_id: DEMO_IDS.organizationMemberships.bobAcme,
  },
  delete_organization_membership: { organization_membership_id: DEMO_IDS.organizationMemberships.janeAcme },
  list_invitations: {},
  get_invitation: { invitation_id: DEMO_IDS.invitations.acmeNewHire },
  send_invitation: { email: "every.invitee@acme.com", organization_id: DEMO_IDS.organizations.acme },
  resend_invitation: { invitation_id: DEMO_IDS.invitations.acmeNewHire },
  revoke_invitation: { invitation_id: DEMO_IDS.invitations.acmeNewHire },
  list_user_sessions: { user_id: DEMO_IDS.users.janeDoe },
  revoke_session: { session_id: DEMO_IDS.sessions.janeLaptop, user_id: DEMO_IDS.users.janeDoe },
};
const workosTools = tools.filter((tool) => tool.annotations.openWorldHint).map((tool) => tool.name);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "all" } });
});
afterAll(() => h.close());

describe("every WorkOS tool", () => {
  it("has valid arguments in this table", () => {
    expect(Object.keys(VALID).sort()).toEqual([...workosTools].sort());
  });

  it.each(workosTools)("%s succeeds with valid arguments", async (name) => {
    await h.control("POST", "/_emulator/reset");
    const result = await h.call(name, VALID[name]);
    expect(result.isError, textOf(result)).toBeFalsy();
    const view = viewOf(result);
    expect(view.summary).toMatch(/\S/);
    // WorkOS's answer reached the model: an object with fields, or a list with items (the demo data has some).
    expect(view.data, textOf(result)).toBeTypeOf("object");
    expect(Object.keys(view.data as object).length, textOf(result)).toBeGreaterThan(0);
  });

  it.each(workosTools)("%s turns a WorkOS 403 into an isError result", async (name) => {
    await h.control("POST", "/_emulator/faults", {
      method: "*",
      path: "*",
      status: 403,
      body: { message: "This API key is not allowed to do that." },
      times: 10,
    });
    const result = await h.call(name, VALID[name]);
    await h.control("DELETE", "/_emulator/faults");
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(new RegExp(`^${name} failed: the API key may not do this \\(HTTP 403\\)`));
    expect(textOf(result)).toMatch(
      /"category":"permission","status":403,"message":"This API key is not allowed to do that."/,
    );
    expect(textOf(result)).toMatch(/Hint: /);
  });
});

describe("every WorkOS tool, given an unknown parameter", () => {
  // A harness of its own that no call reaches WorkOS through: on the shared one, a call of an earlier test
  // (an overview whose first request failed) may still have requests in flight after its result, and they
  // would land in a log cleared here.
  let quiet: Harness;
  beforeAll(async () => {
    quiet = await startHarness({ env: { WORKOS_MCP_TOOLSETS: "all" } });
  });
  afterAll(() => quiet.close());

  it.each(workosTools)("%s refuses it before calling WorkOS", async (name) => {
    const result = await quiet.call(name, { ...VALID[name], bogus_param: 1 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(new RegExp(`bogus_param: not a parameter of ${name}`));
    expect(await quiet.requests()).toEqual([]);
  });
});
