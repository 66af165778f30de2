import { quote } from "../../mcp/quote.js";
import { AUDIT_LOG_EXPORT_ID_PREFIX } from "../../workos/audit-log-export.js";

/** What the export's state means for the user, and what to do next, in our words. */
// The state is read as a string: WorkOS may add states the model does not know yet (see readable).
export function exportState(value: { id: string; state: string }): string {
  const id = quote.id(value.id, AUDIT_LOG_EXPORT_ID_PREFIX, "The export");
  switch (value.state) {
    case "pending":
      return `Export ${id} is still being prepared (pending): call get_audit_log_export again in a few seconds for its download URL.`;
    case "ready":
      return `Export ${id} is ready: its CSV file downloads from url, which works for 10 minutes; get_audit_log_export gives a fresh one.`;
    case "error":
      return `WorkOS could not build export ${id} (state error): create_audit_log_export makes a new one.`;
    case "expired":
      return `Export ${id} has expired: its file is gone; create_audit_log_export makes a new one.`;
    default:
      return `Export ${id} is in state ${quote.word(value.state, "(see data)")}.`;
  }
}
