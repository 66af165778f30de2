import { z } from "zod";
import { AUDIT_LOG_RETENTION_DAYS } from "../../workos-vocabulary.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { organizationId } from "../params.js";
import { keeps, readRetention, retentionOfOrganization, retentionRoute } from "./retention.js";

export default defineTool({
  name: "set_audit_log_retention",
  title: "Set Audit Log Retention",
  description:
    "Set how many days an organization's audit log events are kept: 30 or 365. Shortening it makes WorkOS " +
    "delete for good the events older than the new period; export them first to keep a copy.",
  toolset: "audit_logs",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization (org_…)."),
    retention_period_in_days: z.literal(AUDIT_LOG_RETENTION_DAYS).describe("Days to keep events."),
  }),
  output: retentionOfOrganization.extend({
    previous_retention_period_in_days: z.number().int().nullable().describe("The period before this call."),
  }),
  summary: (result) =>
    result.previous_retention_period_in_days === result.retention_period_in_days
      ? `${keeps(result.organization_id, result.retention_period_in_days)} It already did; nothing changed.`
      : keeps(result.organization_id, result.retention_period_in_days),
  notes: ({ previous_retention_period_in_days: before, retention_period_in_days: after }) =>
    typeof before === "number" && typeof after === "number" && after < before
      ? [
          `Shortened from ${before} to ${after} days: WorkOS deletes for good the events older than ${after} days; ` +
            "they cannot be exported any more.",
        ]
      : [],
  // Shortening the period deletes events; setting the same period again changes nothing.
  annotations: DESTRUCTIVE,
  handler: async ({ organization_id, retention_period_in_days }, { client, signal }) => {
    const before = await readRetention(client, organization_id, signal);
    const previous = before.retention_period_in_days ?? null;
    // The same period again: nothing to write.
    const after =
      previous === retention_period_in_days
        ? before
        : await client.put<typeof before>(retentionRoute(organization_id), {
            body: { retention_period_in_days },
            signal,
          });
    return { ...after, organization_id, previous_retention_period_in_days: previous };
  },
});
