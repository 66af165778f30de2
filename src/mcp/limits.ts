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

/**
 * A key that JSON.parse keeps but that the SDK's schemas drop without a word (`__proto__`), found anywhere in
 * a message: such a message is refused rather than half-read.
 */
export function forbiddenKeyIn(message: unknown): string | undefined {
  const stack: unknown[] = [message];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (!Array.isArray(node) && Object.hasOwn(node, "__proto__")) return "__proto__";
    for (const child of Object.values(node))
      if (typeof child === "object" && child !== null) stack.push(child);
  }
  return undefined;
}
