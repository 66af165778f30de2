import type { AnyTool } from "../define.js";
import listEvents from "../events/list-events.js";

/** The events toolset's tools, in the order clients list them. */
export default [listEvents] as AnyTool[];
