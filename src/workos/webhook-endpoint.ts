import { z } from "zod";
import { WEBHOOK_ENDPOINT_STATUSES } from "../workos-vocabulary.js";

export const WEBHOOK_ENDPOINT_ID_PREFIX = "we";

/** Where WorkOS delivers events: a URL, the secret signing them, and the event types it subscribes to. */
export const webhookEndpoint = z.looseObject({
  object: z.literal("webhook_endpoint"),
  id: z.string(),
  endpoint_url: z.string(),
  secret: z.string(),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  events: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;
