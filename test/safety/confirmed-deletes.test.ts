import { type ElicitRequest, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { bindingOf, ConfirmationTokens } from "../../src/confirm.js";
import { DEMO_IDS } from "../../src/emulator/demo-seed.js";
import { type Era, type Harness, type HarnessOptions, harnessPerTest, textOf } from "../support/harness.js";
import { dataOf, viewOf } from "../support/view.js";

const { fooCorp, acme } = DEMO_IDS.organizations;
const { fooCorpOkta } = DEMO_IDS.directories;
const harness = harnessPerTest();
/** Every confirmation test runs in both protocol eras: the form is asked mid-call (2025) or by input_required (2026). */
const ERAS: Era[] = ["legacy", "modern"];

const exists = async (harness: Harness, organizationId: string) =>
  !(await harness.call("get_organization", { organization_id: organizationId })).isError;
const deletes = async (harness: Harness) =>
  (await harness.requests()).filter((request) => request.method === "DELETE");

describe.each(ERAS)("with a client that can elicit (%s era)", (era) => {
  const start = (options: HarnessOptions = {}) => harness({ ...options, era });

  it("deletes when the user types the exact name", async () => {
    const asked: ElicitRequest["params"][] = [];
    const hh = await start({
      elicit: (request) => {
        asked.push(request);
        return { action: "accept", content: { confirm_name: "Foo Corp" } };
      },
    });
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(dataOf(result)).toEqual({ deleted: true, object: "organization", id: fooCorp });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.message).toMatch(
      /Permanently delete organization "Foo Corp".*staging.*also removes 2 SSO connections and 1 directory: Foo Corp Okta SCIM \(4 groups and 30 users, of whom 4 are inactive and 3 suspended\).*Type the organization's exact name/s,
    );
    expect(await exists(hh, fooCorp)).toBe(false);
  });

  it.each([
    ["declines", { action: "decline" as const }, "declined"],
    ["cancels", { action: "cancel" as const }, "cancelled"],
    [
      "types another name",
      { action: "accept" as const, content: { confirm_name: "Acme Inc" } },
      "name_mismatch",
    ],
  ])("deletes nothing when the user %s", async (_case, answer, reason) => {
    const hh = await start({ elicit: () => answer });
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(result.isError).toBeFalsy();
    expect(dataOf(result)).toMatchObject({ deleted: false, reason, name: "Foo Corp" });
    expect(textOf(result)).toMatch(/^Nothing was deleted/);
    // No token is offered: the model is told not to try again on its own.
    expect(dataOf(result)).not.toHaveProperty("confirmation_token");
    expect(viewOf(result).notes?.[0]).toBe("Do not retry unless the user asks again.");
    expect(await deletes(hh)).toEqual([]);
    expect(await exists(hh, fooCorp)).toBe(true);
  });

  it("deletes nothing when the user types the name in another case", async () => {
    const hh = await start({
      elicit: () => ({ action: "accept", content: { confirm_name: "foo corp" } }),
    });
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(dataOf(result)).toMatchObject({ deleted: false, reason: "name_mismatch" });
    expect(await deletes(hh)).toEqual([]);
  });

  it("ignores hidden characters, composition and surrounding spaces in the typed name", async () => {
    const created = await start({
      elicit: () => ({ action: "accept", content: { confirm_name: " Cafe\u0301\u200B Ltd\n" } }),
    });
    const org = (await created.control("POST", "/organizations", { name: "Caf\u00E9 Ltd" })) as {
      id: string;
    };
    const result = await created.call("delete_organization", { organization_id: org.id });
    expect(dataOf(result)).toMatchObject({ deleted: true, id: org.id });
  });

  // A client that declared elicitation but never answers (or fails) is no person's consent: no delete, and
  // no token either, which a model could pass straight back.
  it.runIf(era === "legacy").each([
    ["never answers", () => new Promise<never>(() => {}), "not_answered", /did not answer/],
    [
      "answers with an error",
      () => {
        throw new McpError(ErrorCode.InternalError, "the form could not be shown");
      },
      "form_failed",
      /form failed/,
    ],
  ])(
    "deletes nothing and gives no token when the client %s (2025-11-25: the server waits for the form)",
    async (_case, elicit, reason, said) => {
      const hh = await start({ elicit, elicitationTimeoutMs: 100 });
      const result = await hh.call("delete_organization", { organization_id: fooCorp });
      expect(result.isError).toBeFalsy();
      expect(dataOf(result)).toMatchObject({ deleted: false, reason, name: "Foo Corp" });
      expect(dataOf(result)).not.toHaveProperty("confirmation_token");
      expect(textOf(result)).not.toContain("ct_");
      expect(viewOf(result).summary).toMatch(/^Nothing was deleted/);
      expect(viewOf(result).summary).toMatch(said);
      expect(viewOf(result).notes?.[0]).toBe("Do not retry unless the user asks again.");
      expect(await deletes(hh)).toEqual([]);
      expect(await exists(hh, fooCorp)).toBe(true);
    },
  );

  it("asks for a directory by its name too", async () => {
    const hh = await start({
      elicit: () => ({ action: "accept", content: { confirm_name: "Foo Corp Okta SCIM" } }),
    });
    const result = await hh.call("delete_directory", { directory_id: fooCorpOkta });
    expect(dataOf(result)).toMatchObject({ deleted: true, id: fooCorpOkta });
  });
});

