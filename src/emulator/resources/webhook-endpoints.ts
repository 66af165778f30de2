import { z } from "zod";
import type { Resource, SeedLoader } from "../resource.js";
import { requiredString, seedId } from "../resource.js";

/**
 * Where the emulator delivers events: seed configuration, not served by the API (not the API's webhook_endpoint
 * object, src/workos/webhook-endpoint.ts, whose fields differ).
 */
export interface DeliveryTarget {
  id: string;
  url: string;
  secret: string;
  /** Only these event types; default all. */
  events?: string[];
}

const seedEntry = z.object({
  id: seedId,
  url: requiredString(),
  secret: requiredString(),
  events: z.array(z.string(), { error: "must be an array of event type strings" }).optional(),
});

export type SeedWebhookEndpoint = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedWebhookEndpoint[], loader: SeedLoader): void {
  entries.forEach(({ id, url, secret, events }, i) => {
    const endpoint: DeliveryTarget = { id: id ?? `webhook_endpoint_${i + 1}`, url, secret };
    if (events !== undefined) endpoint.events = [...events];
    loader.store.of(webhookEndpoints).insert(endpoint);
  });
}

export const webhookEndpoints: Resource<DeliveryTarget, SeedWebhookEndpoint, "webhook_endpoints"> = {
  name: "webhook_endpoints",
  label: "Webhook endpoint",
  seed: { entry: seedEntry, load: loadSeed },
};
