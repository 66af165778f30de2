import { MAX_HEADER_LENGTH, MAX_PAYLOAD_BYTES } from "../webhooks/verify.js";

/**
 * The largest MCP message read, over stdio or HTTP. The largest argument any tool takes is a pasted webhook
 * body; at its limit it must fit even when the client escapes every character as `\uXXXX` (6 bytes each).
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

// Checked where it is declared: a documented input limit that could not arrive would be a broken promise.
if (6 * (MAX_PAYLOAD_BYTES + MAX_HEADER_LENGTH) + 64 * 1024 > MAX_MESSAGE_BYTES) {
  throw new Error("MAX_MESSAGE_BYTES must hold validate_webhook's largest arguments, escaped");
}
