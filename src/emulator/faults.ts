import { newId } from "./ids.js";
import { FieldErrors, isRecord } from "./validate.js";

export type FaultAction = "reset" | "reset_after" | "hang" | "malformed_json";

/** A queued fault as accepted by POST /_emulator/faults. */
export interface Fault {
  id: string;
  method: string;
  path: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay_ms?: number;
  action?: FaultAction;
  /** With action "reset": run the real handler, then drop the connection instead of answering. */
  after_handling?: boolean;
  times: number;
}

const ACTIONS: readonly string[] = ["reset", "reset_after", "hang", "malformed_json"];

/** Longer fault paths are refused: no real path comes near it, and matching stays cheap. */
export const MAX_FAULT_PATH_LENGTH = 1024;

/**
 * A `*` glob as a matcher that never backtracks: the first and last pieces are anchored, each piece between
 * is taken at its first place after the one before. A regular expression of `*a*a…b` backtracks for seconds.
 */
export function globMatcher(pattern: string): (text: string) => boolean {
  const pieces = pattern.split("*");
  const first = pieces[0] as string;
  if (pieces.length === 1) return (text) => text === first;
  const last = pieces.at(-1) as string;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== "");
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last))
      return false;
    const end = text.length - last.length;
    let at = first.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found === -1 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

export function parseFault(raw: unknown): Fault {
  const errors = new FieldErrors();
  if (!isRecord(raw)) {
    errors.add("body", "invalid_body", "A fault must be a JSON object.");
    errors.throwIfAny();
  }
  const f = raw as Record<string, unknown>;
  if (typeof f.method !== "string" || f.method === "")
    errors.add("method", "required", 'method is required (or "*").');
  if (typeof f.path !== "string" || f.path === "")
    errors.add("path", "required", 'path is required ("*" wildcards allowed).');
  else if (f.path.length > MAX_FAULT_PATH_LENGTH)
    errors.add("path", "too_long", `path must be at most ${MAX_FAULT_PATH_LENGTH} characters.`);
  if (
    f.status !== undefined &&
    !(Number.isInteger(f.status) && (f.status as number) >= 100 && (f.status as number) <= 599)
  ) {
    errors.add("status", "invalid_status", "status must be an integer HTTP status.");
  }
  if (
    f.headers !== undefined &&
    !(isRecord(f.headers) && Object.values(f.headers).every((v) => typeof v === "string"))
  ) {
    errors.add("headers", "invalid_headers", "headers must be an object of strings.");
  }
  if (f.delay_ms !== undefined && !(Number.isInteger(f.delay_ms) && (f.delay_ms as number) >= 0)) {
    errors.add("delay_ms", "invalid_delay", "delay_ms must be a non-negative integer.");
  }
  if (f.action !== undefined && !ACTIONS.includes(f.action as string)) {
    errors.add("action", "invalid_action", `action must be one of ${ACTIONS.join(", ")}.`);
  }
  if (f.after_handling !== undefined && typeof f.after_handling !== "boolean") {
    errors.add("after_handling", "invalid_type", "after_handling must be a boolean.");
  }
  if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times as number) >= 1)) {
    errors.add("times", "invalid_times", "times must be a positive integer.");
  }
  if (f.status === undefined && f.action === undefined && f.delay_ms === undefined) {
    errors.add("status", "nothing_to_do", "give at least one of status, action or delay_ms.");
  }
  errors.throwIfAny();
  const fault: Fault = {
    id: newId("fault"),
    method: (f.method as string).toUpperCase(),
    path: f.path as string,
    times: (f.times as number | undefined) ?? 1,
  };
  if (f.status !== undefined) fault.status = f.status as number;
  if (f.body !== undefined) fault.body = f.body;
  if (f.headers !== undefined) fault.headers = f.headers as Record<string, string>;
  if (f.delay_ms !== undefined) fault.delay_ms = f.delay_ms as number;
  if (f.action === "reset_after" || (f.action === "reset" && f.after_handling === true)) {
    fault.action = "reset";
    fault.after_handling = true;
  } else if (f.action !== undefined) fault.action = f.action as FaultAction;
  return fault;
}

/** Faults in FIFO order; each fires `times` times on requests matching method and path. */
export class FaultQueue {
  private faults: { fault: Fault; matches: (path: string) => boolean; remaining: number }[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, matches: globMatcher(fault.path), remaining: fault.times });
  }

  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => (f.fault.method === "*" || f.fault.method === method) && f.matches(path),
    );
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  list(): (Fault & { remaining: number })[] {
    return this.faults.map((f) => ({ ...f.fault, remaining: f.remaining }));
  }

  clear(): void {
    this.faults = [];
  }
}
