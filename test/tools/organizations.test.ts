import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { fooCorp, acme } = DEMO_IDS.organizations;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control("POST", "/_emulator/reset"));

describe("list_organizations", () => {
  it("lists the seeded organizations with a next-page hint", async () => {
    const result = await h.call("list_organizations", { limit: 2, order: "asc" });
    expect(result.isError).toBeFalsy();
    const view = viewOf<{ id: string }[]>(result);
    expect(view.data.map((org) => org.id)).toEqual([fooCorp, acme]);
    // The next call keeps the call's order and limit, and goes on after the last one shown.
    expect(view.next).toEqual({
      tool: "list_organizations",
      arguments: { limit: 2, order: "asc", after: acme },
    });
    expect(textOf(result)).toContain(
      `Next page: call list_organizations with {"limit":2,"order":"asc","after":"${acme}"}.`,
    );
  });

  it("filters by any of several domains, sent as one comma-joined parameter", async () => {
    const result = await h.call("list_organizations", { domains: ["acme.com", "foo-corp.com"] });
    const ids = dataOf<{ id: string }[]>(result)
      .map((org) => org.id)
      .sort();
    expect(ids).toEqual([fooCorp, acme].sort());
    const log = await h.requests();
    expect(log.at(-1)?.query).toMatchObject({ domains: "acme.com,foo-corp.com" });
  });

  it("accepts domains sent as a JSON string, as models sometimes do", async () => {
    const result = await h.call("list_organizations", { domains: '["acme.com"]' });
    expect(dataOf<{ id: string }[]>(result).map((org) => org.id)).toEqual([acme]);
  });

  it("rejects a limit outside 1..100 before calling WorkOS", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const result = await h.call("list_organizations", { limit: 500 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Invalid arguments for list_organizations.*\n- limit: .*100/s);
    expect(await h.requests()).toEqual([]);
  });
});

describe("get_organization", () => {
  it("returns the organization with its domains", async () => {
    const result = await h.call("get_organization", { organization_id: acme });
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toMatchObject({
      object: "organization",
      id: acme,
      name: "Acme Inc",
      external_id: "acme",
      domains: [
        { domain: "acme.com", state: "verified" },
        { domain: "acme.io", state: "pending" },
      ],
    });
    expect(textOf(result)).not.toContain("null");
  });

  it("turns a 404 into an isError result with a hint", async () => {
    const result = await h.call("get_organization", { organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain("WorkOS found no such object (HTTP 404); retrying will not help.");
    expect(text).toMatch(/"request_id":"req_/);
    expect(text).toMatch(/"status":404/);
    expect(text).toContain("list_organizations");
  });

  it("rejects an id of the wrong kind", async () => {
    const result = await h.call("get_organization", { organization_id: "conn_01HM65XQ60FYAQN6Z7PA2NQ03A" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/organization_id: must be an organization id starting with "org_"/);
  });
});

describe("create_organization", () => {
  it("creates an organization with a domain and returns it", async () => {
    const result = await h.call("create_organization", {
      name: "Hooli",
      domain_data: [{ domain: "hooli.com", state: "pending" }],
      metadata: { plan: "enterprise" },
    });
    expect(result.isError).toBeFalsy();
    const created = dataOf<{ id: string; name: string }>(result);
    expect(created).toMatchObject({
      object: "organization",
      name: "Hooli",
      metadata: { plan: "enterprise" },
    });
    const fetched = await h.call("get_organization", { organization_id: created.id });
    expect(dataOf(fetched)).toMatchObject({ name: "Hooli", domains: [{ domain: "hooli.com" }] });
  });

  it("sends an Idempotency-Key, so a repeated call with the same key creates one organization", async () => {
    const args = { name: "Once Only", idempotency_key: "test-key-1" };
    const first = await h.call("create_organization", args);
    const second = await h.call("create_organization", args);
    const id = dataOf<{ id: string }>(first).id;
    expect(id).toMatch(/^org_/);
    expect(dataOf<{ id: string }>(second).id).toBe(id);
    const found = await h.call("list_organizations", { search: "Once Only" });
    expect(dataOf<unknown[]>(found)).toHaveLength(1);
  });

  it("reports a duplicate external_id as a WorkOS error with its code", async () => {
    const result = await h.call("create_organization", { name: "Copy", external_id: "acme" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`"code":"external_id_already_used"`);
  });

  it.each([
    [{}, /- name: /],
    [
      { name: "X", domain_data: [{ domain: "https://x.com/", state: "verified" }] },
      /domain_data\.0\.domain: must be a bare domain/,
    ],
    [{ name: "X", domain_data: [{ domain: "x.com", state: "confirmed" }] }, /domain_data\.0\.state/],
    [{ name: "X", metadata: { ["k".repeat(41)]: "v" } }, /metadata.*40 characters/],
    [{ name: "X", metadata: { k: "v".repeat(601) } }, /metadata.*600 characters/],
    [{ name: "X", external_id: "é" }, /external_id: must be printable ASCII/],
    [{ name: "X", org_name: "typo" }, /org_name: not a parameter of create_organization/],
  ])("rejects invalid input %o", async (args, message) => {
    const result = await h.call("create_organization", args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe("update_organization", () => {
  it("renames and clears external_id", async () => {
    const result = await h.call("update_organization", {
      organization_id: acme,
      name: "Acme 2",
      external_id: null,
    });
    expect(result.isError).toBeFalsy();
    // A cleared external_id is null at WorkOS, and nulls are left out of data.
    const updated = dataOf(result);
    expect(updated).toMatchObject({ id: acme, name: "Acme 2" });
    expect(updated).not.toHaveProperty("external_id");
    expect((await h.requests()).at(-1)?.body).toMatchObject({ external_id: null });
    const fetched = dataOf(await h.call("get_organization", { organization_id: acme }));
    expect(fetched).toMatchObject({ name: "Acme 2" });
    expect(fetched).not.toHaveProperty("external_id");
  });

  it("reports an unknown organization", async () => {
    const result = await h.call("update_organization", {
      organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ",
      name: "X",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`"status":404`);
  });

  it("rejects a missing organization_id", async () => {
    const result = await h.call("update_organization", { name: "X" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- organization_id: /);
  });
});

describe("delete_organization", () => {
  it("deletes after confirmation, and then the organization is gone", async () => {
    const preview = await h.call("delete_organization", { organization_id: fooCorp });
    expect(dataOf(preview)).toMatchObject({ deleted: false, reason: "confirmation_required" });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(preview);
    expect(viewOf(preview).notes?.[0]).toContain(`confirmation_token="${confirmation_token}"`);
    const result = await h.call("delete_organization", { organization_id: fooCorp, confirmation_token });
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toEqual({ deleted: true, object: "organization", id: fooCorp });
    expect((await h.call("get_organization", { organization_id: fooCorp })).isError).toBe(true);
  });

  it("rejects a hostile id before any request", async () => {
    await h.control("DELETE", "/_emulator/requests");
    const result = await h.call("delete_organization", { organization_id: "org_1/../../directories" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/organization_id: must be an organization id/);
    expect(await h.requests(), "a request reached WorkOS").toEqual([]);
  });
});
