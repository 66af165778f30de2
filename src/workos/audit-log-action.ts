import { z } from "zod";
import { auditLogSchema } from "./audit-log-schema.js";
import { defineSummary } from "./summary.js";

/** An Audit Log action (e.g. "user.signed_in") with its latest schema. */
export const auditLogAction = z.looseObject({
  object: z.literal("audit_log_action"),
  name: z.string(),
  schema: auditLogSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export type AuditLogAction = z.infer<typeof auditLogAction>;

/** The fields a metadata JSON Schema declares, as "name: type", required ones marked; none when it declares none. */
function fieldsOf(schema: Record<string, unknown> | undefined): string[] | undefined {
  const properties = schema?.properties;
  if (typeof properties !== "object" || properties === null) return undefined;
  const required = new Set(Array.isArray(schema?.required) ? schema.required : []);
  const fields = Object.entries(properties as Record<string, { type?: unknown }>).map(([name, field]) => {
    const type = typeof field?.type === "string" ? `: ${field.type}` : "";
    return `${name}${type}${required.has(name) ? " (required)" : ""}`;
  });
  return fields.length === 0 ? undefined : fields;
}

/** An action as a person reads it: what its events must carry, per its latest schema version. */
export const auditLogActionSummary = defineSummary<AuditLogAction>({
  name: [z.string(), (item) => item.name],
  version: [z.number().int().describe("Its latest schema version."), (item) => item.schema.version],
  targets: [
    z.array(z.string()).describe("The target types its events name, with their metadata fields."),
    (item) =>
      item.schema.targets.map((target) => {
        const fields = fieldsOf(target.metadata);
        return fields === undefined ? target.type : `${target.type} (${fields.join(", ")})`;
      }),
  ],
  actor_metadata: [z.array(z.string()).optional(), (item) => fieldsOf(item.schema.actor?.metadata)],
  metadata: [
    z.array(z.string()).optional().describe("The event's own metadata fields."),
    (item) => fieldsOf(item.schema.metadata),
  ],
});
