import { createHmac } from "node:crypto";
import { expect } from "vitest";
import type { VerifyWebhookInput, WebhookVerificationResult } from "../../src/webhooks/verify.js";
import { verifyWebhook } from "../../src/webhooks/verify.js";

export const NOW = 1_705_320_000_000;
export const SECRET = "wh_sec_test_Q7vL2mX9pR4tK8sN1bC6";
export const OTHER_SECRET = "wh_sec_other_Z3yH5jF0gD2aW7eU9iO4";

/** Independent reference signer: node:crypto directly, over the UTF-8 bytes of `<t>.<body>`. */
export function sign(timestamp: string | number, body: string, secret: string = SECRET): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${timestamp}.${body}`, "utf8"))
    .digest("hex");
}

export function header(timestamp: string | number, body: string, secret: string = SECRET): string {
  return `t=${timestamp}, v1=${sign(timestamp, body, secret)}`;
}

/** Calls the verifier and checks, for every case, that no configured secret leaks into the result. */
export function verify(input: VerifyWebhookInput): WebhookVerificationResult {
  const result = verifyWebhook(input);
  const text = JSON.stringify(result);
  const secrets: readonly unknown[] = Array.isArray(input.secrets) ? input.secrets : [];
  for (const secret of secrets) {
    if (typeof secret === "string" && secret !== "") expect(text).not.toContain(secret);
  }
  return result;
}
