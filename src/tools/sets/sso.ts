import type { AnyTool } from "../define.js";
import getConnection from "../sso/get-connection.js";
import listConnections from "../sso/list-connections.js";

/** The sso toolset's tools, in the order clients list them. */
export default [listConnections, getConnection] as AnyTool[];
