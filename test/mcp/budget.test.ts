import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_RESULT_TOKENS, o200k } from "../../src/mcp/budget.js";
import { fitErrorText } from "../../src/mcp/errors.js";
import type { ModelView } from "../../src/mcp/view.js";
import { clientViews, tokens } from "../support/client-views.js";
import { type Harness, startHarness, textOf } from "../support/harness.js";
import { SCIM_COUNTS, SCIM_IDS, scimDirectorySeed } from "../support/scim-directory.js";

// A realistic Okta SCIM directory: 250 users whose raw_attributes hold the SCIM payload. A page of 100 of
// them as WorkOS returns it is about 124,000 tokens; no client keeps that.
const directory_id = SCIM_IDS.directory;

function viewOf(result: CallToolResult): ModelView {
  return result.structuredContent as unknown as ModelView;
}
const ids = (result: CallToolResult) => (viewOf(result).data as { id: string }[]).map((item) => item.id);

/** Every user of the directory, in order, read straight from the emulator. */
async function allUsers(h: Harness): Promise<{ id: string; state: string; email: string }[]> {
  const users = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({
      directory: directory_id,
      limit: "100",
      ...(after === null ? {} : { after }),
    });
    const page = (await h.control("GET", `/directory_users?${query}`)) as {
      data: { id: string; state: string; email: string }[];
      list_metadata: { after: string | null };
    };
    users.push(...page.data);
    after = page.list_metadata.after;
  } while (after !== null);
  return users;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ emulator: { seed: scimDirectorySeed() } });
});
afterAll(() => h.close());

