import { z } from "zod";
import { didYouMean } from "../../suggest.js";
import {
  WEBHOOK_ENDPOINT_ID_PREFIX,
  type WebhookEndpoint,
  webhookEndpoint,
} from "../../workos/webhook-endpoint.js";
import { WEBHOOK_EVENT_TYPES } from "../../workos-vocabulary.js";
import { workosId } from "../params.js";

export const webhookEndpointId = workosId(
  WEBHOOK_ENDPOINT_ID_PREFIX,
  "a webhook endpoint",
  "list_webhook_endpoints",
).describe("The endpoint (we_…).");

export const endpointUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

// Strings in the listed schema, checked here: the enum of every event type would cost each turn 500 tokens.
export const eventTypes = z
  .array(
    z.string().refine((type) => SUBSCRIBABLE.has(type), {
      error: (issue) =>
        `not an event type an endpoint can receive${didYouMean(String(issue.input), WEBHOOK_EVENT_TYPES)}`,
    }),
  )
  .min(1)
  .describe("Event types to deliver, e.g. user.created.");

/** An endpoint as the tools show it after its creation: without the signing secret. */
export const publicEndpoint = webhookEndpoint.omit({ secret: true });

export function withoutSecret({ secret: _, ...rest }: WebhookEndpoint): z.infer<typeof publicEndpoint> {
  return rest as z.infer<typeof publicEndpoint>;
}

/** "3 event types", "1 event type". */
export const eventCount = (events: readonly unknown[]) =>
  `${events.length} event type${events.length === 1 ? "" : "s"}`;
