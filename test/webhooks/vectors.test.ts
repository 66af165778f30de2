import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

// Vendored with the repo (see test/fixtures/README.md), so a missing file is an error, not a skip.
const file = fileURLToPath(new URL("../fixtures/webhook-vectors.json", import.meta.url));
const vectors = (JSON.parse(readFileSync(file, "utf8")) as { vectors: Vector[] }).vectors;

describe("webhook test vectors (test/fixtures/webhook-vectors.json)", () => {
  it("has vectors to check", () => {
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
