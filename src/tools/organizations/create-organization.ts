import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { defineTool } from "../define.js";
import { organization } from "../objects.js";
import { domainData, externalId, metadata } from "../params.js";

export default defineTool({
  name: "create_organization",
  title: "Create Organization",
  description:
    "Create a WorkOS organization, optionally with domains, an external_id and metadata. " +
    "Check with list_organizations first that it does not exist yet. Returns the new organization.",
  toolset: "organizations",
  organization: "creates",
  input: z.strictObject({
    name: z.string().trim().min(1).max(255).describe('The organization\'s display name, e.g. "Acme Inc".'),
    domain_data: domainData.optional(),
    external_id: externalId.optional(),
    metadata: metadata.optional(),
    idempotency_key: z
      .string()
      .min(1)
      .max(255)
      // It travels as an HTTP header value: no spaces or control characters.
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional()
      .describe("Optional key that makes a repeated create return the first result instead of a duplicate."),
  }),
  output: organization,
  summary: (org) => `Created organization ${quote.id(org.id, "org")}.`,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: ({ idempotency_key, ...body }, { client, signal }) =>
    client.post("/organizations", {
      body,
      signal,
      ...(idempotency_key === undefined ? {} : { idempotencyKey: idempotency_key }),
    }),
});
