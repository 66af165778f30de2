/**
 * Characters that hide text from a person but not from a model, as Unicode lists them: the
 * Default_Ignorable_Code_Point property (zero-width characters, variation selectors, tags, the Hangul
 * fillers, U+034F, U+17B4) and the format characters (Cf: bidi controls, the soft hyphen, the Arabic number
 * signs). The regex engine derives both from Unicode's data, so nothing here is typed by hand. Added to them:
 * DEL and the C1 controls (Cc, invisible in most fonts), the line and paragraph separators U+2028/U+2029
 * (they break a line where the reader sees none), and U+2800, the Braille blank, which renders as a space
 * but is a symbol that no trim or whitespace check removes. Variation selectors are escaped even after an
 * emoji: seventy of them after a name spell a hidden message, and one rule for every position is one a test
 * can hold. They are shown as escapes (`\u202E`) rather than dropped, so nothing is altered without a trace.
 * C0 controls in data are left to JSON, which escapes them already.
 */
const HIDDEN_IN_DATA = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u007f-\u009f\u2028\u2029\u2800]/gu;
/** Outside JSON (our own lines of text) the C0 controls must be escaped too. */
const HIDDEN_IN_LINE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\u2028\u2029\u2800]/gu;

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
  // fromEntries defines keys: assigning `result["__proto__"]` would set the prototype and lose the field.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [visibleString(key), visibleData(field)]),
  );
}
