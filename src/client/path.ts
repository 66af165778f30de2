import { InvalidPathError } from "./errors.js";

const DOT_SEGMENTS = new Set(["", ".", ".."]);

function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : typeof value;
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * Builds an API path with every interpolated value percent-encoded as ONE segment, so an id such as
 * `org_1/../../directories` or `x?y=1` cannot reach another endpoint. Throws InvalidPathError (before any
 * request) for a value that is not a string or is "", "." or "..".
 *
 * @example path`/organizations/${id}` // "/organizations/org_123"
 */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  let result = strings[0] ?? "";
  segments.forEach((segment: unknown, index) => {
    if (typeof segment !== "string") {
      throw new InvalidPathError(`Path parameter ${index + 1} must be a string, got ${describe(segment)}.`);
    }
    if (DOT_SEGMENTS.has(segment)) {
      throw new InvalidPathError(`Path parameter ${index + 1} must not be ${describe(segment)}.`);
    }
    let encoded: string;
    try {
      encoded = encodeURIComponent(segment);
    } catch {
      throw new InvalidPathError(`Path parameter ${index + 1} is not valid Unicode.`);
    }
    result += encoded + (strings[index + 1] ?? "");
  });
  assertSafePath(result);
  return result;
}

/**
 * Checks a finished request path: absolute, no query or fragment, no empty, "." or ".." segment
 * (also percent-encoded, as URL parsers decode `%2e`). The client runs this on every request.
 */
export function assertSafePath(value: string): void {
  if (!value.startsWith("/")) throw new InvalidPathError(`Path ${describe(value)} must start with "/".`);
  if (/[?#\\\s]/.test(value) || hasControlCharacter(value)) {
    throw new InvalidPathError(`Path ${describe(value)} contains a character that must be percent-encoded.`);
  }
  for (const segment of value.slice(1).split("/")) {
    if (DOT_SEGMENTS.has(segment.replace(/%2e/gi, "."))) {
      throw new InvalidPathError(`Path ${describe(value)} has an empty, "." or ".." segment.`);
    }
  }
}

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
