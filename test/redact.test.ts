import { describe, expect, it } from "vitest";
import {
  REDACTED,
  REDACTED_RUN,
  Redactor,
  redact,
  redactDeep,
  registerSecrets,
  showsSecret,
} from "../src/redact.js";

// The one redaction on what leaves the server: pure, so a table says what it does.
const SECRET = "sk_test_redact_unit_3Fq9Lm";
registerSecrets([SECRET, undefined, "short7!"]);

describe("redact", () => {
  it("replaces every occurrence of a registered secret", () => {
    expect(redact(`a ${SECRET} b ${SECRET}`)).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(redact("nothing secret here")).toBe("nothing secret here");
  });

  it("ignores values too short to be secrets, which would redact ordinary words", () => {
    expect(redact("short7! stays")).toBe("short7! stays");
    registerSecrets(["exactly8"]);
    expect(redact("an exactly8 word")).toBe(`an ${REDACTED} word`);
  });

  it("says whether a text shows a secret", () => {
    expect(showsSecret(`x${SECRET}y`)).toBe(true);
    expect(showsSecret("clean")).toBe(false);
  });

  it("reaches every string and key of a JSON value, and leaves other values as they are", () => {
    expect(
      redactDeep({
        [SECRET]: [SECRET, 1, true, null, { n: 2.5, s: `k=${SECRET}` }],
        count: 3,
        flag: false,
        none: null,
      }),
    ).toEqual({
      [REDACTED]: [REDACTED, 1, true, null, { n: 2.5, s: `k=${REDACTED}` }],
      count: 3,
      flag: false,
      none: null,
    });
  });
});

