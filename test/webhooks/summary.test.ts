import { describe, expect, it } from "vitest";
import { summarizeEvent } from "../../src/webhooks/summary.js";
import { MAX_PAYLOAD_BYTES } from "../../src/webhooks/verify.js";

const user = {
  object: "directory_user",
  id: "directory_user_01E",
  directory_id: "directory_01F",
  organization_id: "org_01G",
  first_name: "Blair",
  last_name: "Lunceford",
  email: "blair@foo-corp.com",
  state: "active",
};
const group = {
  object: "directory_group",
  id: "directory_group_01H",
  directory_id: "directory_01F",
  organization_id: "org_01G",
  name: "Engineering",
};

function event(type: string, data: unknown): string {
  return JSON.stringify({ id: "event_01A", event: type, data, created_at: "2024-01-15T11:59:59.000Z" });
}

describe("summarizeEvent", () => {
  it.each([
    [
      "dsync.user.created",
      user,
      "dsync.user.created: user Blair Lunceford (blair@foo-corp.com) in directory directory_01F of organization org_01G",
    ],
    [
      "dsync.user.updated",
      {
        ...user,
        first_name: undefined,
        last_name: undefined,
        email: null,
        emails: [{ primary: true, value: "b@x.io" }],
      },
      "dsync.user.updated: user b@x.io in directory directory_01F of organization org_01G",
    ],
    [
      "dsync.group.created",
      group,
      'dsync.group.created: group "Engineering" in directory directory_01F of organization org_01G',
    ],
    [
      "dsync.group.user_added",
      { directory_id: "directory_01F", user, group },
      'dsync.group.user_added: user Blair Lunceford (blair@foo-corp.com) in group "Engineering" in directory directory_01F of organization org_01G',
    ],
    [
      "dsync.group.user_removed",
      {
        directory_id: "directory_01F",
        user: { id: "directory_user_01E" },
        group: { id: "directory_group_01H" },
      },
      "dsync.group.user_removed: user directory_user_01E in group directory_group_01H in directory directory_01F",
    ],
    [
      "dsync.activated",
      {
        object: "directory",
        id: "directory_01F",
        organization_id: "org_01G",
        name: "Foo Okta",
        type: "okta scim v2.0",
      },
      'dsync.activated: directory "Foo Okta" (okta scim v2.0) directory_01F of organization org_01G',
    ],
    [
      "dsync.deleted",
      { object: "directory", id: "directory_01F", type: "gsuite directory" },
      "dsync.deleted: directory directory_01F (gsuite directory)",
    ],
    [
      "connection.activated",
      {
        object: "connection",
        id: "conn_01J",
        organization_id: "org_01G",
        name: "Foo SAML",
        connection_type: "OktaSAML",
      },
      'connection.activated: connection "Foo SAML" (OktaSAML) conn_01J of organization org_01G',
    ],
    [
      "connection.saml_certificate_renewal_required",
      {
        connection: { id: "conn_01J", organization_id: "org_01G" },
        certificate: { certificate_type: "ResponseSigning", expiry_date: "2024-02-01T00:00:00.000Z" },
        days_until_expiry: 17,
      },
      "connection.saml_certificate_renewal_required: connection conn_01J of organization org_01G certificate expires 2024-02-01T00:00:00.000Z",
    ],
    [
      "organization.created",
      {
        object: "organization",
        id: "org_01G",
        name: "Foo Corp",
        domains: [{ object: "organization_domain", domain: "foo-corp.com" }, { domain: "foo.io" }],
      },
      'organization.created: organization "Foo Corp" (foo-corp.com, foo.io) org_01G',
    ],
    [
      "organization_domain.verified",
      {
        object: "organization_domain",
        id: "org_domain_01K",
        organization_id: "org_01G",
        domain: "foo.io",
        state: "verified",
      },
      "organization_domain.verified: domain foo.io (verified) of organization org_01G",
    ],
    [
      "organization_domain.verification_failed",
      {
        reason: "domain_verification_period_expired",
        organization_domain: {
          id: "org_domain_01K",
          organization_id: "org_01G",
          domain: "foo.io",
          state: "failed",
        },
      },
      "organization_domain.verification_failed: domain foo.io (failed) of organization org_01G reason domain_verification_period_expired",
    ],
    ["user.created", { object: "user", id: "user_01L", email: "x@y.z" }, "user.created: user user_01L"],
    [
      "dsync.token.created",
      { object: "directory_token", id: "dtok_01" },
      "dsync.token.created: directory_token dtok_01",
    ],
    ["something.new", {}, "something.new"],
  ])("summarises %s", (type, data, summary) => {
    expect(summarizeEvent(event(type, data))).toEqual({
      id: "event_01A",
      event: type,
      created_at: "2024-01-15T11:59:59.000Z",
      summary,
    });
  });

  it("says what an update changed, from previous_attributes in data or in the event's context", () => {
    const suspended = {
      ...user,
      state: "suspended",
      custom_attributes: { department: "Sales", level: "3" },
      previous_attributes: { state: "active", custom_attributes: { department: "Engineering" } },
    };
    expect(summarizeEvent(event("dsync.user.updated", suspended))?.summary).toBe(
      "dsync.user.updated: user Blair Lunceford (blair@foo-corp.com) in directory directory_01F of organization " +
        'org_01G; changed state "active" → "suspended", custom_attributes.department "Engineering" → "Sales"',
    );
    const renamed = JSON.stringify({
      id: "event_01A",
      event: "organization.updated",
      data: { object: "organization", id: "org_01G", name: "Foo Corp", external_id: null, domains: [] },
      context: {
        previous_attributes: { name: "Foo Inc", external_id: "foo", domains: [{ domain: "foo.io" }] },
      },
      created_at: "2024-01-15T11:59:59.000Z",
    });
    expect(summarizeEvent(renamed)?.summary).toBe(
      'organization.updated: organization "Foo Corp" org_01G; changed name "Foo Inc" → "Foo Corp", ' +
        'external_id "foo" → (none), domains',
    );
  });

  it("names at most five changes and counts the rest", () => {
    const previous = Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((key) => [key, 1]));
    const summary = summarizeEvent(
      event("dsync.group.updated", { ...group, previous_attributes: previous }),
    )?.summary;
    expect(summary).toMatch(/; changed a "1" → \(none\), b .*, e "1" → \(none\) and 2 more$/);
  });

  it("keeps the summary on one line when names carry control characters", () => {
    const result = summarizeEvent(event("dsync.group.created", { ...group, name: "Eng\nineering\t\u0007" }));
    expect(result?.summary).toBe(
      'dsync.group.created: group "Eng ineering " in directory directory_01F of organization org_01G',
    );
  });

  it("does not throw on odd data shapes", () => {
    const odd = { user: 5, group: "x", domains: "foo.io", name: { nested: true }, first_name: [1] };
    for (const type of [
      "dsync.group.user_added",
      "organization.updated",
      "dsync.user.created",
      "connection.deleted",
    ]) {
      const summary = summarizeEvent(event(type, odd))?.summary;
      expect(summary?.startsWith(`${type}: `)).toBe(true);
      expect(summary).not.toMatch(/undefined|null|\[object/);
    }
  });

  it.each([
    ["non-JSON text", "not json {"],
    ["empty string", ""],
    ["JSON null", "null"],
    ["a JSON array", "[]"],
    ["a JSON number", "42"],
    ["missing event", JSON.stringify({ id: "e", data: {}, created_at: "" })],
    ["missing created_at", JSON.stringify({ id: "e", event: "x", data: {} })],
    ["data not an object", JSON.stringify({ id: "e", event: "x", data: [], created_at: "" })],
    ["id not a string", JSON.stringify({ id: 1, event: "x", data: {}, created_at: "" })],
    ["over the size bound", `{"id":"${"e".repeat(MAX_PAYLOAD_BYTES)}"}`],
  ])("returns null for %s", (_name, payload) => {
    expect(summarizeEvent(payload)).toBeNull();
  });
});
