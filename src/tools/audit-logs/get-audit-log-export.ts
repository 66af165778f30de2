import { z } from "zod";
import { path } from "../../client/path.js";
import { AUDIT_LOG_EXPORT_ID_PREFIX, auditLogExport } from "../../workos/audit-log-export.js";
import { defineTool, READ } from "../define.js";
import { workosId } from "../params.js";
import { readable } from "../readable.js";
import { exportState } from "./export-state.js";
import { EXPORT_HINT, ownerOfExport } from "./exports-made-here.js";

export default defineTool({
  name: "get_audit_log_export",
  title: "Get An Audit Log Export",
  description:
    "Check an audit log export: whether its CSV file is ready and, once it is, the URL to download it from.",
  toolset: "audit_logs",
  organization: { owner: ownerOfExport, hint: EXPORT_HINT },
  input: z.strictObject({
    audit_log_export_id: workosId(
      AUDIT_LOG_EXPORT_ID_PREFIX,
      "an audit log export",
      "create_audit_log_export",
    ).describe("The export (audit_log_export_…)."),
  }),
  output: readable(auditLogExport),
  summary: exportState,
  notFound: () =>
    "No export has this id for this API key: check the id create_audit_log_export returned, or make a new export.",
  annotations: READ,
  handler: ({ audit_log_export_id }, { client, signal }) =>
    client.get(path`/audit_logs/exports/${audit_log_export_id}`, { signal }),
});
