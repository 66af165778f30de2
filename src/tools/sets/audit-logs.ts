import createAuditLogExport from "../audit-logs/create-audit-log-export.js";
import getAuditLogExport from "../audit-logs/get-audit-log-export.js";
import getAuditLogRetention from "../audit-logs/get-audit-log-retention.js";
import listAuditLogActions from "../audit-logs/list-audit-log-actions.js";
import setAuditLogRetention from "../audit-logs/set-audit-log-retention.js";
import type { AnyTool } from "../define.js";

/** The audit_logs toolset's tools, in the order clients list them. */
export default [
  listAuditLogActions,
  createAuditLogExport,
  getAuditLogExport,
  getAuditLogRetention,
  setAuditLogRetention,
] as AnyTool[];
