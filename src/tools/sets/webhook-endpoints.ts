import type { AnyTool } from "../define.js";
import createWebhookEndpoint from "../webhook-endpoints/create-webhook-endpoint.js";
import deleteWebhookEndpoint from "../webhook-endpoints/delete-webhook-endpoint.js";
import listWebhookEndpoints from "../webhook-endpoints/list-webhook-endpoints.js";
import updateWebhookEndpoint from "../webhook-endpoints/update-webhook-endpoint.js";

/** The webhook_endpoints toolset's tools, in the order clients list them. */
export default [
  listWebhookEndpoints,
  createWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
] as AnyTool[];
