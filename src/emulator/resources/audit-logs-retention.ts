import { z } from "zod";
import type { AuditLogConfiguration } from "../../workos/audit-log-configuration.js";
import { AUDIT_LOG_RETENTION_DAYS } from "../../workos-vocabulary.js";
import { ApiError } from "../errors.js";
import type { Resource, SeedLoader } from "../resource.js";
import { requiredString } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { requireObjectBody } from "../validate.js";
import { auditLogEvents } from "./audit-log-events.js";
import { organizations } from "./organizations.js";

/** An organization's Audit Log retention; its id is the organization's id (one per organization). */
export interface AuditLogsRetentionSetting {
  id: string;
  organization_id: string;
  retention_period_in_days: (typeof AUDIT_LOG_RETENTION_DAYS)[number];
}

/** What an organization without a setting keeps: WorkOS's default trail is 30 days. */
const DEFAULT_RETENTION_DAYS = 30;

const seedEntry = z.object({
  organization_id: requiredString(),
  retention_period_in_days: z.union(
    AUDIT_LOG_RETENTION_DAYS.map((days) => z.literal(days)),
    { error: `must be one of ${AUDIT_LOG_RETENTION_DAYS.join(", ")}` },
  ),
});

export type SeedAuditLogsRetention = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedAuditLogsRetention[], loader: SeedLoader): void {
  for (const { organization_id, retention_period_in_days } of entries) {
    loader.store
      .of(auditLogsRetention)
      .insert({ id: organization_id, organization_id, retention_period_in_days });
  }
}

function retentionOf(ctx: EmulatorContext, organizationId: string): number {
  return (
    ctx.store.of(auditLogsRetention).get(organizationId)?.retention_period_in_days ?? DEFAULT_RETENTION_DAYS
  );
}

function readDays(body: Record<string, unknown>): AuditLogsRetentionSetting["retention_period_in_days"] {
  const days = body.retention_period_in_days;
  if (!AUDIT_LOG_RETENTION_DAYS.some((allowed) => allowed === days)) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: `retention_period_in_days must be one of ${AUDIT_LOG_RETENTION_DAYS.join(", ")}.`,
      errors: [{ field: "retention_period_in_days", code: "invalid_retention_period" }],
    });
  }
  return days as AuditLogsRetentionSetting["retention_period_in_days"];
}

export const auditLogsRetention: Resource<
  AuditLogsRetentionSetting,
  SeedAuditLogsRetention,
  "audit_logs_retention"
> = {
  name: "audit_logs_retention",
  label: "Audit Logs retention",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    {
      method: "GET",
      pattern: "/organizations/:id/audit_logs_retention",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.id ?? "");
        return { status: 200, body: { retention_period_in_days: retentionOf(ctx, org.id) } };
      },
    },
    {
      method: "PUT",
      pattern: "/organizations/:id/audit_logs_retention",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.id ?? "");
        const days = readDays(requireObjectBody(req.body));
        const settings = ctx.store.of(auditLogsRetention);
        const setting = { id: org.id, organization_id: org.id, retention_period_in_days: days };
        if (settings.has(org.id)) settings.replace(setting);
        else settings.insert(setting);
        return { status: 200, body: { retention_period_in_days: days } };
      },
    },
    {
      method: "GET",
      pattern: "/organizations/:id/audit_log_configuration",
      handler: (req, ctx) => {
        const org = findOr404(ctx, organizations, req.params.id ?? "");
        // The emulator has no log streams; a trail is active once the organization has events.
        const active = ctx.store
          .of(auditLogEvents)
          .values()
          .some((e) => e.organization_id === org.id);
        const body: AuditLogConfiguration = {
          organization_id: org.id,
          retention_period_in_days: retentionOf(ctx, org.id),
          state: active ? "active" : "inactive",
        };
        return { status: 200, body };
      },
    },
  ],
};
