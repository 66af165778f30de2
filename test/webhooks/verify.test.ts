import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WebhookVerificationReason, WebhookVerificationResult } from "../../src/webhooks/verify.js";
import {
  DEFAULT_TOLERANCE_SECONDS,
  MAX_HEADER_LENGTH,
  MAX_PAYLOAD_BYTES,
  MAX_SIGNATURES,
  verifyWebhook,
} from "../../src/webhooks/verify.js";
import { header, NOW, OTHER_SECRET, SECRET, sign, verify } from "./helpers.js";

const BODY = JSON.stringify({
  id: "event_01TEST",
  event: "organization.created",
  data: { object: "organization", id: "org_01TEST", name: "Foo Corp", domains: [] },
  created_at: "2024-01-15T11:59:59.000Z",
});
const SIG = sign(NOW, BODY);
const RESULT_KEYS = [
  "age_seconds",
  "matched_secret",
  "message",
  "notes",
  "payload_normalized",
  "reason",
  "signature_valid",
  "timestamp",
  "valid",
  "within_tolerance",
];

function check(
  headerValue: string | undefined,
  body = BODY,
  secrets: readonly string[] = [SECRET],
  now = NOW,
) {
  return verify({ payload: body, header: headerValue, secrets, now, toleranceSeconds: 180 });
}

describe("verifyWebhook: timestamp window", () => {
  it.each([
    ["exactly at the tolerance, past", NOW - 180_000, 180, "ok", true],
    ["1 ms past the tolerance, past", NOW - 180_001, 180, "timestamp_outside_tolerance", false],
    ["exactly at the tolerance, future", NOW + 180_000, 180, "ok", true],
    ["1 ms past the tolerance, future", NOW + 180_001, 180, "timestamp_outside_tolerance", false],
    ["zero tolerance, same ms", NOW, 0, "ok", true],
    ["zero tolerance, 1 ms old", NOW - 1, 0, "timestamp_outside_tolerance", false],
    ["zero tolerance, 1 ms ahead", NOW + 1, 0, "timestamp_outside_tolerance", false],
    ["fractional tolerance, at the edge", NOW - 500, 0.5, "ok", true],
    ["fractional tolerance, 1 ms past", NOW - 501, 0.5, "timestamp_outside_tolerance", false],
  ] as const)("%s", (_name, t, toleranceSeconds, reason, within) => {
    const result = verify({
      payload: BODY,
      header: header(t, BODY),
      secrets: [SECRET],
      now: NOW,
      toleranceSeconds,
    });
    expect(result.reason).toBe(reason);
    expect(result.valid).toBe(reason === "ok");
    expect(result.signature_valid).toBe(true);
    expect(result.within_tolerance).toBe(within);
    expect(result.age_seconds).toBe((NOW - t) / 1000);
    expect(result.timestamp).toBe(new Date(t).toISOString());
  });

  it("reports a stale but correctly signed delivery as signature_valid", () => {
    const result = check(header(NOW - 600_000, BODY));
    expect(result).toMatchObject({
      valid: false,
      reason: "timestamp_outside_tolerance",
      signature_valid: true,
      within_tolerance: false,
      age_seconds: 600,
      matched_secret: 0,
    });
    expect(result.message).toBe(
      "Signature valid, but the timestamp is 600 s old, outside the 180 s tolerance: an old delivery or a replay.",
    );
  });

  it("points at clocks for a future timestamp", () => {
    const result = check(header(NOW + 3_600_000, BODY));
    expect(result.age_seconds).toBe(-3600);
    expect(result.message).toContain("3600 s in the future");
    expect(result.message).toContain("clocks");
  });

  it("mentions both problems when the signature is wrong and the timestamp stale", () => {
    const result = check(header(NOW - 600_000, BODY, OTHER_SECRET));
    expect(result).toMatchObject({
      reason: "signature_mismatch",
      signature_valid: false,
      within_tolerance: false,
    });
    expect(result.message).toContain("also 600 s old");
  });

  it("hints at seconds when t has 10 digits", () => {
    const seconds = NOW / 1000;
    const result = check(header(seconds, BODY));
    expect(result).toMatchObject({
      valid: false,
      reason: "timestamp_outside_tolerance",
      signature_valid: true,
      within_tolerance: false,
      timestamp: new Date(seconds).toISOString(),
    });
    expect(result.message).toContain("this looks like seconds; WorkOS sends milliseconds");
    expect(result.notes.join(" ")).toContain("seconds");
  });

  it("uses the 180 s default tolerance and Date.now() by default", () => {
    const stale = verifyWebhook({
      payload: BODY,
      header: header(NOW - 180_001, BODY),
      secrets: [SECRET],
      now: NOW,
    });
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(180);
    expect(stale.reason).toBe("timestamp_outside_tolerance");
    const t = Date.now();
    expect(verifyWebhook({ payload: BODY, header: header(t, BODY), secrets: [SECRET] }).reason).toBe("ok");
  });
});

