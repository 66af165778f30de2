import { z } from "zod";
import { WorkOSError } from "../../client/errors.js";
import { path } from "../../client/path.js";
import { type DeletionTarget, deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import type { WebhookEndpoint } from "../../workos/webhook-endpoint.js";
import { DESTRUCTIVE, defineTool, type ToolContext } from "../define.js";
import { confirmationToken } from "../params.js";
import { eventCount, webhookEndpointId } from "./fields.js";

/** Events named in the preview's sentence; the impact lists them all. */
const NAMED = 5;

// WorkOS has no way to read one endpoint: it is found in the list.
async function endpointTarget(id: string, { client, signal }: ToolContext): Promise<DeletionTarget> {
  let found: WebhookEndpoint | undefined;
  for await (const endpoint of client.items<WebhookEndpoint>("/webhook_endpoints", {
    maxItems: 1000,
    signal,
  }))
    if (endpoint.id === id) found = endpoint;
  if (found === undefined) {
    throw new WorkOSError(`No webhook endpoint ${id} in this environment.`, {
      category: "not_found",
      retryable: false,
    });
  }
  const { events } = found;
  const named = events.slice(0, NAMED).join(", ") + (events.length > NAMED ? ", …" : "");
  return {
    object: "webhook_endpoint",
    id,
    name: found.endpoint_url,
    summary:
      found.status === "enabled"
        ? `the delivery of ${eventCount(events)} (${named}) to ${found.endpoint_url}`
        : `its subscription to ${eventCount(events)} (disabled: nothing is delivered now)`,
    impact: { endpoint_url: found.endpoint_url, status: found.status, events_no_longer_delivered: events },
  };
}

export default defineTool({
  name: "delete_webhook_endpoint",
  title: "Delete A Webhook Endpoint",
  description:
    "Delete a webhook endpoint so WorkOS stops sending it events. Only on the user's explicit request; they confirm first.",
  toolset: "webhook_endpoints",
  organization: "environment",
  input: z.strictObject({ webhook_endpoint_id: webhookEndpointId, confirmation_token: confirmationToken }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ webhook_endpoint_id }, context) => endpointTarget(webhook_endpoint_id, context),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_webhook_endpoint", outcome),
  handler: async ({ webhook_endpoint_id }, { client, signal }) => {
    await client.delete(path`/webhook_endpoints/${webhook_endpoint_id}`, { signal });
    return { deleted: true as const, object: "webhook_endpoint", id: webhook_endpoint_id };
  },
});
