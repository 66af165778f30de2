import type { AnyTool } from "../define.js";
import addRadarListEntry from "../radar/add-radar-list-entry.js";
import removeRadarListEntry from "../radar/remove-radar-list-entry.js";

/** The radar toolset's tools, in the order clients list them. */
export default [addRadarListEntry, removeRadarListEntry] as AnyTool[];
