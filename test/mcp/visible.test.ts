import { describe, expect, it } from "vitest";
import { renderText } from "../../src/mcp/render.js";
import { visibleData, visibleLine, withoutHidden } from "../../src/mcp/visible.js";

// What hides text, from Unicode's own lists as the regex engine derives them from Unicode's data, and the
// few characters the server adds on purpose (each with its reason in src/mcp/visible.ts). Written here
// again, not imported: a character the code drops from its list, or the test from its, fails below.
const UNICODE_HIDDEN = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
const ADDED: [from: number, to: number][] = [
  [0x7f, 0x9f], // DEL and the C1 controls
  [0x2028, 0x2029], // line and paragraph separators
  [0x2800, 0x2800], // Braille blank
];
const LAST_CODE_POINT = 0x10ffff;

const isC0 = (code: number) => code <= 0x1f;
function hiddenInData(code: number): boolean {
  return (
    UNICODE_HIDDEN.test(String.fromCodePoint(code)) || ADDED.some(([from, to]) => code >= from && code <= to)
  );
}
const hiddenInLine = (code: number) => hiddenInData(code) || isC0(code);

function escapeOf(code: number): string {
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/** Every code point whose treatment differs from what `hidden` says: escaped when hidden, untouched otherwise. */
function mismatches(show: (text: string) => unknown, hidden: (code: number) => boolean): string[] {
  const wrong: string[] = [];
  for (let code = 0; code <= LAST_CODE_POINT; code++) {
    const text = `a${String.fromCodePoint(code)}b`;
    const expected = hidden(code) ? `a${escapeOf(code)}b` : text;
    if (show(text) !== expected) wrong.push(`U+${code.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return wrong;
}

const everyHidden = Array.from({ length: LAST_CODE_POINT + 1 }, (_, code) => code).filter(hiddenInData);

describe("visible", () => {
  it("escapes every code point Unicode marks as ignorable or format, and the added ones, in data", () => {
    expect(mismatches(visibleData, hiddenInData)).toEqual([]);
  });

  it("escapes the same in our own lines, and the C0 controls too", () => {
    expect(mismatches(visibleLine, hiddenInLine)).toEqual([]);
  });

  it("leaves no hidden character raw in the text channel", () => {
    expect(everyHidden.length).toBeGreaterThan(4000);
    const text = renderText({
      summary: `summary${String.fromCodePoint(...everyHidden)}`,
      notes: [`note${String.fromCodePoint(...everyHidden)}`],
      data: everyHidden.map((code) => visibleData(`x${String.fromCodePoint(code)}`)),
    });
    const raw = [...text].filter((c) => c !== "\n" && hiddenInLine(c.codePointAt(0) as number));
    expect(raw.map((c) => escapeOf(c.codePointAt(0) as number))).toEqual([]);
  });

  it.each([
    [
      "variation selectors after a name (U+FE00-FE0F, U+E0100-E01EF)",
      "Acme\uFE00\u{E0100}",
      "Acme\\uFE00\\u{E0100}",
    ],
    ["combining grapheme joiner and Khmer vowel inherent", "a\u034Fb\u17B4c", "a\\u034Fb\\u17B4c"],
    ["Hangul fillers", "\u115F\u1160\u3164\uFFA0", "\\u115F\\u1160\\u3164\\uFFA0"],
    ["an emoji's presentation selector", "\u2764\uFE0F", "\u2764\\uFE0F"],
    ["a zero-width joiner inside an emoji sequence", "👩\u200D💻", "👩\\u200D💻"],
  ])("makes %s visible", (_name, input, expected) => {
    expect(visibleData(input)).toBe(expected);
    expect(visibleLine(input)).toBe(expected);
  });

  it.each([
    ["Latin with diacritics", "Müller & Söhne"],
    ["CJK", "東京都 서울 กรุงเทพ"],
    ["emoji without selectors", "👍🚀🎉"],
    ["right-to-left script", "שלום مرحبا"],
  ])("leaves %s unchanged", (_name, text) => {
    expect(visibleData(text)).toBe(text);
    expect(visibleLine(text)).toBe(text);
  });

  it("escapes C0 controls in our own lines, and leaves them to JSON in data", () => {
    expect(visibleLine("a\nb\u0007")).toBe("a\\u000Ab\\u0007");
    expect(visibleData("a\nb")).toBe("a\nb");
    expect(JSON.stringify(visibleData("a\nb"))).toBe('"a\\nb"');
  });

  it("removes every hidden character when comparing what a person sees", () => {
    expect(withoutHidden(`Acme${String.fromCodePoint(...everyHidden)} Inc`)).toBe("Acme Inc");
  });

  it("reaches keys and nested values, and drops nulls", () => {
    expect(visibleData({ "k\u200B": ["v\u202E", { n: null, x: 1 }], gone: null })).toEqual({
      "k\\u200B": ["v\\u202E", { x: 1 }],
    });
  });
});
