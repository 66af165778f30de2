import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { demoSeed } from "../src/emulator/demo-seed.js";
import type { Seed } from "../src/emulator/seed.js";
import { SCIM_COUNTS, SCIM_IDS, scimDirectorySeed } from "../test/support/scim-directory.js";
import { spawnEmulator } from "./lib/emulator.js";
import { connect, type LegacyConnection } from "./lib/mcp.js";
import { CLI } from "./lib/paths.js";
import type { Benchmark, Row, Section } from "./lib/report.js";

// What the model reads, in o200k tokens. Claude Code, VS Code and Codex give the model only
// JSON.stringify(structuredContent) when it is present; Claude Desktop and Gemini CLI only the text.

const WEBHOOK_SECRET = "whsec_context_bench_0123456789abcdef";

interface WorkOSList {
  data: { id: string; email?: string | null; state?: string }[];
  list_metadata: { before: string | null; after: string | null };
}

/** Reads the emulator directly, as the WorkOS API answers. */
type Raw = (path: string, init?: { method: string; body: unknown }) => Promise<unknown>;

interface Ids {
  /** The first user of the 100-user page: newest first. */
  user: string;
}

interface Call {
  label: string;
  tool: string;
  args: (ids: Ids) => Record<string, unknown>;
  /** The same data as WorkOS returns it; each object is pretty-printed and the tokens summed. */
  workos?: (raw: Raw, ids: Ids) => Promise<unknown[]>;
}

const DIRECTORY = SCIM_IDS.directory;
const ORGANIZATION = SCIM_IDS.organization;
const PAGE = `/directory_users?directory=${DIRECTORY}&limit=100`;

/** Every user of the directory, in WorkOS's order. */
async function allUsers(raw: Raw): Promise<WorkOSList["data"]> {
  const users: WorkOSList["data"] = [];
  let after: string | null = null;
  do {
    const page = (await raw(`${PAGE}${after === null ? "" : `&after=${after}`}`)) as WorkOSList;
    users.push(...page.data);
    after = page.list_metadata.after;
  } while (after !== null);
  return users;
}

/** The suspended users as one WorkOS list: what a state filter would return. */
async function suspendedUsers(raw: Raw): Promise<unknown[]> {
  const data = (await allUsers(raw)).filter((user) => user.state === "suspended");
  return [{ object: "list", data, list_metadata: { before: null, after: null } }];
}

const CALLS: Call[] = [
  {
    label: "list_organizations (default)",
    tool: "list_organizations",
    args: () => ({}),
    workos: async (raw) => [await raw("/organizations")],
  },
  {
    label: "get_organization",
    tool: "get_organization",
    args: () => ({ organization_id: ORGANIZATION }),
    workos: async (raw) => [await raw(`/organizations/${ORGANIZATION}`)],
  },
  {
    label: "list_connections (default)",
    tool: "list_connections",
    args: () => ({}),
    workos: async (raw) => [await raw("/connections")],
  },
  {
    label: "get_connection",
    tool: "get_connection",
    args: () => ({ connection_id: SCIM_IDS.connection }),
    workos: async (raw) => [await raw(`/connections/${SCIM_IDS.connection}`)],
  },
  {
    label: "list_directories (default)",
    tool: "list_directories",
    args: () => ({}),
    workos: async (raw) => [await raw("/directories")],
  },
  {
    label: "get_directory",
    tool: "get_directory",
    args: () => ({ directory_id: DIRECTORY }),
    workos: async (raw) => [await raw(`/directories/${DIRECTORY}`)],
  },
  {
    label: "list_directory_users {limit: 100}",
    tool: "list_directory_users",
    args: () => ({ directory_id: DIRECTORY, limit: 100 }),
    workos: async (raw) => [await raw(PAGE)],
  },
  {
    label: 'list_directory_users {limit: 100, detail: "full"}',
    tool: "list_directory_users",
    args: () => ({ directory_id: DIRECTORY, limit: 100, detail: "full" }),
    workos: async (raw) => [await raw(PAGE)],
  },
  {
    label: 'list_directory_users {limit: 100, state: "suspended"}',
    tool: "list_directory_users",
    args: () => ({ directory_id: DIRECTORY, limit: 100, state: "suspended" }),
    workos: suspendedUsers,
  },
  {
    label: "get_directory_user",
    tool: "get_directory_user",
    args: ({ user }) => ({ directory_user_id: user }),
    workos: async (raw, { user }) => [await raw(`/directory_users/${user}`)],
  },
  {
    label: "list_directory_groups",
    tool: "list_directory_groups",
    args: () => ({ directory_id: DIRECTORY }),
    workos: async (raw) => [await raw(`/directory_groups?directory=${DIRECTORY}`)],
  },
  {
    label: "generate_portal_link {intent: sso}",
    tool: "generate_portal_link",
    args: () => ({ organization_id: ORGANIZATION, intent: "sso" }),
    workos: async (raw) => [
      await raw("/portal/generate_link", {
        method: "POST",
        body: { organization: ORGANIZATION, intent: "sso" },
      }),
    ],
  },
  {
    label: "delete_organization (preview, no token)",
    tool: "delete_organization",
    args: () => ({ organization_id: ORGANIZATION }),
  },
  {
    label: "validate_webhook (small payload)",
    tool: "validate_webhook",
    args: () => signedWebhook(),
  },
  {
    label: "get_organization_overview",
    tool: "get_organization_overview",
    args: () => ({ organization_id: ORGANIZATION }),
    workos: async (raw) => [
      await raw(`/organizations/${ORGANIZATION}`),
      await raw(`/connections?organization_id=${ORGANIZATION}`),
      await raw(`/directories?organization_id=${ORGANIZATION}`),
    ],
  },
];

