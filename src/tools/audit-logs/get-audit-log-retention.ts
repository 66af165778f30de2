import { z } from "zod";
import { defineTool, READ } from "../define.js";
import { organizationId } from "../params.js";
import { keeps, readRetention, retentionOfOrganization } from "./retention.js";

export default defineTool({
  name: "get_audit_log_retention",
  title: "Get Audit Log Retention",
  description: "Show how many days an organization's audit log events are kept before WorkOS deletes them.",
  toolset: "audit_logs",
  organization: { param: "organization_id" },
  input: z.strictObject({ organization_id: organizationId.describe("The organization (org_…).") }),
  output: retentionOfOrganization,
  summary: (retention) => keeps(retention.organization_id, retention.retention_period_in_days),
  annotations: READ,
  handler: async ({ organization_id }, { client, signal }) => ({
    ...(await readRetention(client, organization_id, signal)),
    organization_id,
  }),
});
