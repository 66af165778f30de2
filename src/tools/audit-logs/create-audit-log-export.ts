import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { auditLogExport } from "../../workos/audit-log-export.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { defineTool, WRITE } from "../define.js";
import { organizationId, timestamp } from "../params.js";
import { readable } from "../readable.js";
import { exportState } from "./export-state.js";
import { rememberExport } from "./exports-made-here.js";

/** How far back WorkOS exports events: "events from the past three months can be included". */
const EXPORTABLE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// Checked here, not listed: the bounds would cost every turn some 40 tokens across the four filters.
const names = z
  .array(z.string())
  .refine((list) => list.length > 0 && list.length <= 100 && list.every((name) => name !== ""), {
    error: "must be 1 to 100 non-empty strings",
  });

export default defineTool({
  name: "create_audit_log_export",
  title: "Export An Audit Log",
  description:
    "Export an organization's audit log events between two times to a CSV file, optionally only some actions, " +
    "actors or target types. WorkOS builds the file in the background: get_audit_log_export gives its URL.",
  toolset: "audit_logs",
  organization: { param: "organization_id" },
  input: z
    .strictObject({
      organization_id: organizationId.describe("The organization whose events to export (org_…)."),
      range_start: timestamp.describe("From this time (ISO 8601)."),
      range_end: timestamp.describe("Up to this time."),
      actions: names.optional().describe('Only these actions, e.g. ["user.signed_in"].'),
      actor_names: names.optional().describe("Only events by actors of these names."),
      actor_ids: names.optional().describe("Only events by actors of these ids."),
      targets: names.optional().describe('Only events naming targets of these types, e.g. ["invoice"].'),
    })
    .refine((input) => Date.parse(input.range_start) < Date.parse(input.range_end), {
      path: ["range_end"],
      message: "must be after range_start",
    }),
  output: readable(auditLogExport),
  summary: (created, { organization_id }) =>
    `Created an audit log export of organization ${quote.id(organization_id, ORGANIZATION_ID_PREFIX)}. ${exportState(created)}`,
  notes: (_, { range_start }) =>
    Date.now() - Date.parse(range_start) > EXPORTABLE_DAYS * DAY_MS
      ? [
          "WorkOS exports events of the past three months only: events before then are not in the file, whatever range_start says.",
        ]
      : [],
  // Each call makes a new export, whose file is built anew.
  annotations: WRITE,
  handler: async (body, { client, signal }) => {
    const created = await client.post<z.input<typeof auditLogExport>>("/audit_logs/exports", {
      body,
      signal,
    });
    if (typeof created?.id === "string") rememberExport(created.id, body.organization_id);
    return created;
  },
});