function signedWebhook(): Record<string, unknown> {
  const payload = JSON.stringify({
    id: "event_01JCONTEXTBENCH0000000000",
    event: "dsync.user.updated",
    data: { object: "directory_user", id: "directory_user_01JCONTEXTBENCH000000", state: "suspended" },
    created_at: new Date().toISOString(),
  });
  const t = Date.now();
  const v1 = createHmac("sha256", WEBHOOK_SECRET).update(`${t}.${payload}`).digest("hex");
  return { payload, signature_header: `t=${t}, v1=${v1}` };
}

/** The view a structured-content client gives the model, and the one a text-only client gives it. */
function views(result: CallToolResult): { structured: string; text: string } {
  const text = result.content
    .filter((item) => item.type === "text")
    .map((item) => item.text)
    .join("\n");
  return {
    structured: result.structuredContent === undefined ? text : JSON.stringify(result.structuredContent),
    text,
  };
}

interface Measured {
  label: string;
  /** Null when the server rejected the call or does not list the tool. */
  views: { structured: string; text: string } | null;
  why?: string;
  workosTokens: number | null;
}

function mergeSeeds(...seeds: Seed[]): Seed {
  return {
    organizations: seeds.flatMap((seed) => seed.organizations ?? []),
    connections: seeds.flatMap((seed) => seed.connections ?? []),
    directories: seeds.flatMap((seed) => seed.directories ?? []),
    directory_groups: seeds.flatMap((seed) => seed.directory_groups ?? []),
    directory_users: seeds.flatMap((seed) => seed.directory_users ?? []),
  };
}

const number = (n: number) => n.toLocaleString("en");

/** How many of `needles` appear in `haystack`. */
function found(haystack: string, needles: readonly string[]): number {
  return needles.filter((needle) => haystack.includes(needle)).length;
}

/**
 * Tokens per tool result in both views, against the same data pretty-printed as WorkOS returns it, on the
 * demo seed plus a realistic 250-user Okta SCIM directory. Tools or parameters the server rejects are n/a.
 */
