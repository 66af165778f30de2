import { z } from "zod";
import { WEBHOOK_ENDPOINT_STATUSES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const WEBHOOK_ENDPOINT_ID_PREFIX = "we";

/** Where WorkOS delivers events, and which (the spec's WebhookEndpointJson). */
export const webhookEndpoint = z.looseObject({
  object: z.literal("webhook_endpoint"),
  id: z.string(),
  endpoint_url: z.string(),
  secret: z.string(),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  events: z.array(z.string()),
  ...timestamps,
});

export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** Where events go and which: the secret is left out (create_webhook_endpoint shows it, once). */
export const webhookEndpointSummary = defineSummary<WebhookEndpoint>({
  id: [z.string(), (value) => value.id],
  url: [z.string(), (value) => value.endpoint_url],
  status: [
    optional.string("Shown only when disabled: nothing is delivered."),
    (value) => (value.status === "enabled" ? undefined : value.status),
  ],
  events: [z.array(z.string()), (value) => value.events],
});
