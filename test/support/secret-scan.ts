import { format } from "node:util";
import { afterAll, beforeAll, expect } from "vitest";

// Runs in every test file (vitest setupFiles): whatever the suite prints to stderr and every tool result
// the harness sees is scanned for the secrets the tests configured. A leak anywhere fails the file.
const secrets = new Set<string>();
const outputs: string[] = [];

/** A value that must never appear in output: an API key or a webhook secret. */
export function registerSecret(...values: string[]): void {
  for (const value of values) secrets.add(value);
}

/** Something the server said: a tool result, an error text, a log line. */
export function recordOutput(text: string): void {
  outputs.push(text);
}

let restore: (() => void) | undefined;

beforeAll(() => {
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    recordOutput(String(chunk));
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  // vitest routes console output around process.stderr, so console.error and console.warn are watched too.
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    recordOutput(format(...args));
    error(...args);
  };
  console.warn = (...args: unknown[]) => {
    recordOutput(format(...args));
    warn(...args);
  };
  restore = () => {
    process.stderr.write = original;
    console.error = error;
    console.warn = warn;
  };
});

afterAll(() => {
  restore?.();
  for (const secret of secrets) {
    const leaks = outputs.filter((text) => text.includes(secret));
    expect(leaks, `a configured secret appeared in output: ${leaks[0]?.slice(0, 200)}`).toEqual([]);
  }
});
