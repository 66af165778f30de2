import { z } from "zod";

/** A JSON Schema object (the subset WorkOS stores for an action's metadata). */
const jsonSchema = z.record(z.string(), z.unknown());

/** One version of the schema an Audit Log action's events are validated against. */
export const auditLogSchema = z.looseObject({
  object: z.literal("audit_log_schema"),
  version: z.number().int(),
  actor: z.looseObject({ metadata: jsonSchema }).optional(),
  targets: z.array(z.looseObject({ type: z.string(), metadata: jsonSchema.optional() })),
  metadata: jsonSchema.optional(),
  created_at: z.string(),
});
export type AuditLogSchema = z.infer<typeof auditLogSchema>;
