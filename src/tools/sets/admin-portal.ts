import generatePortalLink from "../admin-portal/generate-portal-link.js";
import type { AnyTool } from "../define.js";

/** The admin_portal toolset's tools, in the order clients list them. */
export default [generatePortalLink] as AnyTool[];
