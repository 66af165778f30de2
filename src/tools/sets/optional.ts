import type { Toolset } from "../../config.js";
import type { AnyTool } from "../define.js";
import apiKeys from "./api-keys.js";
import auditLogs from "./audit-logs.js";
import authorization from "./authorization.js";
import catalog from "./catalog.js";
import events from "./events.js";
import featureFlags from "./feature-flags.js";
import radar from "./radar.js";
import users from "./users.js";
import webhookEndpoints from "./webhook-endpoints.js";

/** The toolsets off by default, which src/tools/load.ts loads (one chunk of the bundle) when one is turned on. */
const optional: Partial<Record<Toolset, readonly AnyTool[]>> = {
  users,
  authorization,
  events,
  audit_logs: auditLogs,
  feature_flags: featureFlags,
  api_keys: apiKeys,
  radar,
  webhook_endpoints: webhookEndpoints,
  catalog,
};
export default optional;