describe("verifyWebhook: signature", () => {
  it("accepts the canonical header with a readable message", () => {
    const result = check(`t=${NOW}, v1=${SIG}`);
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
    expect(result).toEqual({
      valid: true,
      reason: "ok",
      message: "Signature valid, timestamp 0 s old, within the 180 s tolerance.",
      signature_valid: true,
      timestamp: "2024-01-15T12:00:00.000Z",
      age_seconds: 0,
      within_tolerance: true,
      payload_normalized: false,
      matched_secret: 0,
      notes: [],
    });
  });

  it.each([
    ["uppercase hex", SIG.toUpperCase()],
    ["mixed-case hex", SIG.slice(0, 32).toUpperCase() + SIG.slice(32)],
  ])("accepts %s", (_name, v1) => {
    expect(check(`t=${NOW}, v1=${v1}`).reason).toBe("ok");
  });

  it.each([
    ["second secret matches", [OTHER_SECRET, SECRET], "ok", 1],
    ["first secret matches", [SECRET, OTHER_SECRET], "ok", 0],
    ["neither secret matches", [OTHER_SECRET, "wh_sec_third_M1nB2vC3xZ4"], "signature_mismatch", null],
    ["an empty secret is skipped, positions kept", ["", SECRET], "ok", 1],
  ] as const)("rotation: %s", (_name, secrets, reason, matched) => {
    const result = check(`t=${NOW}, v1=${SIG}`, BODY, secrets);
    expect(result.reason).toBe(reason);
    expect(result.matched_secret).toBe(matched);
    expect(result.signature_valid).toBe(reason === "ok");
  });

  it("names the matching secret by index in the message, never by value", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, BODY, [OTHER_SECRET, SECRET]);
    expect(result.message).toContain("secrets[1]");
    expect(check(`t=${NOW}, v1=${SIG}`, BODY, [OTHER_SECRET, "wh_sec_x_P0oI9uY8"]).message).toContain(
      "any of the 2 configured secrets",
    );
  });

  it("accepts any v1 in the header, in any position", () => {
    const bad = "0".repeat(64);
    expect(check(`t=${NOW}, v1=${bad}, v1=${SIG}`).reason).toBe("ok");
    expect(check(`t=${NOW}, v1=${SIG}, v1=${bad}`).reason).toBe("ok");
    const both = `t=${NOW}, v1=${sign(NOW, BODY, OTHER_SECRET)}, v1=${SIG}`;
    expect(check(both, BODY, [OTHER_SECRET]).matched_secret).toBe(0);
  });

  it.each([
    ["emoji", '{"name":"Blair 🦊👩🏽‍💻"}'],
    ["CJK", '{"name":"東京都 渋谷区 田中太郎"}'],
    ["combining characters", '{"name":"Zoe\u0308 Cafe\u0301 n\u0303"}'],
    ["right-to-left and control escapes", '{"name":"שלום \\u0000 مرحبا"}'],
  ])("signs %s bodies over their UTF-8 bytes", (_name, body) => {
    expect(check(header(NOW, body), body).reason).toBe("ok");
    const latin1 = createHmac("sha256", SECRET)
      .update(Buffer.from(`${NOW}.${body}`, "latin1"))
      .digest("hex");
    expect(check(`t=${NOW}, v1=${latin1}`, body).reason).toBe("signature_mismatch");
  });

  it("keys the HMAC with the secret's UTF-8 bytes", () => {
    const secret = "wh_sec_ключ_🔑_秘密";
    expect(check(header(NOW, BODY, secret), BODY, [secret]).reason).toBe("ok");
  });

  it("rejects a tampered body", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, BODY.replace("Foo Corp", "Foo Corq"));
    expect(result).toMatchObject({ valid: false, reason: "signature_mismatch", signature_valid: false });
    expect(result.matched_secret).toBeNull();
  });

  it("rejects a signature made for another timestamp", () => {
    expect(check(`t=${NOW}, v1=${sign(NOW - 1, BODY)}`).reason).toBe("signature_mismatch");
  });
});

