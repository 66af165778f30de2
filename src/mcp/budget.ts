import type { ModelView } from "./model-view.js";
import { channelsOf } from "./render.js";

/** Gemini CLI cuts a result at 40,000 characters, and Claude Code spills one over 50,000 to a file. */
export const DEFAULT_MAX_RESULT_CHARS = 40_000;

/**
 * Claude Code warns about a result over 10,000 tokens. Characters alone cannot promise that (CJK or random
 * text is about a token a character), so the default budget also counts o200k tokens, with a little room.
 */
export const DEFAULT_MAX_RESULT_TOKENS = 9_500;

/**
 * Clients known to keep less, by the name they give in clientInfo. Codex keeps about 10 KiB of a result;
 * its limit is in bytes, so the budget leaves room for multi-byte characters.
 */
const CLIENT_LIMITS: Readonly<Record<string, number>> = {
  "codex-mcp-client": 9_000,
};

/** The largest result, in both channels: characters always, and o200k tokens unless the operator chose. */
export interface ResultBudget {
  maxChars: number;
  maxTokens: number | undefined;
}

/**
 * The largest result for this client: the operator's setting (the whole budget: an operator who raises it
 * knows their client keeps more), else what the client keeps, else the default.
 */
export function resultBudget(configured: number | undefined, clientName: string | undefined): ResultBudget {
  if (configured !== undefined) return { maxChars: configured, maxTokens: undefined };
  const maxChars =
    (clientName === undefined ? undefined : CLIENT_LIMITS[clientName]) ?? DEFAULT_MAX_RESULT_CHARS;
  return { maxChars, maxTokens: DEFAULT_MAX_RESULT_TOKENS };
}

/** A view and its two channels, rendered once: what the budget measured is what the result sends. */
export interface RenderedView {
  view: ModelView;
  /** The view as JSON: structuredContent as it goes on the wire. */
  json: string;
  /** The text channel (renderText). */
  text: string;
}

/**
 * The view `make` builds within the budget's characters, made again with fewer characters while either
 * channel counts more tokens than the budget allows. Bounded: at a third of the token limit in characters no
 * text can exceed it, since o200k encodes UTF-8 bytes (a token is at least one byte) and a UTF-16 unit is at
 * most 3 bytes.
 */
export async function fitTokens(
  make: (maxChars: number) => ModelView,
  budget: ResultBudget,
): Promise<RenderedView> {
  const { maxTokens } = budget;
  let maxChars = budget.maxChars;
  const floor = maxTokens === undefined ? 0 : Math.floor(maxTokens / 3);
  for (let attempt = 1; ; attempt++) {
    const view = make(maxChars);
    const rendered = { view, ...channelsOf(view) };
    if (maxTokens === undefined) return rendered;
    const channels = [rendered.json, rendered.text];
    // No more bytes than the limit means no more tokens: most results need no count, nor the tokenizer.
    if (maxChars <= floor || channels.every((text) => Buffer.byteLength(text) <= maxTokens)) return rendered;
    const count = await o200k();
    const tokens = Math.max(...channels.map(count));
    if (tokens <= maxTokens) return rendered;
    // Scaled from the view's own size, not the budget it was made under (a view often fits well inside it):
    // tokens follow characters closely enough that one or two rounds do; the fourth goes to the floor.
    const size = Math.max(...channels.map((text) => text.length));
    const scaled = Math.min(maxChars - 1, Math.floor((size * maxTokens * 0.95) / tokens));
    maxChars = attempt >= 3 ? floor : Math.max(floor, scaled);
  }
}

/** Pre-tokens longer than this are not encoded but bounded by their bytes: BPE is quadratic in their length. */
const MAX_ENCODED_PIECE = 256;

let counter: Promise<(text: string) => number> | undefined;

/**
 * An o200k token count that never undercounts and takes time linear in the text: o200k splits a text into
 * pieces that BPE never merges across, and encodes each; a piece too long to encode quickly (a 40,000-character
 * run of CJK is one piece) counts one token per UTF-8 byte, and the text between such pieces is counted as
 * o200k counts it. Loaded on first use: the tables take a quarter of a second, which start-up and small
 * results never pay.
 */
export function o200k(): Promise<(text: string) => number> {
  counter ??= Promise.all([
    import("gpt-tokenizer/encoding/o200k_base"),
    import("gpt-tokenizer/encodingParams/constants"),
  ]).then(([{ countTokens }, { O200K_TOKEN_SPLIT_REGEX }]) => {
    // Upstream text may spell `<|endoftext|>`; here it is text, not a special token to refuse.
    const plain = { disallowedSpecial: new Set<string>() };
    const encoded = (text: string) => (text === "" ? 0 : countTokens(text, plain));
    return (text: string) => {
      let total = 0;
      let from = 0;
      for (const { 0: piece, index } of text.matchAll(new RegExp(O200K_TOKEN_SPLIT_REGEX))) {
        if (piece.length <= MAX_ENCODED_PIECE) continue;
        total += encoded(text.slice(from, index)) + Buffer.byteLength(piece);
        from = index + piece.length;
      }
      return total + encoded(text.slice(from));
    };
  });
  return counter;
}
