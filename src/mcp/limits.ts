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

/** Where a key is in a value: object keys and array indices, outermost first. */
export type KeyPath = (string | number)[];

/**
 * The path to the first key of `keys` anywhere in the value, or undefined. `skip` is a subtree left out
 * (compared by identity).
 */
export function keyPathIn(value: unknown, keys: readonly string[], skip?: unknown): KeyPath | undefined {
  const stack: [unknown, KeyPath][] = [[value, []]];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, KeyPath];
    if (typeof node !== "object" || node === null || node === skip || seen.has(node)) continue;
    seen.add(node);
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    const found = entries.find(([key]) => typeof key === "string" && keys.includes(key));
    if (found !== undefined) return [...path, found[0]];
    for (const [key, child] of entries.reverse()) stack.push([child, [...path, key]]);
  }
  return undefined;
}

/**
 * A key that JSON.parse keeps but that the SDK's schemas drop without a word (`__proto__`), found anywhere in
 * a message: such a message is refused rather than half-read. A tool call's arguments are left to the
 * server, which reads them as sent and refuses such a key as a tool error the model can act on.
 */
export function forbiddenKeyIn(message: unknown): string | undefined {
  const { method, params } = (message ?? {}) as { method?: unknown; params?: { arguments?: unknown } };
  const toolArguments = method === "tools/call" ? params?.arguments : undefined;
  return keyPathIn(message, ["__proto__"], toolArguments) === undefined ? undefined : "__proto__";
}