describe("every form a secret can be echoed in", () => {
  // 37 characters, as a WorkOS key: a public head and 29 secret ones.
  const KEY = "sk_test_Zq3Rm8Wx1Lp5Tv9Nk2Hb6Jd4Fg7Cs0";
  const redactor = new Redactor([KEY], REDACTED);
  const bytes = Buffer.from(KEY);
  const escaped = (text: string, every = 1) =>
    [...text]
      .map((c, i) => (i % every === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c))
      .join("");
  const percent = (text: string, every = 1) =>
    [...text]
      .map((c, i) => (i % every === 0 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c))
      .join("");
  const base64 = (shift: number, url = false) => {
    const text = Buffer.concat([Buffer.from("xyz".slice(0, shift)), bytes]).toString(
      url ? "base64url" : "base64",
    );
    return text;
  };

  const forms: [string, string][] = [
    ["as is", KEY],
    ["\\u-escaped", escaped(KEY)],
    ["\\u-escaped, every other character", escaped(KEY, 2)],
    ["\\u-escaped, with the backslash escaped again", escaped(KEY).replaceAll("\\", "\\\\")],
    [
      "\\u-escaped in upper-case hex",
      escaped(KEY).replace(/\\u(\w{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`),
    ],
    ["percent-encoded", percent(KEY)],
    ["percent-encoded, every third character", percent(KEY, 3)],
    ["hex", bytes.toString("hex")],
    ["HEX", bytes.toString("hex").toUpperCase()],
    ...[0, 1, 2].flatMap((shift): [string, string][] => [
      [`base64 after ${shift} bytes`, base64(shift)],
      [`base64url after ${shift} bytes`, base64(shift, true)],
    ]),
    [
      "base64 inside JSON, slashes escaped",
      Buffer.from(`??>${KEY}`).toString("base64").replaceAll("/", "\\/"),
    ],
  ];

  it.each(forms)("%s, whole", (_, form) => {
    const text = `before ${form} after`;
    const shown = redactor.redact(text);
    expect(shown).toMatch(/^before .*\[redacted\].* after$/);
    expect(shown).not.toContain(form);
    // What remains of the encoded form is too short to decode to any 16 characters of the key.
    expect(shown.length).toBeLessThan(text.length - form.length + REDACTED.length + 30);
  });

  it.each(forms)("%s, cut short after the head and 8 more characters", (_, form) => {
    const cut = form === KEY ? KEY.slice(0, 16) : form.slice(0, Math.ceil(form.length * (16 / 37)));
    expect(redactor.redact(`echo: ${cut}`)).not.toContain(cut.slice(0, -4));
  });

  it("any 16 characters of the key are redacted, wherever they are in it; 15 from its middle are not", () => {
    for (let start = 0; start + REDACTED_RUN <= KEY.length; start++) {
      const run = KEY.slice(start, start + REDACTED_RUN);
      expect(redactor.redact(`x ${run} y`)).toBe(`x ${REDACTED} y`);
      const runBytes = bytes.subarray(start, start + REDACTED_RUN);
      for (const encoded of [runBytes.toString("hex"), runBytes.toString("base64").replace(/=+$/, "")]) {
        expect(redactor.redact(`x ${encoded} y`)).not.toContain(encoded.slice(4, -4));
      }
    }
    expect(redactor.redact(`x ${KEY.slice(10, 25)} y`)).toBe(`x ${KEY.slice(10, 25)} y`);
  });

  it("a clipped echo, escaped or not, leaks nothing: everything from the head on is redacted", () => {
    for (let length = 9; length <= KEY.length; length++) {
      expect(redactor.redact(`bad key ${KEY.slice(0, length)}`)).toBe(`bad key ${REDACTED}`);
      expect(redactor.redact(`bad key ${escaped(KEY.slice(0, length))}`)).toBe(`bad key ${REDACTED}`);
    }
    // The head alone, as a masked key shows it, stays.
    expect(redactor.redact("key sk_test_…Cs0")).toBe("key sk_test_…Cs0");
  });

  it("[redacted] answers no guess at the characters an echo did not show", () => {
    const known = KEY.slice(0, 35);
    const right = redactor.redact(`guess ${KEY}.`);
    for (const guess of ["zz", "00", `${KEY.slice(35, 36)}x`]) {
      expect(redactor.redact(`guess ${known}${guess}.`)).toBe(right);
    }
    // Nor can a guess grow a run it does not know: 15 characters after the head are never shown.
    expect(redactor.redact(`guess ${KEY.slice(1, 16)}.`)).not.toBe(
      redactor.redact(`guess ${KEY.slice(1, 17)}.`),
    );
  });

  it("with invisible characters between its characters, raw or as the escapes the server shows them as", () => {
    const spread = (gap: string) => [...KEY].join(gap);
    for (const gap of ["\u200B", "\u2066\u2069", "\u{E0041}", "\\u200B", "\\u{E0041}", "\u00AD"]) {
      expect(redactor.redact(`name: ${spread(gap)}!`)).toBe(`name: ${REDACTED}!`);
    }
  });

  it("redacting JSON text keeps it JSON", () => {
    const body = `{"message":"bad key ${escaped(KEY, 2)}","code":"x","detail":"\\\\${KEY}"}`;
    const parsed = JSON.parse(redactor.redact(body)) as { message: string; detail: string };
    expect(parsed.message).toBe(`bad key ${REDACTED}`);
    expect(parsed.detail).toBe(`\\${REDACTED}`);
  });

  it("a secret that holds what reads as an escape is still found as it is", () => {
    const odd = "tok%41en\\u0042-0123456789abcdef";
    expect(new Redactor([odd], REDACTED).redact(`a ${odd} b`)).toBe(`a ${REDACTED} b`);
  });

  // Measured as a ratio, not a deadline, so a loaded machine cannot fail it: ten times the text takes about ten
  // times as long when the work is linear, and about a hundred times when it is quadratic.
  it("takes time linear in the text: ten times the text, not a hundred times the time", () => {
    const timed = (repeats: number) => {
      const text = `${"x\\u0041 %20 ".repeat(repeats)}${KEY}`;
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now();
        expect(redactor.redact(text).endsWith(REDACTED)).toBe(true);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = timed(20_000);
    const large = timed(200_000);
    expect(large / small).toBeLessThan(40);
  });
});
