import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const TOOLS = [
  "list_webhook_endpoints",
  "create_webhook_endpoint",
  "update_webhook_endpoint",
  "delete_webhook_endpoint",
];
const DEMO_URL = "https://example.com/workos/webhooks";
const DEMO_SECRET = "whsec_demo_example_endpoint";

type Endpoint = { id: string; url: string; status?: string; events: string[] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "webhook_endpoints"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
});

async function demoEndpoint(): Promise<Endpoint> {
  const [endpoint] = dataOf<Endpoint[]>(await h.call("list_webhook_endpoints"));
  return endpoint as Endpoint;
}

describe("webhook_endpoints toolset", () => {
  it("is off by default, webhooks' validate_webhook stays on", async () => {
    const off = await startHarness();
    try {
      const names = (await off.mcp.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain("validate_webhook");
      for (const name of TOOLS) expect(names).not.toContain(name);
    } finally {
      await off.close();
    }
    const names = (await h.mcp.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(TOOLS);
  });

  it("is off on a server pinned to an organization, saying why", async () => {
    const pinned = await startHarness({
      argv: ["--toolsets", "all", "--organization", DEMO_IDS.organizations.acme],
    });
    try {
      const names = (await pinned.mcp.listTools()).tools.map((tool) => tool.name);
      for (const name of TOOLS) expect(names).not.toContain(name);
      const refused = await pinned.call("list_webhook_endpoints");
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain("reaches what every organization of the environment shares");
      expect(await pinned.requests()).toEqual([]);
    } finally {
      await pinned.close();
    }
  });
});

describe("list_webhook_endpoints", () => {
  it("lists each endpoint's URL, disabled state and events, never its signing secret", async () => {
    const result = await h.call("list_webhook_endpoints");
    expect(dataOf(result)).toEqual([
      {
        id: expect.stringMatching(/^we_/),
        url: DEMO_URL,
        status: "disabled",
        events: ["organization.created", "organization.updated", "organization.deleted"],
      },
    ]);
    const full = await h.call("list_webhook_endpoints", { detail: "full" });
    expect(dataOf<Record<string, unknown>[]>(full)[0]).toMatchObject({ endpoint_url: DEMO_URL });
    for (const shown of [result, full]) {
      expect(JSON.stringify(shown)).not.toContain(DEMO_SECRET);
      expect(JSON.stringify(shown)).not.toContain('"secret"');
    }
  });
});

describe("list_webhook_endpoints beyond 100", () => {
  it("shows the first 100 and says there may be more", async () => {
    for (let i = 0; i < 100; i++) {
      await h.control("POST", "/webhook_endpoints", {
        endpoint_url: `https://hooks${i}.example.com/workos`,
        events: ["user.created"],
      });
    }
    const view = viewOf<Endpoint[]>(await h.call("list_webhook_endpoints"));
    expect(view.data).toHaveLength(100);
    expect(view.notes).toContain("Only the first 100 endpoints are shown.");
  });
});

describe("create_webhook_endpoint", () => {
  it("creates an endpoint and shows its signing secret once, with a note to store it", async () => {
    const result = await h.call("create_webhook_endpoint", {
      endpoint_url: "https://staging.example.com/hooks",
      events: ["user.created", "dsync.user.created"],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const view = viewOf<{ id: string; secret: string; status: string }>(result);
    expect(view.data).toMatchObject({
      endpoint_url: "https://staging.example.com/hooks",
      status: "enabled",
      events: ["user.created", "dsync.user.created"],
    });
    expect(view.data.secret.length).toBeGreaterThan(10);
    expect(view.summary).toMatch(/^Created webhook endpoint "we_\w+" for 2 event types\.$/);
    expect(view.notes?.join(" ")).toContain("no tool shows it again");
    const sent = (await h.requests()).find((r) => r.method === "POST");
    expect(sent?.body).toEqual({
      endpoint_url: "https://staging.example.com/hooks",
      events: ["user.created", "dsync.user.created"],
    });
    // Listed afterwards, without the secret.
    const listed = await h.call("list_webhook_endpoints", { detail: "full" });
    expect(dataOf<{ id: string }[]>(listed).map((e) => e.id)).toContain(view.data.id);
    expect(JSON.stringify(listed)).not.toContain(view.data.secret);
  });

  it("refuses a plain-http URL and an unknown event type before calling WorkOS, naming the field", async () => {
    const result = await h.call("create_webhook_endpoint", {
      endpoint_url: "http://staging.example.com/hooks",
      events: ["user.created", "user.craeted"],
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("- endpoint_url: must be an https:// URL");
    expect(textOf(result)).toContain(
      "- events.1: not an event type an endpoint can receive (did you mean user.created",
    );
    expect(await h.requests()).toEqual([]);
  });

  it("reports WorkOS's 409 for a URL that already has an endpoint", async () => {
    const result = await h.call("create_webhook_endpoint", {
      endpoint_url: DEMO_URL,
      events: ["user.created"],
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 409.*duplicate_endpoint/s);
  });
});

describe("update_webhook_endpoint", () => {
  it("enables an endpoint and replaces its events, without showing the secret", async () => {
    const { id } = await demoEndpoint();
    const result = await h.call("update_webhook_endpoint", {
      webhook_endpoint_id: id,
      status: "enabled",
      events: ["user.created"],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(dataOf(result)).toMatchObject({ id, status: "enabled", events: ["user.created"] });
    expect(viewOf(result).summary).toBe(`Webhook endpoint "${id}" is "enabled", for 1 event type.`);
    expect(JSON.stringify(result)).not.toContain(DEMO_SECRET);
    const patch = (await h.requests()).find((r) => r.method === "PATCH");
    expect(patch).toMatchObject({
      path: `/webhook_endpoints/${id}`,
      body: { status: "enabled", events: ["user.created"] },
    });
    expect(await demoEndpoint()).toEqual({ id, url: DEMO_URL, events: ["user.created"] });
  });

  it("needs something to change, and reports WorkOS's 404 for an unknown endpoint", async () => {
    const nothing = await h.call("update_webhook_endpoint", {
      webhook_endpoint_id: "we_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(nothing.isError).toBe(true);
    expect(textOf(nothing)).toContain("- endpoint_url: give endpoint_url, events or status: what to change");
    expect(await h.requests()).toEqual([]);
    const unknown = await h.call("update_webhook_endpoint", {
      webhook_endpoint_id: "we_01JZZZZZZZZZZZZZZZZZZZZZZZ",
      status: "disabled",
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/HTTP 404/);
  });
});

describe("delete_webhook_endpoint", () => {
  it("previews which events stop being delivered where, then deletes with the token", async () => {
    const { id } = await demoEndpoint();
    await h.call("update_webhook_endpoint", { webhook_endpoint_id: id, status: "enabled" });
    const first = await h.call("delete_webhook_endpoint", { webhook_endpoint_id: id });
    const preview = dataOf<{ deleted: boolean; name: string; impact: unknown; confirmation_token: string }>(
      first,
    );
    expect(preview).toMatchObject({
      deleted: false,
      object: "webhook_endpoint",
      name: DEMO_URL,
      impact: {
        endpoint_url: DEMO_URL,
        status: "enabled",
        events_no_longer_delivered: ["organization.created", "organization.updated", "organization.deleted"],
      },
    });
    expect((await h.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
    const second = await h.call("delete_webhook_endpoint", {
      webhook_endpoint_id: id,
      confirmation_token: preview.confirmation_token,
    });
    expect(dataOf(second)).toEqual({ deleted: true, object: "webhook_endpoint", id });
    expect(dataOf(await h.call("list_webhook_endpoints"))).toEqual([]);
  });

  it("asks a client that can elicit to type the URL, saying which events stop (none while disabled)", async () => {
    const asked: string[] = [];
    const hh = await startHarness({
      argv: ["--toolsets", "webhook_endpoints"],
      elicit: (request) => {
        asked.push(request.message);
        return asked.length === 1
          ? { action: "decline" }
          : { action: "accept", content: { confirm_name: DEMO_URL } };
      },
    });
    try {
      const [endpoint] = dataOf<Endpoint[]>(await hh.call("list_webhook_endpoints"));
      const id = endpoint?.id;
      const declined = await hh.call("delete_webhook_endpoint", { webhook_endpoint_id: id });
      expect(dataOf(declined)).toMatchObject({ deleted: false, reason: "declined" });
      expect(asked[0]).toContain(
        "This also removes its subscription to 3 event types (disabled: nothing is delivered now)",
      );
      await hh.call("update_webhook_endpoint", { webhook_endpoint_id: id, status: "enabled" });
      const result = await hh.call("delete_webhook_endpoint", { webhook_endpoint_id: id });
      expect(dataOf(result)).toMatchObject({ deleted: true });
      expect(asked[1]).toContain(
        `This also removes the delivery of 3 event types (organization.created, organization.updated, organization.deleted) to ${DEMO_URL}`,
      );
      expect(asked[1]).toContain("Type the webhook endpoint's exact URL to confirm.");
    } finally {
      await hh.close();
    }
  });

  it("reports an endpoint that is not there as not found, deleting nothing", async () => {
    const unknown = await h.call("delete_webhook_endpoint", {
      webhook_endpoint_id: "we_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain(
      "No webhook endpoint we_01JZZZZZZZZZZZZZZZZZZZZZZZ in this environment.",
    );
    expect((await h.requests()).filter((r) => r.method === "DELETE")).toEqual([]);
  });
});
