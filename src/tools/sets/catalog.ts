import findWorkosOperations from "../catalog/find-workos-operations.js";
import workosRead from "../catalog/workos-read.js";
import workosWrite from "../catalog/workos-write.js";
import type { AnyTool } from "../define.js";

/** The catalog toolset's tools, in the order clients list them. */
export default [findWorkosOperations, workosRead, workosWrite] as AnyTool[];
