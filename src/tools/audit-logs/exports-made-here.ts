import type { ToolContext } from "../define.js";

// WorkOS's export object names no organization, so a server pinned to one cannot ask whose an export is. It
// knows whose the exports are that it created itself (create_audit_log_export takes the organization), and
// remembers them, so a pinned server can read the exports it made and no other.

/** How many exports are remembered; the oldest is forgotten first. */
const REMEMBERED = 1_000;

const organizationOfExport = new Map<string, string>();

/** Remembers an export this server created, and for which organization. */
export function rememberExport(exportId: string, organizationId: string): void {
  organizationOfExport.delete(exportId);
  organizationOfExport.set(exportId, organizationId);
  if (organizationOfExport.size > REMEMBERED) {
    const oldest = organizationOfExport.keys().next().value;
    if (oldest !== undefined) organizationOfExport.delete(oldest);
  }
}

/** The organization an export was created for by this server; undefined for any other export. */
export async function ownerOfExport(
  input: Record<string, unknown>,
  _context: ToolContext,
): Promise<string | undefined> {
  const id = input.audit_log_export_id;
  return typeof id === "string" ? organizationOfExport.get(id) : undefined;
}

/** What a pinned server's model may do when an export is refused. */
export const EXPORT_HINT =
  "WorkOS does not say whose an export is, so a pinned server reads only the exports it created " +
  "(since it started): create the export again with create_audit_log_export.";
