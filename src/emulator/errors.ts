import type { SpecOperation } from "./spec-operations.js";

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/** An error response in WorkOS's shape; handlers throw it and the server turns it into JSON. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: Record<string, unknown> & { message: string },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function badRequest(message: string, code?: string): ApiError {
  return new ApiError(400, code === undefined ? { message } : { code, message });
}

export function notFound(message: string): ApiError {
  return new ApiError(404, { code: "entity_not_found", message });
}

export function conflict(message: string, code?: string): ApiError {
  return new ApiError(409, code === undefined ? { message } : { code, message });
}

export function unprocessable(message: string, errors: FieldError[] = []): ApiError {
  return new ApiError(422, { code: "invalid_request_parameters", message, errors });
}

/** 501 for an operation of WorkOS's spec that the emulator does not serve, named so the caller knows which. */
export function notEmulated({ method, template, operationId }: SpecOperation): ApiError {
  return new ApiError(501, {
    code: "not_emulated",
    message: `The WorkOS operation ${method} ${template} (${operationId}) is not emulated; GET /_emulator/operations lists the operations the emulator serves.`,
  });
}
