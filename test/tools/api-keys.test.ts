import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_API_KEY_IDS, DEMO_API_KEY_VALUES, DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { registerSecret } from "../support/secret-scan.js";
import { dataOf, viewOf } from "../support/view.js";

const { acme, globex } = DEMO_IDS.organizations;

// The values validated here are secrets the user handed over: the file fails if any output shows one.
registerSecret(DEMO_API_KEY_VALUES.acmeReporting, DEMO_API_KEY_VALUES.acmeExpired);

type Item = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--toolsets", "api_keys"] });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/requests");
  await h.control("DELETE", "/_emulator/faults");
});

/** Everything the process writes to stderr (where the server logs) while a test runs. */
let stderr: string[] = [];
let restore: (() => void) | undefined;
beforeEach(() => {
  stderr = [];
  const original = process.stderr.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    stderr.push(String(chunk));
    return (original as (...args: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  restore = () => {
    process.stderr.write = original;
  };
});
afterEach(() => restore?.());

const occurrences = (text: string, value: string) => text.split(value).length - 1;
const both = (result: CallToolResult) => [textOf(result), JSON.stringify(result.structuredContent ?? {})];
const deletes = async (on: Harness = h) => (await on.requests()).filter((r) => r.method === "DELETE");
/** A key of Globex's, made outside the server. */
const globexKey = async (on: Harness = h) =>
  (await on.control("POST", `/organizations/${globex}/api_keys`, { name: "Globex CI" })) as {
    id: string;
    value: string;
  };

describe("list_api_keys", () => {
  it("lists an organization's keys by name and last characters, never a value", async () => {
    const result = await h.call("list_api_keys", { organization_id: acme });
    const keys = dataOf<Item[]>(result);
    // Newest first; Priya's own key (a user's, not the organization's) is not among them.
    expect(keys).toEqual([
      {
        id: DEMO_API_KEY_IDS.acmeExpired,
        name: "Acme old integration",
        obfuscated_value: `sk_...${DEMO_API_KEY_VALUES.acmeExpired.slice(-4)}`,
        expires_at: "2024-06-30T00:00:00.000Z",
        // Said in so many words: a model comparing dates to a today it does not know gets it wrong.
        expired: true,
      },
      {
        id: DEMO_API_KEY_IDS.acmeReporting,
        name: "Acme reporting export",
        obfuscated_value: `sk_...${DEMO_API_KEY_VALUES.acmeReporting.slice(-4)}`,
        permissions: ["reports:read"],
      },
    ]);
    expect(viewOf(result).summary).toBe("2 API keys; this is the last page.");
    const full = await h.call("list_api_keys", { organization_id: acme, detail: "full" });
    for (const key of dataOf<Item[]>(full)) expect(key).not.toHaveProperty("value");
  });

  it("an unknown organization is a WorkOS 404", async () => {
    const result = await h.call("list_api_keys", { organization_id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 404");
  });
});

describe("create_api_key", () => {
  it("shows the new secret once, says it cannot be shown again, and logs nothing of it", async () => {
    const result = await h.call("create_api_key", {
      organization_id: globex,
      name: "Globex reporting",
      permissions: ["reports:read"],
      expires_at: "2030-01-01T00:00:00Z",
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const created = dataOf<{ id: string; value: string }>(result);
    expect(created).toMatchObject({
      name: "Globex reporting",
      owner: { type: "organization", id: globex },
      permissions: ["reports:read"],
      expires_at: "2030-01-01T00:00:00.000Z",
    });
    expect(created.value).toMatch(/^sk_\w{20,}/);
    // Once in each channel: in data, never in the summary or a note.
    for (const channel of both(result)) expect(occurrences(channel, created.value)).toBe(1);
    const view = viewOf(result);
    expect(view.summary).toBe(`Created API key "${created.id}" for organization "${globex}".`);
    expect(view.notes?.[0]).toMatch(
      /^value is the key's secret, shown this once: WorkOS never returns it again, and neither can this server\./,
    );
    expect(stderr.join("")).not.toContain(created.value);

    // Never again: the list shows the key by its last characters only.
    const listed = await h.call("list_api_keys", { organization_id: globex, detail: "full" });
    for (const channel of both(listed)) expect(channel).not.toContain(created.value);
    expect(dataOf<Item[]>(listed)[0]).toMatchObject({
      id: created.id,
      obfuscated_value: `sk_...${created.value.slice(-4)}`,
    });
  });

  it.each([
    ["an empty name", { name: " " }, "- name:"],
    ["an expiry that is no date-time", { name: "CI", expires_at: "next week" }, "- expires_at:"],
  ])("refuses %s before anything is sent", async (_case, args, problem) => {
    const result = await h.call("create_api_key", { organization_id: acme, ...args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(problem);
    expect(await h.requests()).toEqual([]);
  });
});

describe("validate_api_key", () => {
  it("says whose a valid key is, and never repeats the value", async () => {
    const result = await h.call("validate_api_key", { value: DEMO_API_KEY_VALUES.acmeReporting });
    expect(viewOf(result).summary).toBe(
      `The API key is valid: "${DEMO_API_KEY_IDS.acmeReporting}", of organization "${acme}".`,
    );
    expect(dataOf(result)).toMatchObject({
      valid: true,
      api_key: { id: DEMO_API_KEY_IDS.acmeReporting, owner: { type: "organization", id: acme } },
    });
    for (const channel of both(result)) expect(channel).not.toContain(DEMO_API_KEY_VALUES.acmeReporting);
  });

  it("an expired or unknown key is not valid", async () => {
    for (const value of [DEMO_API_KEY_VALUES.acmeExpired, "sk_not_a_key_of_anyone_12345"]) {
      const result = await h.call("validate_api_key", { value });
      expect(dataOf(result)).toEqual({ valid: false });
      expect(viewOf(result).summary).toBe("The API key is not valid: unknown, revoked or expired.");
    }
  });

  it("keeps the value out of an error even when the upstream echoes it", async () => {
    const value = DEMO_API_KEY_VALUES.acmeReporting;
    await h.control("POST", "/_emulator/faults", {
      method: "POST",
      path: "/api_keys/validations",
      status: 422,
      body: {
        message: `Key ${value} is malformed`,
        code: "invalid_value",
        errors: [{ field: "value", code: "invalid", message: `got ${value}` }],
      },
    });
    const result = await h.call("validate_api_key", { value });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("HTTP 422");
    expect(textOf(result)).toContain("Key [redacted] is malformed");
    expect(textOf(result)).not.toContain(value);
    expect(stderr.join("")).not.toContain(value);
  });

  it("keeps the value out of a result that echoes it", async () => {
    const value = DEMO_API_KEY_VALUES.acmeReporting;
    await h.control("POST", "/_emulator/faults", {
      method: "POST",
      path: "/api_keys/validations",
      status: 200,
      body: {
        api_key: {
          object: "api_key",
          id: DEMO_API_KEY_IDS.acmeReporting,
          owner: { type: "organization", id: acme },
          name: `named ${value}`,
          obfuscated_value: value,
          last_used_at: null,
          expires_at: null,
          permissions: [],
          created_at: "2024-01-01T00:00:00.000Z",
          updated_at: "2024-01-01T00:00:00.000Z",
        },
      },
    });
    const result = await h.call("validate_api_key", { value });
    expect(dataOf(result)).toMatchObject({ valid: true, api_key: { name: "named [redacted]" } });
    for (const channel of both(result)) expect(channel).not.toContain(value);
  });

  it("refuses a value too short to be a key without sending or echoing it", async () => {
    const result = await h.call("validate_api_key", { value: "sk_abc" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("- value:");
    expect(textOf(result)).not.toContain("sk_abc");
    expect(await h.requests()).toEqual([]);
  });
});

describe("revoke_api_key", () => {
  const args = { api_key_id: DEMO_API_KEY_IDS.acmeReporting, organization_id: acme };

  it("previews what stops working, and revokes only with the user's token", async () => {
    const first = await h.call("revoke_api_key", args);
    const preview = dataOf<{ deleted: boolean; impact: Item; confirmation_token: string }>(first);
    expect(preview).toMatchObject({
      deleted: false,
      reason: "confirmation_required",
      object: "api_key",
      name: "Acme reporting export",
      impact: {
        organization_id: acme,
        obfuscated_value: `sk_...${DEMO_API_KEY_VALUES.acmeReporting.slice(-4)}`,
        permissions: ["reports:read"],
        last_used_at: "never used",
        stops_working: "Every request using this key fails authentication at once; callers need a new key.",
      },
    });
    expect(await deletes()).toEqual([]);

    const second = await h.call("revoke_api_key", {
      ...args,
      confirmation_token: preview.confirmation_token,
    });
    expect(dataOf(second)).toEqual({
      deleted: true,
      object: "api_key",
      id: DEMO_API_KEY_IDS.acmeReporting,
      name: "Acme reporting export",
    });
    expect((await deletes()).map((r) => r.path)).toEqual([`/api_keys/${DEMO_API_KEY_IDS.acmeReporting}`]);
    const check = await h.call("validate_api_key", { value: DEMO_API_KEY_VALUES.acmeReporting });
    expect(dataOf(check)).toEqual({ valid: false });
  });

  it("says an expired key's callers lose nothing more", async () => {
    const result = await h.call("revoke_api_key", {
      api_key_id: DEMO_API_KEY_IDS.acmeExpired,
      organization_id: acme,
    });
    expect(dataOf(result)).toMatchObject({
      deleted: false,
      impact: {
        expires_at: "2024-06-30T00:00:00.000Z",
        stops_working: "Nothing more: the key has already expired, so requests using it fail already.",
      },
    });
  });

  it("asks a client that can elicit for the key's exact name", async () => {
    let asked = "";
    const hh = await startHarness({
      argv: ["--toolsets", "api_keys"],
      elicit: (request) => {
        asked = request.message;
        return { action: "accept", content: { confirm_name: "Acme reporting export" } };
      },
    });
    try {
      expect(dataOf(await hh.call("revoke_api_key", args))).toMatchObject({ deleted: true });
      expect(asked).toMatch(/^Permanently delete API key "Acme reporting export"/);
      expect(asked).toContain("its requests fail authentication from then on");
      expect(asked).toContain("Type the API key's exact name");
    } finally {
      await hh.close();
    }
  });

  it("a key of another organization is not found through this one, and nothing is revoked", async () => {
    const other = await globexKey();
    registerSecret(other.value);
    for (const argv of [[], ["--destructive", "allow"]]) {
      const hh = argv.length === 0 ? h : await startHarness({ argv: ["--toolsets", "api_keys", ...argv] });
      try {
        const result = await hh.call("revoke_api_key", { api_key_id: other.id, organization_id: acme });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain(`Organization ${acme} has no API key ${other.id}.`);
        expect(textOf(result)).toContain("list_api_keys lists its keys");
        expect(await deletes(hh)).toEqual([]);
      } finally {
        if (hh !== h) await hh.close();
      }
    }
  });
});

describe("on a server pinned to Acme", () => {
  let pinned: Harness;
  beforeAll(async () => {
    pinned = await startHarness({ argv: ["--toolsets", "api_keys", "--organization", acme] });
  });
  afterAll(() => pinned.close());

  it("a key of another organization reads as not valid, with nothing of it shown", async () => {
    const other = await globexKey(pinned);
    registerSecret(other.value);
    const result = await pinned.call("validate_api_key", { value: other.value });
    expect(dataOf(result)).toEqual({ valid: false });
    expect(textOf(result)).not.toContain(other.id);
    const own = await pinned.call("validate_api_key", { value: DEMO_API_KEY_VALUES.acmeReporting });
    expect(dataOf(own)).toMatchObject({ valid: true });
  });

  it("lists and creates Acme's keys, organization_id filled in", async () => {
    const keys = dataOf<Item[]>(await pinned.call("list_api_keys", {}));
    expect(keys.map((key) => key.id)).toContain(DEMO_API_KEY_IDS.acmeReporting);
    const created = await pinned.call("create_api_key", { name: "Pinned CI" });
    expect(dataOf(created)).toMatchObject({ owner: { type: "organization", id: acme } });
  });
});