describe("verifyWebhook: reformatted (pasted) payloads", () => {
  const pretty = JSON.stringify(JSON.parse(BODY), null, 2);

  it("accepts a re-indented body on its compact form and says so", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, pretty);
    expect(result).toMatchObject({
      valid: true,
      reason: "ok",
      payload_normalized: true,
      signature_valid: true,
    });
    expect(result.notes.join(" ")).toContain("reformatted");
  });

  it("keeps payload_normalized when the normalized match is stale", () => {
    const result = check(header(NOW - 600_000, BODY), pretty);
    expect(result).toMatchObject({ reason: "timestamp_outside_tolerance", payload_normalized: true });
  });

  it("stays a mismatch when the compact form does not match either", () => {
    const changed = JSON.stringify({ ...JSON.parse(BODY), id: "event_other" }, null, 2);
    const result = check(`t=${NOW}, v1=${SIG}`, changed);
    expect(result).toMatchObject({ valid: false, reason: "signature_mismatch", payload_normalized: false });
    expect(result.notes.join(" ")).toContain("compact JSON form of the body did not match");
  });

  it("does not try a compact form for a non-JSON body", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, "not json at all {");
    expect(result).toMatchObject({ reason: "signature_mismatch", payload_normalized: false, notes: [] });
  });

  it("does not retry when the body is already compact", () => {
    expect(check(`t=${NOW}, v1=${"a".repeat(64)}`).notes).toEqual([]);
  });

  it("survives JSON nested too deeply to re-serialise", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const result = check(`t=${NOW}, v1=${SIG}`, deep);
    expect(result.reason).toBe("signature_mismatch");
  });
});

