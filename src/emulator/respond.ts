import type { ServerResponse } from "node:http";
import type { Reply } from "./router.js";

const JSON_TYPE = "application/json; charset=utf-8";

/** Writes a reply; JSON bodies get a JSON content type, a reply without a body gets none (an empty body is not JSON). */
export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  let payload = "";
  let contentType: string | undefined;
  if (reply.raw !== undefined) {
    payload = reply.raw;
    contentType = reply.raw.trimStart().startsWith("<")
      ? "text/html; charset=utf-8"
      : "text/plain; charset=utf-8";
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    contentType = JSON_TYPE;
  }
  const headers: Record<string, string | number> = {};
  if (reply.status !== 204) {
    if (contentType !== undefined) headers["content-type"] = contentType;
    headers["content-length"] = Buffer.byteLength(payload);
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 ? undefined : payload);
}
