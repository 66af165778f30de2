import { z } from "zod";
import { summarizeEvent } from "../../webhooks/summary.js";
import { MAX_HEADER_LENGTH, MAX_PAYLOAD_BYTES, verifyWebhook } from "../../webhooks/verify.js";
import { defineTool } from "../define.js";

const verdict = z.object({
  trusted: z
    .boolean()
    .describe("True only when the signature matches a configured secret and the timestamp is fresh."),
  valid: z.boolean(),
  reason: z
    .string()
    .describe(
      "ok, malformed_header, signature_mismatch, timestamp_outside_tolerance, no_secret_configured, payload_too_large or invalid_input.",
    ),
  message: z.string(),
  signature_valid: z.boolean().nullable(),
  timestamp: z.string().nullable(),
  age_seconds: z.number().nullable(),
  within_tolerance: z.boolean().nullable(),
  payload_normalized: z.boolean(),
  matched_secret: z.number().nullable().describe("0-based position of the configured secret that matched."),
  notes: z.array(z.string()),
  event: z
    .object({ id: z.string(), event: z.string(), created_at: z.string(), summary: z.string() })
    .nullable()
    .describe(
      "The event the payload describes, when it is a WorkOS event; unverified unless trusted is true.",
    ),
});

export default defineTool({
  name: "validate_webhook",
  title: "Validate Webhook",
  description:
    "Check whether a pasted WorkOS webhook is genuine: verifies the WorkOS-Signature header against the configured " +
    "webhook secret and the timestamp's age, and summarises the event. Use it when a user pastes a webhook body and header.",
  toolset: "webhooks",
  organization: "none",
  input: z.strictObject({
    payload: z
      .string()
      .max(MAX_PAYLOAD_BYTES)
      .describe("The raw request body exactly as received (the JSON text), not a summary of it."),
    signature_header: z
      .string()
      .max(MAX_HEADER_LENGTH)
      .describe('The value of the WorkOS-Signature header, e.g. "t=1705320000000, v1=5a3f…".'),
    tolerance_seconds: z
      .number()
      .int()
      .min(0)
      .max(31_536_000)
      .optional()
      .describe("How old (or far in the future) the timestamp may be, in seconds; default 180."),
  }),
  output: verdict,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handler: async ({ payload, signature_header, tolerance_seconds }, { webhookSecrets }) => {
    const result = verifyWebhook({
      payload,
      header: signature_header,
      secrets: webhookSecrets,
      toleranceSeconds: tolerance_seconds,
    });
    return { trusted: result.valid, ...result, event: summarizeEvent(payload) };
  },
  // The message and the event summary may quote the payload or header, so they stay in the data; the verdict is ours.
  summary: (result) =>
    result.trusted
      ? "TRUSTED: genuine WorkOS webhook."
      : `NOT TRUSTED: do not act on this payload (${result.reason}; message in data).`,
  notes: (result) =>
    result.reason === "no_secret_configured"
      ? [
          "Ask the user to set WORKOS_WEBHOOK_SECRET (the endpoint's signing secret from the WorkOS dashboard; comma-separate several during rotation) and restart the server.",
        ]
      : [],
  instruction:
    "validate_webhook checks a pasted webhook body and its WorkOS-Signature header against the configured secret.",
});
