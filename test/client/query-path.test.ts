import { describe, expect, it } from "vitest";
import { InvalidPathError } from "../../src/client/errors.js";
import { assertSafePath, path } from "../../src/client/path.js";
import { encodeQuery } from "../../src/client/query.js";

describe("encodeQuery", () => {
  it.each([
    ["undefined query", undefined, ""],
    ["empty query", {}, ""],
    ["simple", { limit: 10, order: "asc" }, "?limit=10&order=asc"],
    ["undefined and null dropped", { a: undefined, b: null, c: "x" }, "?c=x"],
    ["empty string dropped like the SDK", { search: "", limit: 5 }, "?limit=5"],
    [
      "array comma-joined into ONE parameter",
      { domains: ["acme.com", "acme.io"] },
      "?domains=acme.com%2Cacme.io",
    ],
    ["single-element array", { domains: ["acme.com"] }, "?domains=acme.com"],
    ["empty array dropped", { domains: [] }, ""],
    ["numbers in arrays", { ids: [1, 2] }, "?ids=1%2C2"],
    ["space becomes +", { search: "Acme Okta" }, "?search=Acme+Okta"],
    [
      "colon encoded",
      { range_start: "2024-01-01T00:00:00.000Z" },
      "?range_start=2024-01-01T00%3A00%3A00.000Z",
    ],
    ["booleans", { flag: true, other: false }, "?flag=true&other=false"],
    ["zero kept", { limit: 0 }, "?limit=0"],
    ["reserved characters escaped", { search: "a&b=c?d#e/f" }, "?search=a%26b%3Dc%3Fd%23e%2Ff"],
    ["unicode", { search: "Zürich 東京" }, "?search=Z%C3%BCrich+%E6%9D%B1%E4%BA%AC"],
    ["key order kept", { order: "desc", domains: ["a"], limit: 3 }, "?order=desc&domains=a&limit=3"],
  ] as const)("%s", (_name, query, expected) => {
    expect(encodeQuery(query)).toBe(expected);
  });
});

describe("path", () => {
  it.each([
    ["plain id", "org_01H", "/organizations/org_01H"],
    [
      "traversal id becomes one segment",
      "org_1/../../directories",
      "/organizations/org_1%2F..%2F..%2Fdirectories",
    ],
    ["query injection", "x?y=1", "/organizations/x%3Fy%3D1"],
    ["fragment", "x#y", "/organizations/x%23y"],
    ["space", "a b", "/organizations/a%20b"],
    ["already-encoded dots are literal", "%2e%2e", "/organizations/%252e%252e"],
    ["three dots are a name", "...", "/organizations/..."],
    ["dot inside", "a.b", "/organizations/a.b"],
    ["unicode", "Zürich", "/organizations/Z%C3%BCrich"],
    ["emoji", "🙂", "/organizations/%F0%9F%99%82"],
    ["backslash", "a\\b", "/organizations/a%5Cb"],
  ])("%s", (_name, id, expected) => {
    expect(path`/organizations/${id}`).toBe(expected);
  });

  it("encodes every segment of a multi-parameter template", () => {
    expect(path`/organizations/${"a/b"}/domains/${"c d"}/verify`).toBe(
      "/organizations/a%2Fb/domains/c%20d/verify",
    );
  });

  it.each([
    ["empty", ""],
    ["dot", "."],
    ["dot-dot", ".."],
  ])("rejects %s", (_name, id) => {
    expect(() => path`/organizations/${id}`).toThrow(InvalidPathError);
  });

  it.each([
    ["number", 42],
    ["undefined", undefined],
    ["null", null],
    ["object", { id: "x" }],
  ])("rejects a %s value", (_name, value) => {
    expect(() => path`/organizations/${value as unknown as string}`).toThrow(InvalidPathError);
  });

  it("rejects a lone surrogate", () => {
    expect(() => path`/organizations/${"\ud800"}`).toThrow(InvalidPathError);
  });

  it("errors carry the invalid_path category and are not retryable", () => {
    try {
      path`/organizations/${".."}`;
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ category: "invalid_path", retryable: false });
    }
  });
});

describe("assertSafePath", () => {
  it.each(["/organizations", "/organizations/org_1", "/organizations/a%2Fb/verify", "/organizations/..."])(
    "accepts %s",
    (value) => {
      expect(() => assertSafePath(value)).not.toThrow();
    },
  );

  it.each([
    "organizations",
    "/organizations/",
    "//organizations",
    "/organizations/./x",
    "/organizations/../directories",
    "/organizations/%2e%2E/directories",
    "/organizations/%2e",
    "/organizations?x=1",
    "/organizations#x",
    "/organizations/a b",
    "/organizations/a\nb",
    "/organizations\\..",
  ])("rejects %j", (value) => {
    expect(() => assertSafePath(value)).toThrow(InvalidPathError);
  });
});
