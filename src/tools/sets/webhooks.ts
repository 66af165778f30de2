import type { AnyTool } from "../define.js";
import validateWebhook from "../webhooks/validate-webhook.js";

/** The webhooks toolset's tools, in the order clients list them. */
export default [validateWebhook] as AnyTool[];
