import { z } from "zod";
import type { WorkOSClient } from "../../client/client.js";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { type AuditLogsRetention, auditLogsRetention } from "../../workos/audit-log-configuration.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { readable } from "../readable.js";

/** The retention as the tools return it: with the organization it is of, which WorkOS's answer leaves out. */
export const retentionOfOrganization = readable(auditLogsRetention).extend({ organization_id: z.string() });

export const retentionRoute = (organizationId: string) =>
  path`/organizations/${organizationId}/audit_logs_retention`;

export async function readRetention(
  client: WorkOSClient,
  organizationId: string,
  signal: AbortSignal,
): Promise<AuditLogsRetention> {
  return client.get<AuditLogsRetention>(retentionRoute(organizationId), { signal });
}

/** "keeps its audit log events for 30 days", or that it has no period set. */
export function keeps(organizationId: string, days: number | null | undefined): string {
  const organization = `Organization ${quote.id(organizationId, ORGANIZATION_ID_PREFIX)}`;
  return typeof days === "number"
    ? `${organization} keeps its audit log events for ${days} days.`
    : `${organization} has no audit log retention period set.`;
}
