import type { Toolset } from "../../config.js";
import type { AnyTool } from "../define.js";
import adminPortal from "./admin-portal.js";
import directorySync from "./directory-sync.js";
import organizations from "./organizations.js";
import sso from "./sso.js";
import webhooks from "./webhooks.js";

/** The toolsets on by default, which src/tools/load.ts loads (one chunk of the bundle), as ./optional.ts the others. */
const defaults: Partial<Record<Toolset, readonly AnyTool[]>> = {
  organizations,
  sso,
  directory_sync: directorySync,
  admin_portal: adminPortal,
  webhooks,
};
export default defaults;
