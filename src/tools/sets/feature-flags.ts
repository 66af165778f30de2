import type { AnyTool } from "../define.js";
import getFeatureFlag from "../feature-flags/get-feature-flag.js";
import listFeatureFlags from "../feature-flags/list-feature-flags.js";
import setFeatureFlagTarget from "../feature-flags/set-feature-flag-target.js";

/** The feature_flags toolset's tools, in the order clients list them. */
export default [listFeatureFlags, getFeatureFlag, setFeatureFlagTarget] as AnyTool[];
