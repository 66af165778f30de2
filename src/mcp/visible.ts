/**
 * Characters that hide text from a person but not from a model: Unicode format characters (bidi overrides,
 * zero-width, tags), DEL and the C1 controls, line and paragraph separators, and the Hangul and Braille
 * fillers that render as blank. They are shown as escapes (`\u202E`) rather than dropped, so nothing is
 * altered without a trace. C0 controls in data are left to JSON, which escapes them already.
 */
const HIDDEN_IN_DATA = /[\p{Cf}\u007f-\u009f\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]/gu;
/** Outside JSON (our own lines of text) the C0 controls must be escaped too. */
const HIDDEN_IN_LINE = /[\p{Cf}\p{Cc}\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]/gu;

/** The text as a person sees it: every hidden character removed (to compare what was typed with a name). */
export function withoutHidden(text: string): string {
  return text.replace(HIDDEN_IN_LINE, "");
}

function escaped(character: string): string {
  const code = character.codePointAt(0) as number;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A line of our own text with every hidden character made visible. */
export function visibleLine(text: string): string {
  return text.replace(HIDDEN_IN_LINE, escaped);
}

function visibleString(text: string): string {
  // Most values hold nothing hidden: testing first avoids building a new string for each.
  HIDDEN_IN_DATA.lastIndex = 0;
  return HIDDEN_IN_DATA.test(text) ? text.replace(HIDDEN_IN_DATA, escaped) : text;
}

/** The value with hidden characters made visible in every string and key; nulls are dropped (they say nothing). */
export function visibleData(value: unknown): unknown {
  if (typeof value === "string") return visibleString(value);
  if (Array.isArray(value)) return value.map(visibleData);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    result[visibleString(key)] = visibleData(field);
  }
  return result;
}
