import { z } from "zod";
import { type AuditLogAction, auditLogAction, auditLogActionSummary } from "../../workos/audit-log-action.js";
import { defineTool, READ } from "../define.js";
import { listOf } from "../page.js";
import { listParams } from "../params.js";

/** More actions than an environment defines in practice: the walk stops here and says so. */
const MOST = 1_000;

export default defineTool({
  name: "list_audit_log_actions",
  title: "List Audit Log Actions",
  description:
    "List the audit log actions events can be recorded and exported with (e.g. user.signed_in), each with what " +
    "its latest schema asks of events: target types and metadata fields. detail full gives the JSON Schemas.",
  toolset: "audit_logs",
  // Actions and their schemas are the environment's, shared by every organization.
  organization: "none",
  input: z.strictObject({ detail: listParams.detail }),
  output: listOf(auditLogAction),
  list: { noun: "audit log action", ...auditLogActionSummary },
  annotations: READ,
  notes: ({ data }) =>
    data.length === MOST ? [`Only the first ${MOST} actions are listed; the environment has more.`] : [],
  // WorkOS pages actions like any list, but an environment has tens of them: one call returns them all, and the
  // tool needs no cursor parameters (each would cost every turn its tokens).
  handler: async (_, { client, signal }) => {
    const data: AuditLogAction[] = [];
    for await (const action of client.items<AuditLogAction>("/audit_logs/actions", {
      maxItems: MOST,
      signal,
    }))
      data.push(action);
    return { data, list_metadata: { before: null, after: null } };
  },
});
