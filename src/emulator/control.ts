import { ApiError } from "./errors.js";
import type { OperationsReport } from "./operations.js";
import type { Reply } from "./router.js";

/** What the control API may touch; implemented by the running emulator. */
export interface ControlTarget {
  addFault(raw: unknown): Record<string, unknown>;
  listFaults(): unknown[];
  clearFaults(): void;
  listRequests(): readonly unknown[];
  clearRequests(): void;
  reset(): void;
  /** The SMS messages MFA challenges "sent", with their codes. */
  listSmsMessages(): readonly unknown[];
  /** Publishes a DNS TXT record, so verifying an organization domain can find it. */
  publishDnsRecord(raw: unknown): Record<string, unknown>;
  /** The spec's operations the emulator serves, derived from its routes. */
  listOperations(): OperationsReport;
  /** An access token of the emulator's authorization server for a seeded user, as a test asks for it. */
  mintAccessToken(raw: unknown): { access_token: string };
  /** The Audit Logs events recorded (POST /audit_logs/events and the seed's), oldest first, as stored. */
  listAuditLogEvents(): readonly unknown[];
}

/** The /_emulator/ control API for tests. */
export function handleControl(method: string, path: string, body: unknown, target: ControlTarget): Reply {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "POST /_emulator/faults": {
      const items = Array.isArray(body) ? body : [body];
      const added = items.map((item) => target.addFault(item));
      return { status: 201, body: Array.isArray(body) ? { object: "list", data: added } : added[0] };
    }
    case "GET /_emulator/faults":
      return { status: 200, body: { object: "list", data: target.listFaults() } };
    case "DELETE /_emulator/faults":
      target.clearFaults();
      return { status: 204 };
    case "GET /_emulator/requests":
      return { status: 200, body: { object: "list", data: target.listRequests() } };
    case "DELETE /_emulator/requests":
      target.clearRequests();
      return { status: 204 };
    case "GET /_emulator/sms":
      return { status: 200, body: { object: "list", data: target.listSmsMessages() } };
    case "POST /_emulator/dns_records":
      return { status: 201, body: target.publishDnsRecord(body) };
    case "GET /_emulator/operations":
      return { status: 200, body: target.listOperations() };
    case "POST /_emulator/oauth/tokens":
      return { status: 200, body: target.mintAccessToken(body) };
    case "GET /_emulator/audit_logs":
      return { status: 200, body: { object: "list", data: target.listAuditLogEvents() } };
    case "POST /_emulator/reset":
      target.reset();
      return { status: 204 };
    default:
      throw new ApiError(404, { message: `Unknown control endpoint: ${method} ${path}` });
  }
}
