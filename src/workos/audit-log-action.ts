import { z } from "zod";
import { auditLogSchema } from "./audit-log-schema.js";

/** An Audit Log action (e.g. "user.signed_in") with its latest schema. */
export const auditLogAction = z.looseObject({
  object: z.literal("audit_log_action"),
  name: z.string(),
  schema: auditLogSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuditLogAction = z.infer<typeof auditLogAction>;
