import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Largest payload verified, in UTF-8 bytes (1 MiB, far above any WorkOS event); larger bodies get reason
 * `payload_too_large` without hashing. Sized so that a payload at the limit still fits in one MCP message
 * when a client escapes every character as `\uXXXX` (6 bytes each): see MAX_MESSAGE_BYTES.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Longest `WorkOS-Signature` header accepted, in characters; longer ones are `malformed_header`. */
export const MAX_HEADER_LENGTH = 8192;
/** Most `v1` items accepted in one header; more are `malformed_header`. */
export const MAX_SIGNATURES = 16;
/** WorkOS's own default tolerance (the Node SDK's 180000 ms). */
export const DEFAULT_TOLERANCE_SECONDS = 180;

/**
 * Why a delivery is (in)valid. The five reasons plus two input errors, so nothing is ever thrown:
 * `payload_too_large` (body over MAX_PAYLOAD_BYTES) and `invalid_input` (bad toleranceSeconds/now, or wrong JS types).
 */
export type WebhookVerificationReason =
  | "ok"
  | "malformed_header"
  | "signature_mismatch"
  | "timestamp_outside_tolerance"
  | "no_secret_configured"
  | "payload_too_large"
  | "invalid_input";

export interface VerifyWebhookInput {
  /** The raw request body exactly as received. */
  payload: string;
  /** The `WorkOS-Signature` header value. */
  header: string | undefined;
  /** Endpoint secrets, oldest or newest first; several allow rotation. */
  secrets: readonly string[];
  /** Allowed |now - t| in seconds, both directions; default 180. */
  toleranceSeconds?: number | undefined;
  /** Current time in ms since the epoch; default Date.now(). */
  now?: number | undefined;
}

export interface WebhookVerificationResult {
  valid: boolean;
  reason: WebhookVerificationReason;
  /** One sentence for a person debugging the delivery. */
  message: string;
  /** null when the signature was not checked (bad input, malformed header, no secret, payload too large). */
  signature_valid: boolean | null;
  /** ISO form of `t`, or null when the header has no usable `t`. */
  timestamp: string | null;
  /** (now - t) / 1000; negative when `t` is in the future. */
  age_seconds: number | null;
  within_tolerance: boolean | null;
  /** True when only the compact JSON form matched: the bytes given are not the bytes signed, so act only on that form. */
  payload_normalized: boolean;
  /** 0-based index into `secrets` of the secret that matched; never the secret itself. */
  matched_secret: number | null;
  notes: string[];
}

// Date.prototype.toISOString throws beyond this (ECMAScript time value range).
const MAX_TIME_MS = 8.64e15;
const DIGITS = /^[0-9]+$/;

interface Match {
  secret: number | null;
  normalized: boolean;
}

interface ParsedHeader {
  error: string | null;
  timestampText: string | null;
  timestampMs: number | null;
  signatures: Buffer[];
}

