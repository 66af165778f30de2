import { z } from "zod";
import { WEBHOOK_ENDPOINT_STATUSES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

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