describe("verifyWebhook: header parsing", () => {
  it.each([
    ["no space after the comma", `t=${NOW},v1=${SIG}`],
    ["many spaces after the comma", `t=${NOW},     v1=${SIG}`],
    ["leading and trailing spaces", `   t=${NOW}, v1=${SIG}   `],
    ["space before the comma", `t=${NOW} , v1=${SIG}`],
    ["tabs and newlines around items", `\tt=${NOW},\n\tv1=${SIG}\r\n`],
    ["reversed order", `v1=${SIG}, t=${NOW}`],
    ["unknown keys ignored", `t=${NOW}, v0=zzz, v1=${SIG}, foo=bar`],
    ["unknown key with an empty value", `x=, t=${NOW}, v1=${SIG}`],
    ["unknown key with '=' in its value", `k=a=b, t=${NOW}, v1=${SIG}`],
    ["leading zeros in t are signed as written", `t=0${NOW}, v1=${sign(`0${NOW}`, BODY)}`],
  ])("accepts %s", (_name, value) => {
    const result = check(value);
    expect(result.reason, result.message).toBe("ok");
  });

  const sig63 = SIG.slice(0, 63);
  const malformed: [string, string | undefined, string][] = [
    ["header undefined", undefined, "No WorkOS-Signature header"],
    ["header empty", "", "empty"],
    ["header only whitespace", "  \t ", "empty"],
    ["duplicate t", `t=${NOW}, t=${NOW}, v1=${SIG}`, "2 t items"],
    ["t with a plus sign", `t=+${NOW}, v1=${SIG}`, "decimal digits only"],
    ["t with a minus sign", `t=-${NOW}, v1=${SIG}`, "decimal digits only"],
    ["t with a decimal point", `t=${NOW}.0, v1=${SIG}`, "decimal digits only"],
    ["t with a space inside", `t=1705 320000000, v1=${SIG}`, "decimal digits only"],
    ["space after '='", `t= ${NOW}, v1=${SIG}`, "decimal digits only"],
    ["space before '='", `t =${NOW}, v1=${SIG}`, "not of the form key=value"],
    [
      "t not a number",
      `t=abc, v1=${SIG}`,
      "t must be milliseconds since the epoch (decimal digits only); got 'abc'.",
    ],
    ["t empty", `t=, v1=${SIG}`, "decimal digits only"],
    ["t in hex", `t=0x18d0cd15c00, v1=${SIG}`, "decimal digits only"],
    ["t with non-ASCII digits", `t=١٧٠٥٣٢٠٠٠٠٠٠٠, v1=${SIG}`, "decimal digits only"],
    ["t beyond the date range", `t=99999999999999999, v1=${SIG}`, "out of range"],
    ["no t", `v1=${SIG}`, "no t timestamp"],
    ["no v1", `t=${NOW}`, "The header has no v1 signature."],
    ["uppercase key V1", `t=${NOW}, V1=${SIG}`, "not V1"],
    ["v1 empty", `t=${NOW}, v1=`, "got 0 characters"],
    ["v1 of 63 characters", `t=${NOW}, v1=${sig63}`, "got 63 characters"],
    ["v1 of 65 characters", `t=${NOW}, v1=${SIG}0`, "got 65 characters"],
    ["v1 with a non-hex character at the end", `t=${NOW}, v1=${sig63}g`, "not all hex"],
    ["v1 with a non-hex character at the start", `t=${NOW}, v1=z${SIG.slice(1)}`, "not all hex"],
    ["v1 with a space inside", `t=${NOW}, v1=${SIG.slice(0, 32)} ${SIG.slice(33)}`, "not all hex"],
    ["a bad v1 next to a good one", `t=${NOW}, v1=${SIG}, v1=${sig63}`, "got 63 characters"],
    ["empty item between commas", `t=${NOW},,v1=${SIG}`, "empty"],
    ["leading comma", `,t=${NOW}, v1=${SIG}`, "empty"],
    ["trailing comma", `t=${NOW}, v1=${SIG},`, "empty"],
    ["'=' missing", `t${NOW}, v1=${SIG}`, "not of the form key=value"],
    ["a bare word", `t=${NOW}, v1=${SIG}, garbage`, "not of the form key=value"],
    ["empty key", `t=${NOW}, =abc, v1=${SIG}`, "not of the form key=value"],
    ["semicolons instead of commas", `t=${NOW}; v1=${SIG}`, "decimal digits only"],
    [
      "too many v1 items",
      `t=${NOW}, ${Array(MAX_SIGNATURES + 1)
        .fill(`v1=${SIG}`)
        .join(", ")}`,
      "at most 16",
    ],
    ["over the length bound", `t=${NOW}, v1=${SIG}, x=${"y".repeat(MAX_HEADER_LENGTH)}`, "characters long"],
  ];
  it.each(malformed)("rejects %s as malformed_header", (_name, value, message) => {
    const result = check(value);
    expect(result).toMatchObject({
      valid: false,
      reason: "malformed_header",
      signature_valid: null,
      matched_secret: null,
    });
    expect(result.message).toContain(message);
  });

  it("reports the timestamp even when the header is otherwise malformed", () => {
    const result = check(`t=${NOW - 5000}`);
    expect(result).toMatchObject({ reason: "malformed_header", age_seconds: 5, within_tolerance: true });
  });

  it("accepts the largest header and the most v1 items allowed", () => {
    const base = `t=${NOW}, v1=${SIG}, x=`;
    expect(check(base + "y".repeat(MAX_HEADER_LENGTH - base.length)).reason).toBe("ok");
    const many = Array(MAX_SIGNATURES - 1).fill(`v1=${"0".repeat(64)}`);
    expect(check(`t=${NOW}, ${many.join(", ")}, v1=${SIG}`).reason).toBe("ok");
  });
});

