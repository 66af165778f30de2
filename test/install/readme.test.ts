import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/client/client.js";
import { MAX_BODY_BYTES as EMULATOR_MAX_BODY_BYTES } from "../../src/emulator/server.js";
import { MAX_BODY_BYTES } from "../../src/http.js";
import { MAX_MESSAGE_BYTES } from "../../src/mcp/limits.js";
import { tools } from "../../src/tools/index.js";
import { MAX_PAYLOAD_BYTES } from "../../src/webhooks/verify.js";
import { ROOT } from "./support.js";

const pages = ["README.md", ...readdirSync(join(ROOT, "docs")).map((file) => `docs/${file}`)];
const read = (page: string) => readFileSync(join(ROOT, page), "utf8");

describe("README and docs/", () => {
  it("start with the two commands a new user runs", () => {
    const readme = read("README.md");
    const quickStart = readme.slice(0, readme.indexOf("## Use it from an MCP client"));
    expect(quickStart).toContain("```sh\nnpm install && npm run demo\n```");
    expect(quickStart).toContain("```sh\nnpm run check\n```");
  });

  it.each(pages)("%s: every JSON snippet parses", (page) => {
    const blocks = [...read(page).matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    for (const block of blocks) expect(() => JSON.parse(block), block).not.toThrow();
  });

  it.each(pages)("%s: every relative link points at a file in the repository", (page) => {
    const links = [...read(page).matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)].map((match) => match[1] ?? "");
    for (const link of links) expect(existsSync(join(ROOT, dirname(page), link)), link).toBe(true);
  });

  it("has a setup for every client the README names in its introduction", () => {
    const readme = read("README.md");
    for (const client of [
      "Claude Desktop",
      "Claude Code",
      "Cursor",
      "VS Code",
      "Windsurf",
      "Codex",
      "Gemini CLI",
    ]) {
      expect(readme).toContain(`### ${client}`);
    }
    expect(readme).toContain("[mcp_servers.workos]");
    expect(readme).toContain('"command": "npx", "args": ["-y", "workos-mcp"]');
  });

  it("state the size limits the code enforces, and no others", () => {
    const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;
    expect(MAX_BODY_BYTES).toBe(MAX_MESSAGE_BYTES);
    const http = read("docs/http.md").replace(/\s+/g, " ");
    expect(http).toContain(
      `A request body over ${mib(MAX_BODY_BYTES)}, the same limit as a message over stdio`,
    );
    expect(http).toContain(`webhook payload \`validate_webhook\` takes, ${mib(MAX_PAYLOAD_BYTES)},`);
    expect(read("README.md")).toContain(`413: a request over ${mib(MAX_BODY_BYTES)}.`);
    const emulator = read("docs/emulator.md").replace(/\s+/g, " ");
    expect(emulator).toContain(`one over ${mib(EMULATOR_MAX_BODY_BYTES)} gets 413`);
    expect(read("README.md").replace(/\s+/g, " ")).toContain(
      `A response body over ${mib(DEFAULT_MAX_RESPONSE_BYTES)} (no WorkOS response comes near it) is an invalid response`,
    );
    const stated = pages.flatMap((page) => [...read(page).matchAll(/\b[\d.]+ MiB\b/g)].map((m) => m[0]));
    const limits = [
      MAX_BODY_BYTES,
      MAX_PAYLOAD_BYTES,
      EMULATOR_MAX_BODY_BYTES,
      DEFAULT_MAX_RESPONSE_BYTES,
    ].map(mib);
    expect(stated.filter((figure) => !limits.includes(figure))).toEqual([]);
  });

  it("give every tool one row of the tools table, with its toolset, what it does to WorkOS, and a request to try", () => {
    const rows = [...read("README.md").matchAll(/^\| `(\w+)` \| (\w+) \| ([a-z, ]+) \| .+ \| "[^"]+" \|$/gm)];
    const kind = (tool: (typeof tools)[number]) =>
      tool.annotations.readOnlyHint ? ["read"] : tool.target === undefined ? ["write"] : ["write", "delete"];
    const byName = new Map(rows.map(([, name, toolset, kinds]) => [name, { toolset, kinds }]));
    expect(rows.map(([, name]) => name)).toEqual(tools.map((tool) => tool.name));
    for (const tool of tools) {
      const row = byName.get(tool.name);
      expect(row?.toolset, tool.name).toBe(tool.toolset);
      // A delete tool is marked delete (workos_write, which also writes, "write, delete"); no other tool is.
      const marked = row?.kinds?.split(", ") ?? [];
      expect(
        marked.every((word) => kind(tool).includes(word)) && marked.includes(kind(tool).at(-1) as string),
        tool.name,
      ).toBe(true);
    }
  });
});
