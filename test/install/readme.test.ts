import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
