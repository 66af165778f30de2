import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { WEBHOOK_ENDPOINT_ID_PREFIX, webhookEndpoint } from "../../workos/webhook-endpoint.js";
import { defineTool, WRITE } from "../define.js";
import { readable } from "../readable.js";
import { endpointUrl, eventCount, eventTypes } from "./fields.js";

export default defineTool({
  name: "create_webhook_endpoint",
  title: "Add A Webhook Endpoint",
  description:
    "Add a URL WorkOS sends the chosen events to, e.g. for staging; returns its signing secret, shown only here.",
  toolset: "webhook_endpoints",
  organization: "environment",
  input: z.strictObject({
    endpoint_url: endpointUrl.describe("Where to deliver (https://…)."),
    events: eventTypes,
  }),
  output: readable(webhookEndpoint),
  summary: (created) =>
    `Created webhook endpoint ${quote.id(created.id, WEBHOOK_ENDPOINT_ID_PREFIX)} for ${eventCount(created.events)}.`,
  notes: () => [
    "Its secret (in data) signs every delivery to this endpoint. Give it to the user to store now (their receiver verifies " +
      "with it; WORKOS_WEBHOOK_SECRET for validate_webhook): no tool shows it again.",
  ],
  annotations: WRITE,
  handler: (body, { client, signal }) => client.post("/webhook_endpoints", { body, signal }),
});
