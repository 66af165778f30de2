import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  errorFromResponse,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  WorkOSApiError,
  WorkOSError,
  WorkOSParseError,
} from "../../src/client/errors.js";

const json = (value: unknown) => JSON.stringify(value);
const REQUEST = { "x-request-id": "req_01ABC" };

describe("errorFromResponse: class, category and retryable per status", () => {
  it.each([
    [400, BadRequestError, "invalid_request", false],
    [401, AuthenticationError, "authentication", false],
    [403, PermissionDeniedError, "permission", false],
    [404, NotFoundError, "not_found", false],
    [405, WorkOSApiError, "invalid_request", false],
    [408, WorkOSApiError, "timeout", true],
    [409, ConflictError, "conflict", false],
    [422, UnprocessableEntityError, "validation", false],
    [429, RateLimitError, "rate_limit", true],
    [500, ServerError, "server", true],
    [501, ServerError, "server", false],
    [502, ServerError, "server", true],
    [503, ServerError, "server", true],
    [504, ServerError, "server", true],
  ] as const)("%i", (status, type, category, retryable) => {
    const error = errorFromResponse(status, REQUEST, json({ message: "m" }));
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(WorkOSApiError);
    expect(error).toBeInstanceOf(WorkOSError);
    expect(error).toMatchObject({ status, category, retryable, message: "m", requestId: "req_01ABC" });
    expect(error.name).toBe(type.name);
  });
});

describe("errorFromResponse: bodies", () => {
  it("404 with message and code gives a readable summary", () => {
    const error = errorFromResponse(
      404,
      REQUEST,
      json({ message: "Organization not found: 'org_123'.", code: "entity_not_found" }),
    );
    expect(error.message).toBe("Organization not found: 'org_123'.");
    expect(error.code).toBe("entity_not_found");
    expect(error.summary).toBe(
      "404 entity_not_found: Organization not found: 'org_123'. (request req_01ABC)",
    );
    expect(String(error)).toBe(`NotFoundError: ${error.summary}`);
  });

  it("400 keeps code and errors[]", () => {
    const error = errorFromResponse(
      400,
      REQUEST,
      json({
        message: "Validation failed",
        code: "invalid_request_parameters",
        errors: [{ field: "domain_data", code: "invalid_domain" }],
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe("invalid_request_parameters");
    expect(error.errors).toEqual([{ field: "domain_data", code: "invalid_domain" }]);
    expect(error.summary).toContain("[domain_data: invalid_domain]");
  });

  it("422 keeps every field error with its message", () => {
    const error = errorFromResponse(
      422,
      {},
      json({
        message: "Validation failed",
        code: "invalid_request_parameters",
        errors: [
          { field: "name", code: "required", message: "name is required" },
          { field: "limit", code: "out_of_range" },
          { code: "unknown_parameter" },
          "bare_code",
          42,
        ],
      }),
    );
    expect(error.errors).toEqual([
      { field: "name", code: "required", message: "name is required" },
      { field: "limit", code: "out_of_range" },
      { code: "unknown_parameter" },
      { code: "bare_code" },
    ]);
    expect(error.message).toBe("Validation failed");
    expect(error.requestId).toBeUndefined();
    expect(error.summary).toBe(
      "422 invalid_request_parameters: Validation failed [name: required (name is required); limit: out_of_range; unknown_parameter; bare_code]",
    );
  });

  it("429 reads Retry-After seconds", () => {
    const error = errorFromResponse(
      429,
      { "retry-after": "7", "x-request-id": "req_9" },
      json({ message: "Too many", code: "rate_limit_exceeded" }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 7000, code: "rate_limit_exceeded", requestId: "req_9" });
  });

  it("429 with a bare JSON string body", () => {
    const error = errorFromResponse(429, {}, json("Ratelimited"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe("Ratelimited");
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("OAuth-style error and error_description", () => {
    const error = errorFromResponse(
      400,
      {},
      json({ error: "invalid_grant", error_description: "The code has expired." }),
    );
    expect(error).toMatchObject({ code: "invalid_grant", message: "The code has expired." });
  });

  it("500 with an empty object falls back to the status text", () => {
    const error = errorFromResponse(500, {}, "{}");
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("Internal Server Error");
    expect(error.summary).toBe("500: Internal Server Error");
  });

  it("empty body", () => {
    const error = errorFromResponse(403, {}, "");
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toBe("Forbidden");
  });

  it("keeps the parsed body", () => {
    const error = errorFromResponse(409, {}, json({ message: "dup", extra: 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).body).toEqual({ message: "dup", extra: 1 });
  });

  it("HTML body gives a parse error with status, excerpt and request id", () => {
    const html = `<html>\n  <head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(500)}</body></html>`;
    const error = errorFromResponse(502, { "X-Request-ID": "req_html" }, html);
    expect(error).toBeInstanceOf(WorkOSParseError);
    const parseError = error as WorkOSParseError;
    expect(parseError).toMatchObject({
      status: 502,
      category: "invalid_response",
      retryable: true,
      requestId: "req_html",
    });
    expect(parseError.excerpt.startsWith("<html> <head><title>502 Bad Gateway</title></head>")).toBe(true);
    expect(parseError.excerpt.length).toBeLessThanOrEqual(201);
    expect(parseError.message).toContain("HTTP 502");
    expect(parseError.summary).toContain("502");
  });

  it("non-JSON 404 is not retryable", () => {
    const error = errorFromResponse(404, {}, "Not Found");
    expect(error).toBeInstanceOf(WorkOSParseError);
    expect(error.retryable).toBe(false);
  });

  it("reads headers from a fetch Headers object and from arrays", () => {
    expect(errorFromResponse(404, new Headers({ "X-Request-ID": "req_h" }), "{}").requestId).toBe("req_h");
    expect(errorFromResponse(404, { "x-request-id": ["req_a", "req_b"] }, "{}").requestId).toBe("req_a");
  });

  it("ignores a garbage Retry-After", () => {
    expect(errorFromResponse(503, { "retry-after": "soon" }, "{}").retryAfterMs).toBeUndefined();
  });
});
