import { z } from "zod";
import type { WebhookEndpoint } from "../../workos/webhook-endpoint.js";
import { webhookEndpointSummary } from "../../workos/webhook-endpoint.js";
import { defineTool, READ } from "../define.js";
import { collect } from "../impact.js";
import { listOf } from "../page.js";
import { listParams } from "../params.js";
import { publicEndpoint, withoutSecret } from "./fields.js";

/** More than any environment configures; a note says when there may be more. */
const MAX_ENDPOINTS = 100;

export default defineTool({
  name: "list_webhook_endpoints",
  title: "List Webhook Endpoints",
  description:
    "List where WorkOS sends webhooks in this environment: each endpoint's URL, its events, and whether it is disabled.",
  toolset: "webhook_endpoints",
  organization: "environment",
  input: z.strictObject({ detail: listParams.detail }),
  output: listOf(publicEndpoint),
  list: { noun: "webhook endpoint", ...webhookEndpointSummary },
  notes: ({ data }) =>
    data.length < MAX_ENDPOINTS ? [] : [`Only the first ${MAX_ENDPOINTS} endpoints are shown.`],
  finds: "webhook_endpoint_id",
  annotations: READ,
  handler: async (_, { client, signal }) => {
    const endpoints = await collect(
      client.items<WebhookEndpoint>("/webhook_endpoints", { maxItems: MAX_ENDPOINTS, signal }),
    );
    return { data: endpoints.map(withoutSecret), list_metadata: { before: null, after: null } };
  },
});
