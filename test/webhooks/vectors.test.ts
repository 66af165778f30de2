import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { verify } from "./helpers.js";

interface Vector {
  id: string;
  description: string;
  secret?: string;
  secrets?: string[];
  payload: string;
  header: string;
  now_ms: number;
  tolerance_seconds: number;
  expect: Record<string, unknown> & { valid: boolean; reason: string };
}

// Only the contract tests may skip without ../shared; the verdicts here are required, so a missing file fails.
const file = resolve(process.cwd(), "../shared/webhook-vectors.json");
const present = existsSync(file);
const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(file, "utf8")) as { vectors: Vector[] }).vectors
  : [];

describe(`shared webhook vectors (${file})`, () => {
  it("has vectors to check", () => {
    expect(present, `${file} is missing`).toBe(true);
    expect(vectors.length).toBeGreaterThan(0);
  });

  it.each(vectors.map((v) => [v.id, v] as const))("%s", (_id, vector) => {
    const result = verify({
      payload: vector.payload,
      header: vector.header,
      secrets: vector.secrets ?? (vector.secret === undefined ? [] : [vector.secret]),
      toleranceSeconds: vector.tolerance_seconds,
      now: vector.now_ms,
    });
    expect(result.valid, result.message).toBe(vector.expect.valid);
    for (const [key, value] of Object.entries(vector.expect)) {
      expect(result, `${vector.id}: ${vector.description}`).toHaveProperty(key, value);
    }
  });
});
