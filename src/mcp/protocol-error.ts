/**
 * A JSON-RPC error for the SDK to send. Not an McpError: its message already starts "MCP error <code>:", and
 * the client adds that prefix again ("MCP error -32602: MCP error -32602: …").
 */
export function protocolError(code: number, message: string, data?: unknown): Error {
  return Object.assign(
    new Error(message),
    { code, [PROTOCOL_ERROR]: true },
    data === undefined ? {} : { data },
  );
}

const PROTOCOL_ERROR = Symbol("protocol error");

/** Whether an error is one for the SDK to send as it is (made by protocolError). */
export function isProtocolError(error: unknown): error is Error & { code: number } {
  return error instanceof Error && PROTOCOL_ERROR in error;
}

/** JSON-RPC's code for a request whose parameters are wrong (the SDK's ErrorCode.InvalidParams). */
export const INVALID_PARAMS = -32602;
