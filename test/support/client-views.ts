import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

/**
 * What the model reads in Claude Code, VS Code Copilot and Codex: the JSON of structuredContent when the
 * result has it, else the text.
 */
export function structuredView(result: CallToolResult): string {
  return result.structuredContent === undefined ? textView(result) : JSON.stringify(result.structuredContent);
}

/** What the model reads in Claude Desktop and Gemini CLI: the text content, structuredContent ignored. */
export function textView(result: CallToolResult): string {
  return result.content
    .filter((item) => item.type === "text")
    .map((item) => item.text)
    .join("\n");
}

/** Both views, as each client family shows the result. */
export function clientViews(result: CallToolResult): { structured: string; text: string } {
  return { structured: structuredView(result), text: textView(result) };
}

/** o200k tokens, as the benchmarks count them. */
export function tokens(text: string): number {
  return countTokens(text);
}
