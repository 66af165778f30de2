import { format } from "node:util";
import { afterAll, beforeAll, expect } from "vitest";

// Runs in every test file (vitest setupFiles): whatever the suite prints to stdout or stderr and every tool
// result the harness sees is scanned for the secrets the tests configured, plain or JSON-escaped. A leak
// anywhere fails the file.
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

/** The forms a secret can take in output: as is, inside a JSON string, and with every character `\u`-escaped. */
export function leakedForms(secret: string): string[] {
  const units = Array.from({ length: secret.length }, (_, i) =>
    secret.charCodeAt(i).toString(16).padStart(4, "0"),
  );
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    units.map((hex) => `\\u${hex}`).join(""),
    units.map((hex) => `\\u${hex.toUpperCase()}`).join(""),
  ];
  return [...new Set(forms)];
}

const restores: (() => void)[] = [];

function watchStream(stream: NodeJS.WriteStream): void {
  const original = stream.write;
  const bound = original.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    recordOutput(String(chunk));
    return (bound as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restores.push(() => {
    stream.write = original;
  });
}

beforeAll(() => {
  watchStream(process.stdout);
  watchStream(process.stderr);
  // vitest routes console output around the process streams, so each console method is watched too.
  for (const method of ["log", "info", "debug", "error", "warn"] as const) {
    // biome-ignore lint/suspicious/noConsole: wrapped to be watched, not to print
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      recordOutput(format(...args));
      original(...args);
    };
    restores.push(() => {
      console[method] = original;
    });
  }
});

afterAll(() => {
  for (const restore of restores.splice(0)) restore();
  for (const secret of secrets) {
    for (const form of leakedForms(secret)) {
      const leaks = outputs.filter((text) => text.includes(form));
      expect(leaks, `a configured secret appeared in output as ${form}: ${leaks[0]?.slice(0, 200)}`).toEqual(
        [],
      );
    }
  }
});
