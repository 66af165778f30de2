/**
 * One redaction, applied to what leaves the server (tool results, log lines, doctor and --help output) and to
 * upstream text before anything clips it: an upstream can echo a secret in any form (a `\u`-escaped JSON
 * string, a header, a request id, a success body, base64), and a clipped echo is past recognising whole.
 *
 * A secret is found in every form it can be echoed in: as is, `\u`-escaped or percent-encoded (any mix of
 * escaped and plain characters, any number of backslashes before the `u`), with invisible characters between
 * its characters, base64 (standard and URL-safe, at each of the 3 byte alignments) and hex (lower or upper
 * case). And not only whole: any run of 16 or more of its characters (bytes, in base64 and hex) is redacted,
 * and so is its first 8 characters followed by any more word characters. So an echo cut short shows at most
 * 15 characters, and none when it starts where the secret starts (as a clipped echo does); and `[redacted]`
 * answers no guess: a guess that extends a known run of 15 needs that run, which is never shown, and a guess
 * that starts like the secret is redacted whatever follows.
 */

export const REDACTED = "[redacted]";

/** The shortest run of a secret, in characters (or its bytes, in base64 and hex), that is redacted. */
export const REDACTED_RUN = 16;

/** A secret's first this many characters are redacted with any word characters after them. */
const HEAD = 8;

/** One form a secret can take in text, and the shortest run of it that gives the secret away. */
interface Form {
  text: string;
  minRun: number;
}

/** A piece of a form (or the secret's head) and where in it the piece stands. */
interface Anchor {
  form: Form | undefined;
  secret: string;
  offset: number;
}

function formsOf(secret: string): Form[] {
  const bytes = Buffer.from(secret, "utf8");
  const runBytes = Math.min(REDACTED_RUN, bytes.length);
  const forms = new Map<string, number>([[secret, Math.min(REDACTED_RUN, secret.length)]]);
  const add = (text: string, minRun: number) => {
    if (text.length >= minRun && !forms.has(text)) forms.set(text, minRun);
  };
  for (const shift of [0, 1, 2]) {
    const core = base64Core(bytes, shift);
    add(core, base64Run(runBytes));
    add(core.replaceAll("+", "-").replaceAll("/", "_"), base64Run(runBytes));
  }
  const hex = bytes.toString("hex");
  add(hex, 2 * runBytes);
  add(hex.toUpperCase(), 2 * runBytes);
  return [...forms].map(([text, minRun]) => ({ text, minRun }));
}

/** The base64 characters that depend on the secret's bits alone, when it starts `shift` bytes into the stream. */
function base64Core(bytes: Buffer, shift: number): string {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
  return encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
}

/** How many base64 characters `n` bytes decide wholly, at the worst of the 3 alignments. */
function base64Run(n: number): number {
  return Math.min(...[0, 2, 4].map((bit) => Math.floor((bit + 8 * n) / 6) - Math.ceil(bit / 6)));
}

/**
 * Finds secrets in text in one pass: every run of a form at least its minRun long holds one of the form's
 * pieces of half that length that start at multiples of it, so one regular expression of all the pieces
 * finds every candidate, and each is then grown in both directions along its form.
 */
export class Redactor {
  readonly #replacement: string;
  readonly #anchors = new Map<string, Anchor[]>();
  readonly #lengths: number[];
  readonly #pieces: RegExp | undefined;
  /** Shorter texts cannot hold a piece. */
  readonly #shortest: number;

