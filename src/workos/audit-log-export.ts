import { z } from "zod";
import { AUDIT_LOG_EXPORT_STATES } from "../workos-vocabulary.js";

export const AUDIT_LOG_EXPORT_ID_PREFIX = "audit_log_export";

/** An export of one organization's Audit Log events in a date range, downloadable from `url` when ready. */
export const auditLogExport = z.looseObject({
  object: z.literal("audit_log_export"),
  id: z.string(),
  state: z.enum(AUDIT_LOG_EXPORT_STATES),
  url: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuditLogExport = z.infer<typeof auditLogExport>;
