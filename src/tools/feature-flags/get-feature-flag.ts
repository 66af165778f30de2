import { z } from "zod";
import { path } from "../../client/path.js";
import { featureFlag } from "../../workos/feature-flag.js";
import { defineTool, READ } from "../define.js";
import { readable } from "../readable.js";
import { flagNotFound, flagSlug, flagState } from "./flag-slug.js";

export default defineTool({
  name: "get_feature_flag",
  title: "Get A Feature Flag",
  description: "Fetch one feature flag by slug: whether it is enabled, its default, owner and tags.",
  toolset: "feature_flags",
  // A flag is the environment's, the same for every organization; which organizations it targets is not shown.
  organization: "none",
  input: z.strictObject({ slug: flagSlug.describe("The flag's slug.") }),
  output: readable(featureFlag),
  annotations: READ,
  notFound: flagNotFound,
  summary: flagState,
  handler: ({ slug }, { client, signal }) => client.get(path`/feature-flags/${slug}`, { signal }),
});
