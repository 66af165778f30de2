import { visibleLine } from "./visible.js";

/**
 * The forms an upstream value must have to be quoted in the server's own words (summaries, notes, hints,
 * error sentences). Each is one bounded token without spaces or markup, so a value WorkOS (or whoever sits
 * in its place) returned cannot speak as the server there; any other value stays inside the data fence and
 * our words say a neutral phrase instead.
 */
const FORMS = {
  /** A WorkOS id of any kind: a lowercase prefix, then the characters the tools accept in an id. */
  id: /^[a-z]{1,20}(?:_[a-z]{1,20}){0,3}_[0-9A-Za-z]{1,40}$/,
  email: /^[\p{L}\p{N}._%+'-]{1,64}@(?:[\p{L}\p{N}-]{1,63}\.){1,8}[\p{L}\p{N}-]{2,63}$/u,
  /** A state, status, role slug, sign-in method or field name. */
  word: /^[A-Za-z][\w-]{0,63}$/,
  /** An ISO 8601 timestamp, as WorkOS writes them. */
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/,
} as const;

/** What our words say of an id that does not have an id's form. */
export const ODD_ID = "(an id WorkOS returned that is not of the expected form; see data)";

/** Whether a WorkOS id, with the given prefix when one is given, has the form of one. */
export function isWorkOSId(value: unknown, prefix?: string): value is string {
  if (typeof value !== "string" || !FORMS.id.test(value)) return false;
  return (
    prefix === undefined || (value.startsWith(`${prefix}_`) && !value.slice(prefix.length + 1).includes("_"))
  );
}

function quoted(value: unknown, fits: boolean, otherwise: string): string {
  // Letters include the Hangul fillers and marks include U+034F: a hidden character is never of a form.
  return fits && typeof value === "string" && visibleLine(value) === value
    ? JSON.stringify(value)
    : otherwise;
}

/**
 * An upstream value in our words: quoted as a JSON string when it has the form its kind has, else the
 * neutral phrase `otherwise`. Every summary, note and hint that names an upstream value goes through here.
 */
export const quote = {
  id: (value: unknown, prefix?: string, otherwise = ODD_ID) =>
    quoted(value, isWorkOSId(value, prefix), otherwise),
  email: (value: unknown, otherwise: string) =>
    quoted(value, typeof value === "string" && value.length <= 254 && FORMS.email.test(value), otherwise),
  word: (value: unknown, otherwise: string) =>
    quoted(value, typeof value === "string" && FORMS.word.test(value), otherwise),
  time: (value: unknown, otherwise: string) =>
    quoted(value, typeof value === "string" && FORMS.time.test(value), otherwise),
};