describe("a budget no result exceeds", () => {
  it("a 100-user page, by default, fits in 10,000 tokens in each view with every id, email, non-active state and the cursor", async () => {
    const result = await h.call("list_directory_users", { directory_id, limit: 100 });
    const users = (await allUsers(h)).slice(0, 100);
    for (const view of Object.values(clientViews(result))) {
      expect(tokens(view)).toBeLessThanOrEqual(10_000);
      for (const user of users) {
        expect(view).toContain(user.id);
        expect(view).toContain(user.email);
      }
    }
    const shown = viewOf(result).data as { id: string; state?: string }[];
    expect(shown.filter((user) => user.state !== undefined)).toEqual(
      users
        .filter((user) => user.state !== "active")
        .map((user) => expect.objectContaining({ id: user.id, state: user.state })),
    );
    expect(viewOf(result).next?.arguments).toEqual({ directory_id, limit: 100, after: users[99]?.id });
  });

  it('detail: "full" is cut at an item boundary under 40,000 characters, says so, and next goes on after the last item shown', async () => {
    const result = await h.call("list_directory_users", { directory_id, limit: 100, detail: "full" });
    const { structured, text } = clientViews(result);
    expect(structured.length).toBeLessThanOrEqual(40_000);
    expect(text.length).toBeLessThanOrEqual(40_000);
    const shown = ids(result);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    for (const channel of [structured, text]) expect(channel).toMatch(/Cut to \d+ of the 100 items/);
    const next = viewOf(result).next;
    expect(next?.arguments).toMatchObject({ directory_id, detail: "full", after: shown.at(-1) });

    // Walking on with next loses nothing and repeats nothing.
    const seen = [...shown];
    let call = next;
    while (call !== undefined && seen.length < 150) {
      const page = await h.call(call.tool, call.arguments);
      seen.push(...ids(page));
      call = viewOf(page).next;
    }
    const everyone = (await allUsers(h)).map((user) => user.id);
    expect(seen).toEqual(everyone.slice(0, seen.length));
  });

  it("WORKOS_MCP_MAX_RESULT_CHARS sets the budget", async () => {
    const small = await startHarness({
      emulator: { seed: scimDirectorySeed() },
      env: { WORKOS_MCP_MAX_RESULT_CHARS: "3000" },
    });
    try {
      const result = await small.call("list_directory_users", { directory_id, limit: 100 });
      const { structured, text } = clientViews(result);
      expect(structured.length).toBeLessThanOrEqual(3000);
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).toContain("to stay under 3000 characters");
    } finally {
      await small.close();
    }
  });

  it("a client known to keep less (Codex, about 10 KiB) gets a budget that fits it", async () => {
    const codex = await startHarness({
      emulator: { seed: scimDirectorySeed() },
      clientName: "codex-mcp-client",
    });
    try {
      const result = await codex.call("list_directory_users", { directory_id, limit: 100 });
      for (const view of Object.values(clientViews(result))) {
        expect(Buffer.byteLength(view)).toBeLessThanOrEqual(10_240);
      }
      expect(ids(result).length).toBeGreaterThan(10);
      expect(viewOf(result).next?.arguments.after).toBe(ids(result).at(-1));
    } finally {
      await codex.close();
    }
  });

  it("WORKOS_MCP_MAX_RESULT_CHARS, the operator's choice, wins over what a known client keeps", async () => {
    const codex = await startHarness({
      emulator: { seed: scimDirectorySeed() },
      clientName: "codex-mcp-client",
      env: { WORKOS_MCP_MAX_RESULT_CHARS: "40000" },
    });
    try {
      const result = await codex.call("list_directory_users", { directory_id, limit: 100, detail: "full" });
      const { structured, text } = clientViews(result);
      // Over Codex's 9,000 and the default token cap: the operator's 40,000 is the whole budget.
      for (const channel of [structured, text]) {
        expect(channel.length).toBeGreaterThan(30_000);
        expect(channel.length).toBeLessThanOrEqual(40_000);
        expect(tokens(channel)).toBeGreaterThan(10_000);
      }
      expect(text).toContain("to stay under 40000 characters");
    } finally {
      await codex.close();
    }
  });

  it("without the operator's setting, a known client's limit applies", async () => {
    const codex = await startHarness({
      emulator: { seed: scimDirectorySeed() },
      clientName: "codex-mcp-client",
    });
    try {
      const result = await codex.call("list_directory_users", { directory_id, limit: 100, detail: "full" });
      for (const view of Object.values(clientViews(result))) expect(view.length).toBeLessThanOrEqual(9_000);
      expect(textOf(result)).toContain("to stay under 9000 characters");
    } finally {
      await codex.close();
    }
  });

  it('detail: "full" stays under 10,000 o200k tokens by default, in both channels', async () => {
    const result = await h.call("list_directory_users", { directory_id, limit: 30, detail: "full" });
    for (const view of Object.values(clientViews(result))) {
      expect(tokens(view)).toBeLessThanOrEqual(DEFAULT_MAX_RESULT_TOKENS);
    }
    expect(ids(result).length).toBeGreaterThan(0);
    expect(viewOf(result).next?.arguments.after).toBe(ids(result).at(-1));
  });

  it("a single object over the budget is cut field by field, largest first, with a note", async () => {
    const small = await startHarness({
      emulator: { seed: scimDirectorySeed() },
      env: { WORKOS_MCP_MAX_RESULT_CHARS: "2000" },
    });
    try {
      const [first] = await allUsers(small);
      const result = await small.call("get_directory_user", { directory_user_id: first?.id });
      const { structured, text } = clientViews(result);
      expect(structured.length).toBeLessThanOrEqual(2000);
      expect(text.length).toBeLessThanOrEqual(2000);
      const user = viewOf(result).data as Record<string, unknown>;
      expect(user).not.toHaveProperty("raw_attributes");
      expect(user.id).toBe(first?.id);
      for (const channel of [structured, text])
        expect(channel).toMatch(/Left out \\?"raw_attributes\\?" \(\d+ characters\)/);
    } finally {
      await small.close();
    }
  });
});

