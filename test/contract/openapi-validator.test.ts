import { AssertionError } from "node:assert";
import { describe, expect, it } from "vitest";
import {
  assertMatchesSpec,
  declaredStatuses,
  type HttpMethod,
  responseValidator,
} from "../support/openapi.js";
import { OPERATIONS } from "./operations.js";

const TS = "2026-01-15T12:00:00.000Z";
const JSON_TYPE = "application/json; charset=utf-8";

const organization = {
  object: "organization",
  id: "org_01EHWNCE74X7JSDV0X3SZ3KJNY",
  name: "Acme Inc.",
  domains: [
    {
      object: "organization_domain",
      id: "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A",
      organization_id: "org_01EHWNCE74X7JSDV0X3SZ3KJNY",
      domain: "acme.test",
      state: "verified",
      verification_strategy: "manual",
      created_at: TS,
      updated_at: TS,
    },
  ],
  metadata: { tier: "gold" },
  external_id: null,
  created_at: TS,
  updated_at: TS,
};

const directory = {
  object: "directory",
  id: "directory_01ECAZ4NV9QMV47GW873HDCX74",
  organization_id: "org_01EHWNCE74X7JSDV0X3SZ3KJNY",
  external_key: "sPa12dwRQ",
  type: "okta scim v2.0",
  state: "linked",
  name: "Acme Okta",
  created_at: TS,
  updated_at: TS,
};

function check(method: HttpMethod, path: string, status: number, body: unknown) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return responseValidator(method, path, status)(text, JSON_TYPE);
}

describe("OpenAPI response validator (self-test)", () => {
  it.for(OPERATIONS)("compiles every declared response of $method $template", ({ method, template }) => {
    const statuses = declaredStatuses(method, template);
    expect(statuses.some((s) => s.startsWith("2"))).toBe(true);
    for (const status of statuses) {
      // Any declared schema that is not the empty one must reject a bare number.
      const result = responseValidator(method, template, Number(status))("42", "application/json");
      if (result.valid) expect(`${method} ${template} ${status}`).toBe("DELETE /directories/{id} 202");
    }
  });

  it("accepts a hand-written organization and organization list", () => {
    expect(check("GET", "/organizations/{id}", 200, organization)).toEqual({ valid: true, errors: [] });
    const list = { object: "list", data: [organization], list_metadata: { before: null, after: null } };
    expect(check("GET", "/organizations", 200, list).errors).toEqual([]);
  });

  it("rejects an organization missing `id` with the wrong `object`", () => {
    const { id: _id, ...rest } = organization;
    const result = check("GET", "/organizations/{id}", 200, { ...rest, object: "org" });
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/\(root\) must have required property 'id'/);
    expect(result.errors.join("\n")).toMatch(/\/object must be equal to constant/);
  });

  it("rejects nested violations through $ref (list item, enum, date-time)", () => {
    const badDomain = { ...organization.domains[0], state: "bogus" };
    const bad = { ...organization, domains: [badDomain], created_at: "yesterday" };
    const list = { object: "list", data: [bad], list_metadata: { before: null } };
    const errors = check("GET", "/organizations", 200, list).errors.join("\n");
    expect(errors).toMatch(/\/data\/0\/domains\/0\/state must be equal to one of the allowed values/);
    expect(errors).toMatch(/\/data\/0\/created_at must match format "date-time"/);
    expect(errors).toMatch(/\/list_metadata must have required property 'after'/);
  });

  it("checks directories and the `linked`/`unlinked` REST state enum", () => {
    expect(check("GET", "/directories/{id}", 200, directory).errors).toEqual([]);
    expect(check("GET", "/directories/{id}", 200, { ...directory, state: "active" }).valid).toBe(false);
  });

  it("checks error bodies per operation, including the events 422 shape", () => {
    expect(check("GET", "/organizations/{id}", 404, { message: "Not found" }).valid).toBe(true);
    expect(check("GET", "/organizations/{id}", 404, { error: "Not found" }).valid).toBe(false);
    const events422 = { message: "Validation failed.", errors: [{ code: "invalid", field: "events" }] };
    expect(check("GET", "/events", 422, events422).valid).toBe(true);
    expect(check("GET", "/events", 422, { message: "Validation failed." }).valid).toBe(false);
    const dup = { code: "external_id_already_used", message: "taken" };
    expect(check("POST", "/organizations", 400, dup).valid).toBe(true);
    expect(check("POST", "/organizations", 400, { code: "other", message: "x" }).valid).toBe(false);
  });

  it("fails when the spec declares no response for the status", () => {
    const result = check("GET", "/organizations/{id}", 422, { message: "x" });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/declares no 422 response/);
    expect(check("GET", "/no/such/path", 200, {}).valid).toBe(false);
  });

  it("checks cross-cutting 401/405/429 against the generic {message} shape", () => {
    expect(check("GET", "/organizations", 401, { message: "Unauthorized" }).valid).toBe(true);
    expect(check("GET", "/organizations", 401, { error: "Unauthorized" }).valid).toBe(false);
    expect(check("PATCH", "/organizations/{id}", 405, { message: "Method not allowed" }).valid).toBe(true);
    expect(check("PATCH", "/organizations/{id}", 405, "Method not allowed").valid).toBe(false);
    expect(check("PATCH", "/no/such/path", 405, { message: "Method not allowed" }).valid).toBe(false);
    expect(check("GET", "/organizations", 429, { message: "Slow down" }).valid).toBe(true);
    expect(check("GET", "/directory_users", 429, '"Ratelimited"').valid).toBe(true);
    expect(check("GET", "/directory_users", 429, { message: "Slow down" }).valid).toBe(false);
  });

  it("requires empty bodies where the spec declares none", () => {
    expect(check("DELETE", "/organizations/{id}", 202, "").valid).toBe(true);
    expect(check("DELETE", "/connections/{id}", 204, "").valid).toBe(true);
    expect(check("DELETE", "/connections/{id}", 204, "{}").valid).toBe(false);
    expect(check("DELETE", "/directories/{id}", 202, "").valid).toBe(true);
    expect(check("GET", "/organizations/{id}", 200, "").valid).toBe(false);
  });

  it("rejects non-JSON bodies and non-JSON content types", () => {
    expect(check("GET", "/organizations/{id}", 404, "Not Found").valid).toBe(false);
    const text = JSON.stringify({ message: "x" });
    expect(responseValidator("GET", "/organizations/{id}", 404)(text, "text/plain").valid).toBe(false);
    expect(responseValidator("GET", "/organizations/{id}", 404)(text, null).valid).toBe(false);
    expect(responseValidator("GET", "/organizations/{id}", 404)(text).valid).toBe(true);
  });

  it("assertMatchesSpec throws an AssertionError naming the instance path", () => {
    const base = {
      method: "GET",
      pathTemplate: "/directories/{id}",
      status: 200,
      contentType: "application/json",
    } as const;
    const bodyText = JSON.stringify({ ...directory, type: "nope" });
    expect(() => assertMatchesSpec({ ...base, bodyText })).toThrow(AssertionError);
    expect(() => assertMatchesSpec({ ...base, bodyText })).toThrow(/\/type must be equal to one of/);
    expect(() => assertMatchesSpec({ ...base, bodyText: JSON.stringify(directory) })).not.toThrow();
  });
});
