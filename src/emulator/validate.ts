import { type FieldError, unprocessable } from "./errors.js";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    throw unprocessable("The request body must be a JSON object.", [{ field: "body", code: "invalid_body" }]);
  }
  return body;
}

/** Collects field errors and throws one 422 listing all of them. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const summary = this.errors.map((e) => e.message).join(" ");
    throw unprocessable(`Validation failed: ${summary}`, this.errors);
  }
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** `a,b` and repeated parameters both become one list; an empty value means no filter. */
export function commaList(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  const list = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return list.length > 0 ? list : undefined;
}

export function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}
