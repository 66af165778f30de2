import { describe, expect, it } from "vitest";
import { z } from "zod";
import { coerceArguments } from "../../src/tools/coerce.js";

const input = z.strictObject({
  domains: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  limit: z.number().int().optional(),
  flag: z.boolean().optional(),
  name: z.string().optional(),
  piped: z.preprocess((value) => value, z.array(z.string())).optional(),
});

describe("coerceArguments", () => {
  it.each([
    [{ domains: '["a.com","b.com"]' }, { domains: ["a.com", "b.com"] }],
    [{ metadata: '{"tier":"gold"}' }, { metadata: { tier: "gold" } }],
    [{ limit: "25" }, { limit: 25 }],
    [{ flag: "true" }, { flag: true }],
    [{ piped: '["x"]' }, { piped: ["x"] }],
    // Left alone: strings the schema wants, and strings that do not decode to the expected kind.
    [{ name: "[not json]" }, { name: "[not json]" }],
    [{ domains: "a.com" }, { domains: "a.com" }],
    [{ domains: "[broken" }, { domains: "[broken" }],
    [{ metadata: '["array"]' }, { metadata: '["array"]' }],
    [{ limit: "ten" }, { limit: "ten" }],
    [{ unknown: "1" }, { unknown: "1" }],
    // Keys the schema inherits rather than declares are no fields: left for the server to refuse.
    [
      { constructor: "x", toString: "[1]" },
      { constructor: "x", toString: "[1]" },
    ],
  ])("%o -> %o", (args, expected) => {
    expect(coerceArguments(input, args)).toEqual(expected);
  });
});
