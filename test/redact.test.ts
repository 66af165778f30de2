import { describe, expect, it } from "vitest";
import { REDACTED, redact, redactDeep, registerSecrets, showsSecret } from "../src/redact.js";

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
