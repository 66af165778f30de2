import { createHmac } from "node:crypto";

/** Lowercase hex HMAC-SHA256 over `<timestamp>.<payload>`, keyed with the secret's UTF-8 bytes, as WorkOS signs. */
export function computeSignature(timestamp: string | number, payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
}

/** The `WorkOS-Signature` header value exactly as WorkOS sends it. */
export function formatSignatureHeader(timestampMs: number, signature: string): string {
  return `t=${timestampMs}, v1=${signature}`;
}