describe.each(ERAS)("with a client that cannot elicit (%s era)", (era) => {
  const start = (options: HarnessOptions = {}) => harness({ ...options, era });

  it("first previews what would be lost and deletes nothing", async () => {
    const hh = await start();
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(dataOf(result)).toMatchObject({
      deleted: false,
      reason: "confirmation_required",
      name: "Foo Corp",
      impact: {
        domains: ["foo-corp.com"],
        sso_connections: [
          expect.objectContaining({ id: DEMO_IDS.connections.fooCorpLegacyAdfs }),
          expect.objectContaining({ id: DEMO_IDS.connections.fooCorpOktaSaml }),
        ],
        directories: [
          {
            id: fooCorpOkta,
            name: "Foo Corp Okta SCIM",
            type: "okta scim v2.0",
            users: { active: 23, inactive: 4, suspended: 3 },
            groups: 4,
          },
        ],
      },
    });
    const token = dataOf<{ confirmation_token: string }>(result).confirmation_token;
    expect(token).toMatch(/^ct_[0-9a-z]+_[0-9a-f]{64}$/);
    // The instruction carrying the token is our note, outside the data, in both channels.
    expect(viewOf(result).summary).toBe(
      "Nothing was deleted yet: this delete needs the user's confirmation.",
    );
    expect(viewOf(result).notes?.[0]).toContain(
      `call delete_organization again with the same arguments and confirmation_token="${token}"`,
    );
    expect(textOf(result).split("<workos-data-")[0]).toContain(`confirmation_token="${token}"`);
    expect(await deletes(hh)).toEqual([]);
  });

  it("a client whose elicitation has only links, no forms, gets the preview and token too", async () => {
    const hh = await start({ capabilities: { elicitation: { url: {} } } });
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(dataOf(result)).toMatchObject({ deleted: false, reason: "confirmation_required" });
    expect(dataOf(result)).toHaveProperty("confirmation_token");
  });

  it("deletes on the second call with the token", async () => {
    const hh = await start();
    const first = await hh.call("delete_organization", { organization_id: fooCorp });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(first);
    const second = await hh.call("delete_organization", { organization_id: fooCorp, confirmation_token });
    expect(dataOf(second)).toMatchObject({ deleted: true });
    expect(textOf(second)).toMatch(/^Deleted organization/);
    expect(await exists(hh, fooCorp)).toBe(false);
  });

  it("refuses an expired token and offers a fresh preview", async () => {
    let now = Date.now();
    const hh = await start({ now: () => now });
    const first = await hh.call("delete_organization", { organization_id: fooCorp });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(first);
    now += 5 * 60_000 + 1;
    const late = await hh.call("delete_organization", { organization_id: fooCorp, confirmation_token });
    expect(dataOf(late)).toMatchObject({ deleted: false, reason: "token_expired" });
    const fresh = dataOf<{ confirmation_token: string }>(late).confirmation_token;
    expect(fresh).toMatch(/^ct_/);
    expect(fresh).not.toBe(confirmation_token);
    expect(viewOf(late).notes?.[0]).toContain(`confirmation_token="${fresh}"`);
    expect(await exists(hh, fooCorp)).toBe(true);
  });

  it("never lets a token for one target delete another", async () => {
    const hh = await start();
    const forFoo = await hh.call("delete_organization", { organization_id: fooCorp });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(forFoo);
    const onAcme = await hh.call("delete_organization", { organization_id: acme, confirmation_token });
    expect(dataOf(onAcme)).toMatchObject({ deleted: false, reason: "token_invalid", id: acme });
    const onDirectory = await hh.call("delete_directory", { directory_id: fooCorpOkta, confirmation_token });
    expect(dataOf(onDirectory)).toMatchObject({ deleted: false, reason: "token_invalid" });
    const forged = await hh.call("delete_organization", {
      organization_id: acme,
      confirmation_token: "ct_zzzz_00",
    });
    expect(dataOf(forged)).toMatchObject({ deleted: false, reason: "token_invalid" });
    expect(await deletes(hh)).toEqual([]);
  });

  it("a token from another server (another key) is refused", async () => {
    const first = await start({ emulator: { apiKey: "sk_test_one" } });
    const preview = await first.call("delete_organization", { organization_id: fooCorp });
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(preview);
    await first.close();
    const other = await start({ emulator: { apiKey: "sk_test_two" } });
    const result = await other.call("delete_organization", { organization_id: fooCorp, confirmation_token });
    expect(dataOf(result)).toMatchObject({ deleted: false, reason: "token_invalid" });
  });

  // The emulator's key (sk_test_emulator) and its URL are public: a token keyed from them could be minted by
  // anyone, or by a model told how. The server keys tokens for a public key with a secret of its own.
  it.each([
    ["the emulator's key", []],
    ["demo mode", ["--emulator"]],
  ])("a token minted from %s and the URL is refused", async (_case, argv) => {
    const hh = await start({ argv });
    const forger = new ConfirmationTokens(`${hh.config.baseUrl}\n${hh.emulator.apiKey}`);
    const args = { organization_id: fooCorp };
    const { token } = forger.mint(bindingOf("delete_organization", args), Date.now());
    const result = await hh.call("delete_organization", { ...args, confirmation_token: token });
    expect(dataOf(result)).toMatchObject({ deleted: false, reason: "token_invalid" });
    expect(await deletes(hh)).toEqual([]);
    // The server's own token still works.
    const { confirmation_token } = dataOf<{ confirmation_token: string }>(result);
    const done = await hh.call("delete_organization", { ...args, confirmation_token });
    expect(dataOf(done)).toMatchObject({ deleted: true });
  });

  it("an unknown target is an error, not a preview", async () => {
    const hh = await start();
    const result = await hh.call("delete_organization", {
      organization_id: "org_01HZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('"status":404');
  });
});

describe("--destructive modes", () => {
  it("block hides the delete tools and refuses them", async () => {
    const hh = await harness({ env: { WORKOS_MCP_DESTRUCTIVE: "block" } });
    const names = (await hh.mcp.listTools()).tools.map((tool) => tool.name);
    expect(names).not.toContain("delete_organization");
    expect(names).not.toContain("delete_directory");
    expect(names).toContain("update_organization");
    const result = await hh.call("delete_organization", { organization_id: fooCorp });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/--destructive block/);
    expect(await exists(hh, fooCorp)).toBe(true);
  });

  it("allow deletes at once and says so in the instructions", async () => {
    const hh = await harness({ env: { WORKOS_MCP_DESTRUCTIVE: "allow" } });
    expect(hh.mcp.getInstructions()).toMatch(/Deletes happen at once, without asking the user/);
    const result = await hh.call("delete_directory", { directory_id: fooCorpOkta });
    expect(dataOf(result)).toMatchObject({ deleted: true });
  });
});