describe("a hostile upstream cannot make a result outgrow the budget, nor take long", () => {
  const organization_id = "org_01HQ0000000000000000000AB1";
  const organization = (extra: Record<string, unknown> = {}) => ({
    object: "organization",
    id: organization_id,
    name: "Acme",
    domains: [],
    metadata: {},
    external_id: null,
    created_at: "2024-01-01T00:00:00.000Z",
    updated_at: "2024-01-01T00:00:00.000Z",
    ...extra,
  });
  const answer = (path: string, body: unknown) =>
    h.control("POST", "/_emulator/faults", { method: "GET", path, status: 200, body });
  afterEach(() => h.control("DELETE", "/_emulator/faults"));

  /** Both channels within 40,000 characters and the default token cap. */
  function expectWithinBudget(result: CallToolResult) {
    for (const view of Object.values(clientViews(result))) {
      expect(view.length).toBeLessThanOrEqual(40_000);
      expect(tokens(view)).toBeLessThanOrEqual(DEFAULT_MAX_RESULT_TOKENS);
    }
  }

  it("an object with 5,000 extra fields is cut in well under a second, keeping the fields WorkOS declares", async () => {
    const extra = Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`extra_field_${i}`, `value ${i}`]),
    );
    await answer("/organizations/*", organization(extra));
    await h.call("get_organization", { organization_id }); // loads the tokenizer
    await answer("/organizations/*", organization(extra));
    const started = performance.now();
    const result = await h.call("get_organization", { organization_id });
    expect(performance.now() - started).toBeLessThan(1_000);
    expectWithinBudget(result);
    expect(viewOf(result).data).toMatchObject({ id: organization_id, name: "Acme" });
    const note = viewOf(result).notes?.find((line) => line.startsWith("Left out"));
    expect(note).toMatch(/, \d+ more fields \(\d+ characters\) to stay under/);
    expect(note?.length).toBeLessThan(1_000);
  });

  it("a 50,000-character field name is left out and named in a few characters", async () => {
    await answer("/organizations/*", organization({ ["k".repeat(50_000)]: 1 }));
    const result = await h.call("get_organization", { organization_id });
    expectWithinBudget(result);
    // Not a plain word, so not quoted at all: our words say what it is (src/mcp/quote.ts).
    expect(textOf(result)).toContain("Left out a field whose 50000-character name is not a plain word (");
    expect(textOf(result)).not.toContain("k".repeat(65));
  });

  it("a 100,000-character id at the cut is not carried into next; a note says why", async () => {
    const data = [organization({ id: `org_${"9".repeat(100_000)}`, metadata: { blob: "x".repeat(39_000) } })];
    await answer("/organizations", { object: "list", data, list_metadata: { before: null, after: "org_2" } });
    const result = await h.call("list_organizations", { detail: "full" });
    expectWithinBudget(result);
    expect(viewOf(result).next).toBeUndefined();
    expect(textOf(result)).toContain("The cursor for the next page is 100004 characters long");
  });

  it("an empty page with a 100,000-character cursor gives an empty page and a note, not a crash", async () => {
    const after = "c".repeat(100_000);
    await answer("/organizations", { object: "list", data: [], list_metadata: { before: null, after } });
    const result = await h.call("list_organizations", {});
    expect(result.isError, textOf(result)).toBeFalsy();
    expectWithinBudget(result);
    expect(viewOf(result).data).toEqual([]);
    expect(viewOf(result).next).toBeUndefined();
    expect(viewOf(result).summary).toBe("0 organizations; next is left out, see the notes.");
  });

  it("a 10,000-character search is not repeated in next, and the data it found stays", async () => {
    await answer("/organizations", {
      object: "list",
      data: [organization()],
      list_metadata: { before: null, after: "org_2" },
    });
    // 10,000 characters: a URL much longer is refused (HTTP 431) before WorkOS reads it.
    const result = await h.call("list_organizations", { search: "a".repeat(10_000) });
    expectWithinBudget(result);
    expect(viewOf(result).data).toEqual([expect.objectContaining({ id: organization_id })]);
    expect(viewOf(result).next).toBeUndefined();
    expect(textOf(result)).toMatch(/The arguments of the call for the next page come to \d+ characters/);
  });

  it("text of about a token a character (CJK) is cut to the token cap, not only the character budget", async () => {
    // 30,000 characters fit the character budget; at about a token each they would not fit the token cap.
    const chars = Array.from({ length: 30_000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919) % 20_000)),
    );
    await answer("/organizations/*", organization({ metadata: { notes: chars.join("") } }));
    const result = await h.call("get_organization", { organization_id });
    expectWithinBudget(result);
    expect(viewOf(result).data).toMatchObject({ id: organization_id });
    expect(textOf(result)).toMatch(/Left out "metadata" \(\d+ characters\)/);
  });

  it("5,000 unknown argument names give an error within the budget that names ten and counts the rest", async () => {
    const args = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknown_argument_${i}`, 1]));
    const result = await h.call("get_organization", { organization_id, ...args });
    expect(result.isError).toBe(true);
    expectWithinBudget(result);
    expect(textOf(result)).toContain("unknown_argument_9 and 4990 more: not a parameter of get_organization");
  });

  it("5,000 invalid values give an error within the budget that lists ten problems and counts the rest", async () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`key_${i}`, { no: "string" }]),
    );
    const result = await h.call("create_organization", { name: "Acme", metadata });
    expect(result.isError).toBe(true);
    expectWithinBudget(result);
    expect(textOf(result)).toMatch(/\n- and \d+ more problems\n/);
  });

  it("an error text over the budget is cut with a note, within the characters and the bytes the token cap allows", () => {
    const budget = { maxChars: 40_000, maxTokens: DEFAULT_MAX_RESULT_TOKENS };
    expect(fitErrorText("short", budget)).toBe("short");
    const cjk = fitErrorText("字".repeat(20_000), budget);
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(DEFAULT_MAX_RESULT_TOKENS);
    expect(cjk).toMatch(/… \(cut: the error was 20000 characters\)$/);
    const ascii = fitErrorText("e".repeat(50_000), { maxChars: 9_000, maxTokens: undefined });
    expect(ascii.length).toBeLessThanOrEqual(9_000);
    expect(ascii).toMatch(/e… \(cut: the error was 50000 characters\)$/);
  });
});

describe("the o200k count", () => {
  it("equals gpt-tokenizer's own count on ordinary text, and bounds a long run by its bytes, quickly", async () => {
    const count = await o200k();
    const samples = [
      JSON.stringify({ summary: "3 users", data: [{ id: "directory_user_01", name: "Ana  Lima\n" }] }),
      "a  b   c\n\n  d\t",
      "héllo wörld 日本語のテキスト <|endoftext|>",
    ];
    const plain = { disallowedSpecial: new Set<string>() };
    for (const text of samples) expect(count(text)).toBe(countTokens(text, plain));
    const run = "漢".repeat(40_000);
    const started = performance.now();
    expect(count(run)).toBe(Buffer.byteLength(run));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("answers without walking pages by hand", () => {
  it('state: "suspended" returns exactly the suspended users, in under 2,500 tokens, and how many were scanned', async () => {
    const result = await h.call("list_directory_users", { directory_id, state: "suspended", limit: 100 });
    const suspended = (await allUsers(h)).filter((user) => user.state === "suspended").map((user) => user.id);
    expect(suspended).toHaveLength(SCIM_COUNTS.suspended);
    expect(ids(result)).toEqual(suspended);
    for (const view of Object.values(clientViews(result))) {
      expect(tokens(view)).toBeLessThanOrEqual(2_500);
      expect(view).toContain(
        `${SCIM_COUNTS.suspended} directory users matched among ${SCIM_COUNTS.users} scanned`,
      );
    }
    expect(viewOf(result).next).toBeUndefined();
  });

  it("stops at limit matches, and its cursor goes on scanning without skipping or repeating anyone", async () => {
    const expected = (await allUsers(h)).filter((user) => user.state !== "active").map((user) => user.id);
    const seen: string[] = [];
    let call: ModelView["next"] = {
      tool: "list_directory_users",
      arguments: { directory_id, state: "inactive", limit: 3 },
    };
    const inactive: string[] = [];
    while (call !== undefined) {
      const page = await h.call(call.tool, call.arguments);
      inactive.push(...ids(page));
      call = viewOf(page).next;
    }
    call = { tool: "list_directory_users", arguments: { directory_id, state: "suspended", limit: 5 } };
    while (call !== undefined) {
      const page = await h.call(call.tool, call.arguments);
      expect(ids(page).length).toBeLessThanOrEqual(5);
      seen.push(...ids(page));
      call = viewOf(page).next;
    }
    expect(inactive).toHaveLength(SCIM_COUNTS.inactive);
    expect(seen).toHaveLength(SCIM_COUNTS.suspended);
    expect([...seen, ...inactive].sort()).toEqual([...expected].sort());
  });

  it("search finds users by a fragment of name or email, in any case", async () => {
    const [someone] = await allUsers(h);
    const fragment = (someone?.email.split("@")[0] ?? "").toUpperCase();
    const result = await h.call("list_directory_users", { directory_id, search: fragment, limit: 100 });
    expect(ids(result)).toContain(someone?.id);
    for (const user of viewOf(result).data as { email: string; name?: string }[]) {
      expect(`${user.email} ${user.name ?? ""}`.toLowerCase()).toContain(fragment.toLowerCase());
    }
  });

  it("list_directory_groups searches group names the same way", async () => {
    const all = await h.call("list_directory_groups", { directory_id, limit: 100 });
    const groups = viewOf(all).data as { id: string; name: string }[];
    const target = groups[0] as { id: string; name: string };
    const fragment = target.name.slice(1, 5).toLowerCase();
    const result = await h.call("list_directory_groups", { directory_id, search: fragment, limit: 100 });
    expect(ids(result)).toEqual(
      groups.filter((group) => group.name.toLowerCase().includes(fragment)).map((group) => group.id),
    );
  });

  it("reports progress while it walks, when the client asks for it", async () => {
    const progress: { progress: number; message?: string | undefined }[] = [];
    await h.mcp.callTool(
      { name: "list_directory_users", arguments: { directory_id, state: "suspended", limit: 100 } },
      undefined,
      { onprogress: (notification) => progress.push(notification) },
    );
    expect(progress.map((step) => step.progress)).toEqual([100, 200, 250]);
    expect(progress.at(-1)?.message).toBe("Scanned 250 users, 12 matching.");
  });
});

describe("get_organization_overview", () => {
  it("gives the organization, its SSO connections and its directories with user counts, in under 1,500 tokens", async () => {
    const result = await h.call("get_organization_overview", { organization_id: SCIM_IDS.organization });
    const data = viewOf(result).data as {
      organization: { name: string; domains: { domain: string; state: string }[] };
      sso_connections: { id: string; type: string; state: string; domains: string[] }[];
      directories: {
        id: string;
        type: string;
        state: string;
        users: { active: number; inactive: number; suspended: number };
        groups: number;
      }[];
    };
    expect(data.organization.domains).toEqual([
      { id: expect.stringMatching(/^org_domain_/), domain: "acmecorp.com", state: "verified" },
      { id: expect.stringMatching(/^org_domain_/), domain: "acmecorp.io", state: "pending" },
    ]);
    expect(data.sso_connections).toEqual([
      expect.objectContaining({ id: SCIM_IDS.connection, type: "OktaSAML" }),
    ]);
    expect(data.directories).toEqual([
      expect.objectContaining({
        id: directory_id,
        type: "okta scim v2.0",
        users: {
          active: SCIM_COUNTS.users - SCIM_COUNTS.suspended - SCIM_COUNTS.inactive,
          inactive: SCIM_COUNTS.inactive,
          suspended: SCIM_COUNTS.suspended,
        },
        groups: SCIM_COUNTS.groups,
      }),
    ]);
    for (const view of Object.values(clientViews(result))) expect(tokens(view)).toBeLessThanOrEqual(1_500);
  });
});
