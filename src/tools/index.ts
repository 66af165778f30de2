import type { AnyTool } from "./define.js";
import adminPortal from "./sets/admin-portal.js";
import apiKeys from "./sets/api-keys.js";
import auditLogs from "./sets/audit-logs.js";
import authorization from "./sets/authorization.js";
import catalog from "./sets/catalog.js";
import directorySync from "./sets/directory-sync.js";
import events from "./sets/events.js";
import featureFlags from "./sets/feature-flags.js";
import organizations from "./sets/organizations.js";
import radar from "./sets/radar.js";
import sso from "./sets/sso.js";
import users from "./sets/users.js";
import webhookEndpoints from "./sets/webhook-endpoints.js";
import webhooks from "./sets/webhooks.js";

/**
 * Every tool, in the order clients list them: each toolset's module (src/tools/sets/) lists its tools, and
 * src/tools/names.ts names them all; adding a tool means adding it to both. For the library entry, the tests and
 * the scripts: the CLI never imports this, it loads the toolsets it uses (src/tools/load.ts).
 */
export const tools: readonly AnyTool[] = [
  ...organizations,
  ...sso,
  ...adminPortal,
  ...directorySync,
  ...webhooks,
  ...users,
  ...webhookEndpoints,
  ...authorization,
  ...events,
  ...auditLogs,
  ...featureFlags,
  ...apiKeys,
  ...radar,
  ...catalog,
];
