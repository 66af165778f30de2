import { z } from "zod";
import { AUDIT_LOG_STATES } from "../workos-vocabulary.js";

/** How long an organization's Audit Log events are kept (null: not configured). */
export const auditLogsRetention = z.looseObject({
  retention_period_in_days: z.number().int().nullable(),
});
export type AuditLogsRetention = z.infer<typeof auditLogsRetention>;

/** An organization's Audit Log trail and stream configuration in one view. */
export const auditLogConfiguration = z.looseObject({
  organization_id: z.string(),
  retention_period_in_days: z.number().int(),
  state: z.enum(AUDIT_LOG_STATES),
  log_stream: z.looseObject({}).optional(),
});
export type AuditLogConfiguration = z.infer<typeof auditLogConfiguration>;
