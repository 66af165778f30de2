import { z } from "zod";
import {
  WEBHOOK_ENDPOINT_ID_PREFIX,
  type WebhookEndpoint,
  webhookEndpoint,
} from "../../workos/webhook-endpoint.js";
import { WEBHOOK_ENDPOINT_STATUSES, WEBHOOK_EVENT_TYPES } from "../../workos-vocabulary.js";
import { ApiError, conflict } from "../errors.js";
import { isoTime, newId, randomToken } from "../ids.js";
import {
  oneOf,
  type Resource,
  requiredString,
  type SeedLoader,
  seedId,
  seedTimestamps,
} from "../resource.js";
import { deleteRoute, findOr404, listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { isRecord, requireObjectBody } from "../validate.js";

export type { WebhookEndpoint };

const seedEntry = z.object({
  id: seedId,
  url: requiredString(),
  secret: requiredString(),
  /** Only these event types; default all. */
  events: z.array(z.string(), { error: "must be an array of event type strings" }).optional(),
  status: oneOf(WEBHOOK_ENDPOINT_STATUSES),
  ...seedTimestamps,
});

export type SeedWebhookEndpoint = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedWebhookEndpoint[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(webhookEndpoints).insert({
      object: "webhook_endpoint",
      id: s.id ?? loader.fixedId(WEBHOOK_ENDPOINT_ID_PREFIX, at),
      endpoint_url: s.url,
      secret: s.secret,
      status: s.status ?? "enabled",
      events: [...(s.events ?? WEBHOOK_EVENT_TYPES)],
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An HTTPS URL, as WorkOS requires; plain HTTP is allowed to loopback hosts so tests can receive deliveries. */
function readUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  const ok = url && (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)));
  if (!ok)
    throw new ApiError(422, { code: "invalid_url", message: "endpoint_url must be a valid HTTPS URL." });
  return value as string;
}

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

function readEvents(value: unknown): string[] {
  const errors: { code: string; message: string }[] = [];
  if (!Array.isArray(value) || value.length === 0) {
    errors.push({ code: "events_required", message: "events must be a non-empty array of event types." });
  } else {
    for (const type of value) {
      if (typeof type !== "string" || !SUBSCRIBABLE.has(type)) {
        errors.push({ code: "unknown_event_type", message: `Unknown event type: ${JSON.stringify(type)}.` });
      }
    }
  }
  if (errors.length > 0) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: errors.map((e) => e.message).join(" "),
      errors,
    });
  }
  return [...new Set(value as string[])];
}

function readStatus(value: unknown): WebhookEndpoint["status"] {
  if (!WEBHOOK_ENDPOINT_STATUSES.some((status) => status === value)) {
    throw new ApiError(422, {
      code: "invalid_request_parameters",
      message: `status must be one of ${WEBHOOK_ENDPOINT_STATUSES.join(", ")}.`,
      errors: [{ code: "invalid_status", message: "Invalid enum value." }],
    });
  }
  return value as WebhookEndpoint["status"];
}

function refuseDuplicate(ctx: EmulatorContext, url: string, self?: string): void {
  const taken = ctx.store
    .of(webhookEndpoints)
    .values()
    .some((e) => e.endpoint_url === url && e.id !== self);
  if (taken) throw conflict(`A webhook endpoint for ${url} already exists.`, "duplicate_endpoint");
}

/** Endpoints configured in the seed or through the API; the emulator delivers its events to the enabled ones. */
export const webhookEndpoints: Resource<WebhookEndpoint, SeedWebhookEndpoint, "webhook_endpoints"> = {
  name: "webhook_endpoints",
  model: webhookEndpoint,
  label: "Webhook endpoint",
  seed: { entry: seedEntry, load: loadSeed },
  serialize: (endpoint) => ({ ...endpoint, events: [...endpoint.events] }),
  routes: () => [
    listRoute(webhookEndpoints, "/webhook_endpoints"),
    {
      method: "POST",
      pattern: "/webhook_endpoints",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const url = readUrl(body.endpoint_url);
        const events = readEvents(body.events);
        refuseDuplicate(ctx, url);
        const at = isoTime(ctx.now());
        const created = ctx.store.of(webhookEndpoints).insert({
          object: "webhook_endpoint",
          id: newId(WEBHOOK_ENDPOINT_ID_PREFIX, ctx.now()),
          endpoint_url: url,
          secret: randomToken(24),
          status: "enabled",
          events,
          created_at: at,
          updated_at: at,
        });
        return { status: 201, body: { ...created, events: [...created.events] } };
      },
    },
    {
      method: "PATCH",
      pattern: "/webhook_endpoints/:id",
      handler: (req, ctx) => {
        const current = findOr404(ctx, webhookEndpoints, req.params.id ?? "");
        const body = isRecord(req.body) ? req.body : {};
        const next: WebhookEndpoint = { ...current, updated_at: isoTime(ctx.now()) };
        if (body.endpoint_url !== undefined) next.endpoint_url = readUrl(body.endpoint_url);
        if (body.events !== undefined) next.events = readEvents(body.events);
        if (body.status !== undefined) next.status = readStatus(body.status);
        refuseDuplicate(ctx, next.endpoint_url, current.id);
        ctx.store.of(webhookEndpoints).replace(next);
        return { status: 200, body: { ...next, events: [...next.events] } };
      },
    },
    deleteRoute(webhookEndpoints, "/webhook_endpoints", 204),
  ],
};
