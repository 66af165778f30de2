import { type ClientRequest, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { computeSignature, formatSignatureHeader } from "../webhooks/signature.js";
import type { WebhookEndpoint } from "../workos/webhook-endpoint.js";
import type { StoredEvent } from "./resources/events.js";

const ATTEMPT_TIMEOUT_MS = 10_000;

/** Delivers events as signed POSTs with retries; close() cancels everything still pending. */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<ClientRequest>();
  private closed = false;

  constructor(
    private readonly endpoints: () => readonly WebhookEndpoint[],
    private readonly retryDelaysMs: readonly number[],
  ) {}

  dispatch(event: StoredEvent): void {
    if (this.closed) return;
    const body = JSON.stringify({
      id: event.id,
      event: event.event,
      data: event.data,
      created_at: event.created_at,
    });
    for (const endpoint of this.endpoints()) {
      if (endpoint.status !== "enabled" || !endpoint.events.includes(event.event)) continue;
      this.attempt(endpoint, body, 0);
    }
  }

  /** Cancels pending retries and in-flight deliveries. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const req of this.inflight) req.destroy();
    this.inflight.clear();
  }

  close(): void {
    this.closed = true;
    this.cancelAll();
  }

  private attempt(endpoint: WebhookEndpoint, body: string, attempt: number): void {
    if (this.closed) return;
    const timestamp = Date.now();
    const signature = formatSignatureHeader(timestamp, computeSignature(timestamp, body, endpoint.secret));
    const send = endpoint.endpoint_url.startsWith("https:") ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (ok: boolean, reason: string): void => {
      if (settled) return;
      settled = true;
      this.inflight.delete(req);
      if (!ok) this.retry(endpoint, body, attempt, reason);
    };
    const req = send(endpoint.endpoint_url, {
      method: "POST",
      agent: false,
      timeout: ATTEMPT_TIMEOUT_MS,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "user-agent": "workos-mcp-emulator",
        "workos-signature": signature,
      },
    });
    this.inflight.add(req);
    req.on("response", (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      finish(status >= 200 && status < 300, `HTTP ${status}`);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => finish(false, error.message));
    req.end(body);
  }

  private retry(endpoint: WebhookEndpoint, body: string, attempt: number, reason: string): void {
    if (this.closed) return;
    const delay = this.retryDelaysMs[attempt];
    if (delay === undefined) {
      console.error(
        `emulator: webhook delivery to ${endpoint.endpoint_url} failed after ${attempt + 1} attempts (${reason})`,
      );
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(endpoint, body, attempt + 1);
    }, delay);
    this.timers.add(timer);
  }
}