/**
 * Verifies a WorkOS webhook delivery without I/O and never throws.
 * Check order: input types -> header -> secrets present -> payload size -> signature -> timestamp window;
 * the timestamp fields are filled whenever `t` parses, whatever the reason.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerificationResult {
  const { payload, header, secrets } = input;
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = input.now ?? Date.now();
  const parsed = parseHeader(header);
  const notes: string[] = [];
  // Seconds since 2001..2286 have 10 digits; milliseconds today have 13.
  const looksLikeSeconds = parsed.timestampText?.length === 10;
  if (looksLikeSeconds)
    notes.push("t has 10 digits, which looks like seconds; WorkOS sends milliseconds since the epoch.");
  const inputError = checkInput(payload, secrets, toleranceSeconds, now);
  const ageMs = inputError === null && parsed.timestampMs !== null ? now - parsed.timestampMs : null;
  const within = ageMs === null ? null : Math.abs(ageMs) <= toleranceSeconds * 1000;
  const result = (
    reason: WebhookVerificationReason,
    message: string,
    match?: Match,
  ): WebhookVerificationResult => ({
    valid: reason === "ok",
    reason,
    message: looksLikeSeconds
      ? `${message.slice(0, -1)} (hint: this looks like seconds; WorkOS sends milliseconds).`
      : message,
    signature_valid: match === undefined ? null : match.secret !== null,
    timestamp: parsed.timestampMs === null ? null : new Date(parsed.timestampMs).toISOString(),
    age_seconds: ageMs === null ? null : ageMs / 1000,
    within_tolerance: within,
    payload_normalized: match?.normalized ?? false,
    matched_secret: match?.secret ?? null,
    notes,
  });

  if (inputError !== null) return result("invalid_input", inputError);
  if (parsed.error !== null || parsed.timestampText === null || ageMs === null) {
    return result("malformed_header", parsed.error ?? "The header has no t timestamp.");
  }
  // Header before secrets: a malformed header is worth reporting even before any secret is configured.
  const configured = countUsableSecrets(secrets, notes);
  if (configured === 0) {
    return result(
      "no_secret_configured",
      "No webhook secret is configured, so the signature cannot be checked.",
    );
  }
  // Size last among the cheap checks, before any hashing, so an oversized body costs O(1) or one byteLength.
  const tooLarge = payloadSizeError(payload);
  if (tooLarge !== null) return result("payload_too_large", tooLarge);

  const match: Match = {
    secret: findMatchingSecret(secrets, parsed.timestampText, payload, parsed.signatures),
    normalized: false,
  };
  if (match.secret === null) {
    // Parse cost is paid only on the failure path.
    const compact = compactForm(payload);
    if (compact !== null) {
      match.secret = findMatchingSecret(secrets, parsed.timestampText, compact, parsed.signatures);
      match.normalized = match.secret !== null;
      notes.push(
        match.normalized
          ? "The body had been reformatted (e.g. re-indented when pasted); it matched in its compact JSON form, which is what WorkOS signs."
          : "The compact JSON form of the body did not match either.",
      );
    }
  }

  const age = describeAge(ageMs, toleranceSeconds);
  if (match.secret === null) {
    const under = configured === 1 ? "the configured secret" : `any of the ${configured} configured secrets`;
    const stale = within ? "" : `; the timestamp is also ${age}`;
    const why = "(a different secret, or the body changed after signing)";
    return result(
      "signature_mismatch",
      `The signature does not match the payload under ${under} ${why}${stale}.`,
      match,
    );
  }
  if (!within) {
    const cause =
      ageMs < 0 ? "check the clocks of this machine and the sender" : "an old delivery or a replay";
    return result(
      "timestamp_outside_tolerance",
      `Signature valid, but the timestamp is ${age}: ${cause}.`,
      match,
    );
  }
  const which = configured === 1 ? "" : ` with secrets[${match.secret}]`;
  const how = match.normalized ? " (on the compact form of the reformatted body)" : "";
  return result("ok", `Signature valid${which}${how}, timestamp ${age}.`, match);
}

function checkInput(payload: unknown, secrets: unknown, tolerance: unknown, now: unknown): string | null {
  if (typeof payload !== "string")
    return `payload must be the raw body as a string; got ${typeName(payload)}.`;
  if (!Array.isArray(secrets)) return `secrets must be an array of strings; got ${typeName(secrets)}.`;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    return `toleranceSeconds must be a finite number >= 0; got ${typeof tolerance === "number" ? tolerance : typeName(tolerance)}.`;
  }
  if (typeof now !== "number" || !Number.isFinite(now)) return "now must be a finite number of milliseconds.";
  return null;
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function parseHeader(header: unknown): ParsedHeader {
  const parsed: ParsedHeader = { error: null, timestampText: null, timestampMs: null, signatures: [] };
  const fail = (message: string): void => {
    parsed.error ??= message;
  };
  if (typeof header !== "string") {
    fail("No WorkOS-Signature header was given.");
    return parsed;
  }
  if (header.length > MAX_HEADER_LENGTH) {
    fail(`The header is ${header.length} characters long; at most ${MAX_HEADER_LENGTH} are accepted.`);
    return parsed;
  }
  if (header.trim() === "") {
    fail("The WorkOS-Signature header is empty.");
    return parsed;
  }
  let timestampCount = 0;
  let signatureCount = 0;
  const items = header.split(",");
  for (let i = 0; i < items.length; i++) {
    const item = (items[i] as string).trim();
    if (item === "") {
      fail(`Item ${i + 1} of the header is empty (two commas in a row, or a leading or trailing comma).`);
      continue;
    }
    const eq = item.indexOf("=");
    const key = eq === -1 ? "" : item.slice(0, eq);
    if (eq <= 0 || key.trim() !== key) {
      fail(`Header item '${clip(item)}' is not of the form key=value.`);
      continue;
    }
    const value = item.slice(eq + 1);
    if (key === "t") {
      timestampCount++;
      if (timestampCount === 1) readTimestamp(value, parsed, fail);
    } else if (key === "v1") {
      signatureCount++;
      const bytes = value.length === 64 ? Buffer.from(value, "hex") : null;
      // Node's hex decoder stops at the first bad pair, so 32 bytes means all 64 characters were hex.
      if (bytes?.length !== 32)
        fail(`v1 must be 64 hex characters; got ${value.length} characters${bytes ? " (not all hex)" : ""}.`);
      else if (signatureCount <= MAX_SIGNATURES) parsed.signatures.push(bytes);
    }
  }
  if (timestampCount > 1) {
    fail(`The header has ${timestampCount} t items; exactly one is allowed.`);
    parsed.timestampText = null;
    parsed.timestampMs = null;
  }
  if (signatureCount > MAX_SIGNATURES)
    fail(`The header has ${signatureCount} v1 items; at most ${MAX_SIGNATURES} are accepted.`);
  if (timestampCount === 0) fail("The header has no t timestamp.");
  if (signatureCount === 0) {
    fail(
      /(^|,)\s*V1=/.test(header)
        ? "The header has no v1 signature (keys are lowercase: v1, not V1)."
        : "The header has no v1 signature.",
    );
  }
  return parsed;
}

function readTimestamp(value: string, parsed: ParsedHeader, fail: (message: string) => void): void {
  if (!DIGITS.test(value)) {
    fail(`t must be milliseconds since the epoch (decimal digits only); got '${clip(value)}'.`);
    return;
  }
  const ms = Number(value);
  if (value.length > 16 || ms > MAX_TIME_MS) {
    fail(`t=${clip(value)} is out of range for a date.`);
    return;
  }
  parsed.timestampText = value;
  parsed.timestampMs = ms;
}

function countUsableSecrets(secrets: readonly string[], notes: string[]): number {
  let usable = 0;
  for (let i = 0; i < secrets.length; i++) {
    const secret: unknown = secrets[i];
    if (typeof secret === "string" && secret !== "") usable++;
    else
      notes.push(
        `secrets[${i}] is ${typeof secret === "string" ? "empty" : "not a string"} and was skipped.`,
      );
  }
  return usable;
}

function payloadSizeError(payload: string): string | null {
  // UTF-8 needs at least one byte and at most three per UTF-16 unit, so byteLength is rarely needed.
  if (payload.length > MAX_PAYLOAD_BYTES)
    return `The payload is over ${MAX_PAYLOAD_BYTES} bytes, the most verified.`;
  if (payload.length * 3 <= MAX_PAYLOAD_BYTES) return null;
  const bytes = Buffer.byteLength(payload, "utf8");
  return bytes > MAX_PAYLOAD_BYTES
    ? `The payload is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES} are verified.`
    : null;
}

function findMatchingSecret(
  secrets: readonly string[],
  timestampText: string,
  body: string,
  signatures: readonly Buffer[],
): number | null {
  for (let i = 0; i < secrets.length; i++) {
    const secret: unknown = secrets[i];
    if (typeof secret !== "string" || secret === "") continue;
    const expected = createHmac("sha256", secret).update(`${timestampText}.${body}`).digest();
    let hit = false;
    // Every v1 is compared, so timing does not depend on which one matched.
    for (const signature of signatures) hit = timingSafeEqual(expected, signature) || hit;
    if (hit) return i;
  }
  return null;
}

function compactForm(payload: string): string | null {
  try {
    const compact = JSON.stringify(JSON.parse(payload));
    return typeof compact === "string" && compact !== payload ? compact : null;
  } catch {
    // Not JSON, or nested too deeply to re-serialise: there is no compact form to try.
    return null;
  }
}

function describeAge(ageMs: number, toleranceSeconds: number): string {
  const seconds = Math.round(Math.abs(ageMs)) / 1000;
  const when = ageMs < 0 ? `${seconds} s in the future` : `${seconds} s old`;
  const side = Math.abs(ageMs) <= toleranceSeconds * 1000 ? "within" : "outside";
  return `${when}, ${side} the ${toleranceSeconds} s tolerance`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