  constructor(secrets: readonly string[], replacement: string) {
    this.#replacement = replacement;
    const anchor = (piece: string, value: Anchor) => {
      const list = this.#anchors.get(piece);
      if (list === undefined) this.#anchors.set(piece, [value]);
      else list.push(value);
    };
    for (const secret of secrets) {
      for (const form of formsOf(secret)) {
        const step = Math.max(1, Math.floor(form.minRun / 2));
        for (let offset = 0; offset + step <= form.text.length; offset += step) {
          anchor(form.text.slice(offset, offset + step), { form, secret, offset });
        }
      }
      anchor(secret.slice(0, HEAD), { form: undefined, secret, offset: 0 });
    }
    const pieces = [...this.#anchors.keys()];
    this.#lengths = [...new Set(pieces.map((piece) => piece.length))];
    this.#shortest = Math.min(...this.#lengths);
    this.#pieces =
      pieces.length === 0
        ? undefined
        : new RegExp(pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
  }

  /** Every secret in the text, in any of its forms, replaced. */
  redact(text: string): string {
    if (this.#pieces === undefined || text.length < this.#shortest) return text;
    const decoded = decode(text);
    const ranges = this.#find(decoded.text).map(([start, end]): [number, number] => [
      original(decoded.escapes, start, false),
      original(decoded.escapes, end - 1, true),
    ]);
    // A secret may itself hold what reads as an escape (`%41`): then it shows only in the text as it is.
    if (decoded.escapes.length > 0) ranges.push(...this.#find(text));
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let from = 0;
    for (const [start, end] of ranges) {
      if (end <= from) continue;
      if (start >= from) out += text.slice(from, start) + this.#replacement;
      from = end;
    }
    return out + text.slice(from);
  }

  /** The ranges of the text that give a secret away, unsorted and possibly overlapping. */
  #find(text: string): [number, number][] {
    const ranges: [number, number][] = [];
    const pieces = this.#pieces as RegExp;
    pieces.lastIndex = 0;
    for (let match = pieces.exec(text); match !== null; match = pieces.exec(text)) {
      const at = match.index;
      // Pieces may overlap, and one may start another: every piece at this position counts.
      pieces.lastIndex = at + 1;
      for (const length of this.#lengths) {
        for (const anchor of this.#anchors.get(text.slice(at, at + length)) ?? []) {
          const range =
            anchor.form === undefined ? headRun(text, at, anchor.secret) : run(text, at, length, anchor);
          if (range !== undefined) ranges.push(range);
        }
      }
    }
    return ranges;
  }
}

/** The run of the form around a piece found at `at`, if it is long enough to count. */
function run(
  text: string,
  at: number,
  length: number,
  { form, offset }: Anchor,
): [number, number] | undefined {
  const shape = (form as Form).text;
  let start = at;
  let end = at + length;
  while (start > 0 && at - start < offset && text[start - 1] === shape[offset - (at - start) - 1]) start--;
  while (end < text.length && text[end] === shape[offset + (end - at)]) end++;
  return end - start >= (form as Form).minRun ? [start, end] : undefined;
}

const WORD = /[\w-]/;

/** The secret's head and whatever word characters a guess puts after it, unless nothing follows. */
function headRun(text: string, at: number, secret: string): [number, number] | undefined {
  const head = Math.min(HEAD, secret.length);
  let end = at + head;
  while (end < text.length && (text[end] === secret[end - at] || WORD.test(text[end] as string))) end++;
  return end > at + head || head === secret.length ? [at, end] : undefined;
}

// ---- the text as a reader would decode it ----

/** An escape in the text: where it stands, how long it is, and where its characters stand once decoded. */
interface Escape {
  at: number;
  length: number;
  decodedAt: number;
  decodedLength: number;
}

/**
 * What a reader decodes (`\uXXXX`, `\u{X}`, `\/`, ASCII `%XX`, with any number of backslashes), and the
 * characters nobody sees (zero-width, bidi, tags), which decode to nothing: put between a secret's
 * characters, raw or as the visible escapes the server shows them as, they must not hide it.
 */
const ESCAPE = /\\+u([0-9a-fA-F]{4})|\\+u\{([0-9a-fA-F]{1,6})\}|\\+\/|%([0-7][0-9a-fA-F])|\p{Cf}/gu;
const INVISIBLE = /\p{Cf}/u;

function decodedOf(match: RegExpExecArray | RegExpMatchArray): string {
  const hex = match[1] ?? match[2] ?? match[3];
  if (hex === undefined) return match[0].endsWith("/") ? "/" : "";
  const code = Number.parseInt(hex, 16);
  const char = code > 0x10ffff ? "" : String.fromCodePoint(code);
  return INVISIBLE.test(char) ? "" : char;
}

/** The text with its escapes decoded and invisible characters dropped, and the escapes to map positions back. */
function decode(text: string): { text: string; escapes: Escape[] } {
  if (!text.includes("\\") && !text.includes("%") && !INVISIBLE.test(text)) return { text, escapes: [] };
  const escapes: Escape[] = [];
  let out = "";
  let from = 0;
  for (const match of text.matchAll(ESCAPE)) {
    out += text.slice(from, match.index);
    const decoded = decodedOf(match);
    escapes.push({
      at: match.index,
      length: match[0].length,
      decodedAt: out.length,
      decodedLength: decoded.length,
    });
    out += decoded;
    from = match.index + match[0].length;
  }
  return { text: out + text.slice(from), escapes };
}

/** Where the decoded character at `index` starts (or, with `end`, ends) in the original text. */
function original(escapes: readonly Escape[], index: number, end: boolean): number {
  // The last escape decoded at or before index, found by bisection.
  let low = 0;
  let high = escapes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((escapes[middle] as Escape).decodedAt <= index) low = middle + 1;
    else high = middle;
  }
  const before = escapes[low - 1];
  if (before === undefined) return index + (end ? 1 : 0);
  const after = before.decodedAt + before.decodedLength;
  if (index < after) return before.at + (end ? before.length : 0);
  return before.at + before.length + (index - after) + (end ? 1 : 0);
}

// ---- the server's secrets ----

const secrets = new Set<string>();
let redactor = new Redactor([], REDACTED);

/** Registers values that must never be shown: the API key, webhook secrets, the HTTP token. */
export function registerSecrets(values: readonly (string | undefined)[]): void {
  const before = secrets.size;
  // Very short values would redact ordinary words; the config refuses such secrets anyway.
  for (const value of values) if (value !== undefined && value.length >= 8) secrets.add(value);
  if (secrets.size !== before) redactor = new Redactor([...secrets], REDACTED);
}

/** Whether the text shows a registered secret, in any form. */
export function showsSecret(text: string): boolean {
  return redact(text) !== text;
}

export function redact(text: string): string {
  return redactor.redact(text);
}

/** Every string and key of a JSON value, redacted. */
export function redactDeep(value: unknown): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [redact(key), redactDeep(field)]));
}
