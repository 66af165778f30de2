import { describe, expect, it } from "vitest";
import { visibleData, visibleLine } from "../../src/mcp/visible.js";

// Characters that hide text from a person but not from a model are shown as escapes, never dropped.
const CASES: [string, string, string][] = [
  ["right-to-left override", "abc\u202Edef", "abc\\u202Edef"],
  ["zero-width space", "a\u200Bb", "a\\u200Bb"],
  ["zero-width joiner", "a\u200Db", "a\\u200Db"],
  ["byte order mark", "\uFEFFx", "\\uFEFFx"],
  ["soft hyphen", "in\u00ADvisible", "in\\u00ADvisible"],
  ["tag character", "x\u{E0041}y", "x\\u{E0041}y"],
  ["C1 control", "a\u0085b", "a\\u0085b"],
  ["DEL", "a\u007Fb", "a\\u007Fb"],
  ["line separator", "a\u2028b", "a\\u2028b"],
  ["paragraph separator", "a\u2029b", "a\\u2029b"],
  ["Hangul filler", "\u3164", "\\u3164"],
  ["Hangul choseong filler", "\u115F", "\\u115F"],
  ["Braille blank", "\u2800", "\\u2800"],
  ["plain text untouched", "Müller & Söhne 東京", "Müller & Söhne 東京"],
];

describe("visible", () => {
  it.each(CASES)("makes a %s visible in data", (_name, input, expected) => {
    expect(visibleData(input)).toBe(expected);
    expect(visibleLine(input)).toBe(expected);
  });

  it("escapes C0 controls in our own lines, and leaves them to JSON in data", () => {
    expect(visibleLine("a\nb\u0007")).toBe("a\\u000Ab\\u0007");
    expect(visibleData("a\nb")).toBe("a\nb");
    expect(JSON.stringify(visibleData("a\nb"))).toBe('"a\\nb"');
  });

  it("reaches keys and nested values, and drops nulls", () => {
    expect(visibleData({ "k\u200B": ["v\u202E", { n: null, x: 1 }], gone: null })).toEqual({
      "k\\u200B": ["v\\u202E", { x: 1 }],
    });
  });
});