export const contextBenchmark: Benchmark = {
  name: "context",
  async run({ progress }) {
    const dir = await mkdtemp(join(tmpdir(), "workos-mcp-context-"));
    const seedFile = join(dir, "seed.json");
    await writeFile(seedFile, JSON.stringify(mergeSeeds(demoSeed, scimDirectorySeed())));
    const emulator = await spawnEmulator(seedFile);
    let connection: LegacyConnection | undefined;
    try {
      connection = await connect({
        label: "workos-mcp (dist/cli.js)",
        script: CLI,
        env: {
          WORKOS_API_KEY: emulator.apiKey,
          WORKOS_API_BASE_URL: emulator.url,
          WORKOS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        },
      });
      const raw: Raw = async (path, init) => {
        const response = await fetch(`${emulator.url}${path}`, {
          method: init?.method ?? "GET",
          headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
          ...(init === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
        return response.json();
      };
      const page = (await raw(PAGE)) as WorkOSList;
      const ids: Ids = { user: page.data[0]?.id ?? "" };

      const listed = (await connection.client.listTools()).tools;
      const names = new Set(listed.map((tool) => tool.name));
      const definitions = JSON.stringify(
        listed.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })),
      );
      const instructions = connection.client.getInstructions() ?? "";
      // Every toolset on (users, roles and events are off by default): what an operator who wants all pays.
      const everything = await connect({
        label: "workos-mcp --toolsets all",
        script: CLI,
        env: {
          WORKOS_API_KEY: emulator.apiKey,
          WORKOS_API_BASE_URL: emulator.url,
          WORKOS_MCP_TOOLSETS: "all",
        },
      });
      const listedAll = (await everything.client.listTools()).tools;
      await everything.close();
      const allTokens = countTokens(
        JSON.stringify(
          listedAll.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })),
        ),
      );

      progress(`context: ${CALLS.length} calls on a ${SCIM_COUNTS.users}-user Okta SCIM directory`);
      const measured: Measured[] = [];
      for (const call of CALLS) {
        const workosTokens =
          call.workos === undefined
            ? null
            : (await call.workos(raw, ids)).reduce<number>(
                (sum, body) => sum + countTokens(JSON.stringify(body, null, 2)),
                0,
              );
        const rejected = (why: string): Measured => ({ label: call.label, views: null, why, workosTokens });
        if (!names.has(call.tool)) {
          measured.push(rejected(`${call.tool} is not listed`));
          continue;
        }
        let result: CallToolResult;
        try {
          result = (await connection.client.callTool({
            name: call.tool,
            arguments: call.args(ids),
          })) as CallToolResult;
        } catch (error) {
          measured.push(rejected(String(error)));
          continue;
        }
        if (result.isError) measured.push(rejected(views(result).text.split("\n")[0] ?? "isError"));
        else measured.push({ label: call.label, views: views(result), workosTokens });
      }

      const byLabel = (label: string) => measured.find((m) => m.label.startsWith(label));
      const lines = [
        "| tool call | structured tokens | text tokens | structured chars | text chars | pretty WorkOS JSON tokens |",
        "|---|---|---|---|---|---|",
        ...measured.map((m) => {
          const cells =
            m.views === null
              ? ["n/a", "n/a", "n/a", "n/a"]
              : [
                  number(countTokens(m.views.structured)),
                  number(countTokens(m.views.text)),
                  number(m.views.structured.length),
                  number(m.views.text.length),
                ];
          const workos = m.workosTokens === null ? "–" : number(m.workosTokens);
          return `| ${m.label} | ${cells.join(" | ")} | ${workos} |`;
        }),
      ];
      const rejections = measured
        .filter((m) => m.views === null)
        .map((m) => `- n/a: ${m.label}: ${m.why?.slice(0, 200)}`);
      const definitionTokens = countTokens(definitions);
      const body = [
        `What the model reads, in o200k tokens (gpt-tokenizer). "Structured" is \`JSON.stringify(structuredContent)\` ` +
          '(else the text), what Claude Code, VS Code and Codex give the model; "text" is the text content joined, ' +
          "what Claude Desktop and Gemini CLI give it. The reference is the same data as WorkOS returns it, " +
          "pretty-printed. Data: the demo seed plus `test/support/scim-directory.ts`, an Okta SCIM v2.0 directory " +
          `of ${SCIM_COUNTS.users} users (${SCIM_COUNTS.suspended} suspended, ${SCIM_COUNTS.inactive} inactive) ` +
          `in ${SCIM_COUNTS.groups} groups whose raw_attributes hold the SCIM payload. A call the server rejects ` +
          "(unknown tool or parameter) is n/a.",
        "",
        ...lines,
        ...(rejections.length > 0 ? ["", ...rejections] : []),
        "",
        `- tools/list: ${listed.length} tools; name, description and inputSchema: ${number(definitionTokens)} tokens ` +
          `(${number(definitions.length)} characters)`,
        `- tools/list with --toolsets all: ${listedAll.length} tools, ${number(allTokens)} tokens`,
        `- server instructions: ${number(instructions.length)} characters (${number(countTokens(instructions))} tokens)`,
      ].join("\n");

      const everyone = await allUsers(raw);
      const suspendedIds = everyone.filter((user) => user.state === "suspended").map((user) => user.id);
      const others = everyone.filter((user) => user.state !== "suspended").map((user) => user.id);
      const pageIds = page.data.map((user) => user.id);
      const pageEmails = page.data.flatMap((user) => (user.email ? [user.email] : []));
      const rows: Row[] = [
        maxTokensRow(
          "context: 100-user page, default detail",
          byLabel("list_directory_users {limit: 100}"),
          10_000,
          (v) =>
            `ids ${found(v.structured, pageIds)}/${pageIds.length} and emails ${found(v.structured, pageEmails)}/${pageEmails.length} in the structured view, ` +
            `${found(v.text, pageIds)}/${pageIds.length} and ${found(v.text, pageEmails)}/${pageEmails.length} in the text; ` +
            `next cursor ${page.list_metadata.after !== null && v.structured.includes(page.list_metadata.after) && v.text.includes(page.list_metadata.after) ? "in both" : "missing from a view"}`,
        ),
        maxCharsRow(
          'context: detail: "full" page',
          byLabel("list_directory_users {limit: 100, detail"),
          40_000,
        ),
        maxTokensRow(
          'context: detail: "full" page, in tokens',
          byLabel("list_directory_users {limit: 100, detail"),
          10_000,
        ),
        maxTokensRow(
          'context: state: "suspended"',
          byLabel("list_directory_users {limit: 100, state"),
          2_500,
          (v) =>
            `suspended ids ${found(v.structured, suspendedIds)}/${suspendedIds.length} structured, ` +
            `${found(v.text, suspendedIds)}/${suspendedIds.length} text; ids of other users: ` +
            `${found(v.structured, others)} structured, ${found(v.text, others)} text`,
        ),
        maxTokensRow("context: get_organization_overview", byLabel("get_organization_overview"), 1_500),
        {
          benchmark: "context: tools/list (name, description, inputSchema)",
          ours: `${number(definitionTokens)} tokens`,
          reference: "–",
          ratio: null,
          goal: "≤ 4,000 tokens",
          pass: definitionTokens <= 4_000,
          note: `${listed.length} tools; output schemas excluded, as clients send them`,
        },
        {
          benchmark: "context: tools/list with --toolsets all",
          ours: `${number(allTokens)} tokens`,
          reference: "–",
          ratio: null,
          goal: "≤ 12,000 tokens",
          pass: allTokens <= 12_000,
          note: `${listedAll.length} tools`,
        },
        {
          benchmark: "context: server instructions",
          ours: `${number(instructions.length)} characters`,
          reference: "–",
          ratio: null,
          goal: "< 2,000 characters",
          pass: instructions.length < 2_000,
        },
      ];
      return { title: "Context", body, rows } satisfies Section;
    } finally {
      await connection?.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

type Views = NonNullable<Measured["views"]>;

function reference(m: Measured | undefined): string {
  return m?.workosTokens === null || m === undefined ? "–" : `${number(m.workosTokens)} tokens (WorkOS JSON)`;
}

/** A goal on the larger of the two views, in tokens. */
function maxTokensRow(
  benchmark: string,
  m: Measured | undefined,
  limit: number,
  check?: (views: Views) => string,
): Row {
  const goal = `≤ ${number(limit)} tokens in each view`;
  if (m?.views == null) {
    return {
      benchmark,
      ours: "n/a",
      reference: reference(m),
      ratio: null,
      goal,
      pass: false,
      note: m?.why ?? "not measured",
    };
  }
  const structured = countTokens(m.views.structured);
  const text = countTokens(m.views.text);
  return {
    benchmark,
    ours: `${number(structured)} / ${number(text)} tokens`,
    reference: reference(m),
    ratio: null,
    goal,
    pass: Math.max(structured, text) <= limit,
    note: `structured / text view${check === undefined ? "" : `; ${check(m.views)}`}`,
  };
}

/** A goal on the larger of the two views, in characters. */
function maxCharsRow(benchmark: string, m: Measured | undefined, limit: number): Row {
  const goal = `≤ ${number(limit)} characters in each view`;
  if (m?.views == null) {
    return {
      benchmark,
      ours: "n/a",
      reference: reference(m),
      ratio: null,
      goal,
      pass: false,
      note: m?.why ?? "not measured",
    };
  }
  const { structured, text } = m.views;
  return {
    benchmark,
    ours: `${number(structured.length)} / ${number(text.length)} characters`,
    reference: reference(m),
    ratio: null,
    goal,
    pass: Math.max(structured.length, text.length) <= limit,
    note: `structured / text view; truncation note: ${/truncat|cut|narrow/i.test(text) ? "in the text" : "not found in the text"}`,
  };
}
