import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { WEBHOOK_ENDPOINT_ID_PREFIX, type WebhookEndpoint } from "../../workos/webhook-endpoint.js";
import { WEBHOOK_ENDPOINT_STATUSES } from "../../workos-vocabulary.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { readable } from "../readable.js";
import {
  endpointUrl,
  eventCount,
  eventTypes,
  publicEndpoint,
  webhookEndpointId,
  withoutSecret,
} from "./fields.js";

export default defineTool({
  name: "update_webhook_endpoint",
  title: "Change A Webhook Endpoint",
  description: "Change a webhook endpoint's URL or events, or disable or re-enable its deliveries.",
  toolset: "webhook_endpoints",
  organization: "environment",
  input: z
    .strictObject({
      webhook_endpoint_id: webhookEndpointId,
      endpoint_url: endpointUrl.optional().describe("The new URL (https://…)."),
      events: eventTypes.optional().describe("Replaces its event types."),
      status: z.enum(WEBHOOK_ENDPOINT_STATUSES).optional().describe("enabled or disabled."),
    })
    .refine((input) => Object.keys(input).length > 1, {
      path: ["endpoint_url"],
      message: "give endpoint_url, events or status: what to change",
    }),
  output: readable(publicEndpoint),
  summary: (updated) =>
    `Webhook endpoint ${quote.id(updated.id, WEBHOOK_ENDPOINT_ID_PREFIX)} is ${quote.word(updated.status, "as data says")}, ` +
    `for ${eventCount(updated.events)}.`,
  annotations: DESTRUCTIVE,
  handler: async ({ webhook_endpoint_id, ...body }, { client, signal }) =>
    withoutSecret(
      await client.patch<WebhookEndpoint>(path`/webhook_endpoints/${webhook_endpoint_id}`, { body, signal }),
    ),
});