describe("verifyWebhook: secrets, inputs and order of checks", () => {
  it("reports no_secret_configured, after parsing the header", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, BODY, []);
    expect(result).toMatchObject({
      valid: false,
      reason: "no_secret_configured",
      signature_valid: null,
      within_tolerance: true,
      timestamp: "2024-01-15T12:00:00.000Z",
    });
    expect(check(`t=${NOW}`, BODY, []).reason).toBe("malformed_header");
  });

  it("treats only empty secrets as none configured", () => {
    const result = check(`t=${NOW}, v1=${SIG}`, BODY, ["", ""]);
    expect(result.reason).toBe("no_secret_configured");
    expect(result.notes).toEqual([
      "secrets[0] is empty and was skipped.",
      "secrets[1] is empty and was skipped.",
    ]);
  });

  it.each([
    [
      "NaN tolerance",
      { toleranceSeconds: Number.NaN },
      "toleranceSeconds must be a finite number >= 0; got NaN.",
    ],
    ["negative tolerance", { toleranceSeconds: -1 }, "got -1"],
    ["infinite tolerance", { toleranceSeconds: Number.POSITIVE_INFINITY }, "got Infinity"],
    ["string tolerance", { toleranceSeconds: "180" as unknown as number }, "got string"],
    ["NaN now", { now: Number.NaN }, "now must be"],
    ["Buffer payload", { payload: Buffer.from(BODY) as unknown as string }, "payload must be"],
    ["secrets not an array", { secrets: SECRET as unknown as string[] }, "secrets must be"],
  ])("returns invalid_input for %s instead of throwing", (_name, override, message) => {
    const result = verify({
      payload: BODY,
      header: `t=${NOW}, v1=${SIG}`,
      secrets: [SECRET],
      now: NOW,
      ...override,
    });
    expect(result).toMatchObject({ valid: false, reason: "invalid_input", signature_valid: null });
    expect(result.message).toContain(message);
  });
});

describe("verifyWebhook: payload size", () => {
  it("verifies a 1 MB body", () => {
    const body = JSON.stringify({
      id: "event_big",
      event: "x",
      data: { blob: "a".repeat(1_000_000) },
      created_at: "",
    });
    expect(check(header(NOW, body), body).reason).toBe("ok");
    expect(check(`t=${NOW}, v1=${SIG}`, body).reason).toBe("signature_mismatch");
  });

  it("verifies a body of exactly MAX_PAYLOAD_BYTES", () => {
    expect(MAX_PAYLOAD_BYTES).toBe(1024 * 1024);
    const body = "a".repeat(MAX_PAYLOAD_BYTES);
    expect(check(header(NOW, body), body).reason).toBe("ok");
    const multiByte = "é".repeat(MAX_PAYLOAD_BYTES / 2);
    expect(check(header(NOW, multiByte), multiByte).reason).toBe("ok");
  });

  it.each([
    ["ASCII, one byte over", "a".repeat(MAX_PAYLOAD_BYTES + 1)],
    ["multi-byte, fewer characters than the bound but more bytes", `${"é".repeat(MAX_PAYLOAD_BYTES / 2)}a`],
    ["far over", "a".repeat(4 * MAX_PAYLOAD_BYTES)],
  ])("returns payload_too_large quickly without hashing (%s)", (_name, body) => {
    const start = performance.now();
    const result = check(header(NOW, "{}"), body);
    const elapsedMs = performance.now() - start;
    expect(result).toMatchObject({ valid: false, reason: "payload_too_large", signature_valid: null });
    expect(result.message).toContain(String(MAX_PAYLOAD_BYTES));
    expect(elapsedMs).toBeLessThan(250);
  });
});

describe("verifyWebhook: robustness", () => {
  const reasons: WebhookVerificationReason[] = [
    "ok",
    "malformed_header",
    "signature_mismatch",
    "timestamp_outside_tolerance",
    "no_secret_configured",
    "payload_too_large",
    "invalid_input",
  ];

  it("never throws and never leaks a secret on random headers", () => {
    // Deterministic PRNG so a failure is reproducible.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pieces = [
      "t",
      "v1",
      "=",
      ",",
      " ",
      "\t",
      String(NOW),
      SIG,
      SIG.toUpperCase(),
      "x",
      "0",
      "-",
      ".",
      "é",
    ];
    const results: WebhookVerificationResult[] = [];
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from({ length: next(12) }, () => pieces[next(pieces.length)]);
      results.push(check(parts.join(""), BODY, [SECRET, OTHER_SECRET]));
    }
    for (const result of results) {
      expect(reasons).toContain(result.reason);
      expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
      expect(result.valid).toBe(result.reason === "ok");
    }
  });

  it("keeps secrets out of every field, even when they look like header content", () => {
    const sneaky = `t=${NOW}, v1=${SIG}`;
    for (const body of [BODY, "", sneaky]) {
      for (const h of [sneaky, "", `t=${NOW}`, `v1=${SIG}`, undefined]) {
        const text = JSON.stringify(
          verifyWebhook({ payload: body, header: h, secrets: ["wh_sec_unique_9f8e7d6c"], now: NOW }),
        );
        expect(text).not.toContain("wh_sec_unique_9f8e7d6c");
      }
    }
  });
});
