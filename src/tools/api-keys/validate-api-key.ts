import { z } from "zod";
import { WorkOSError } from "../../client/errors.js";
import { quote } from "../../mcp/quote.js";
import { REDACTED, Redactor } from "../../redact.js";
import { API_KEY_ID_PREFIX, type ApiKey } from "../../workos/api-key.js";
import { defineTool } from "../define.js";
import { readApiKey } from "./read-api-key.js";

/** Whose key it is: the organization it belongs to, directly or through its user. */
const organizationOf = ({
  owner,
}: {
  owner: { type: string; id: string; organization_id?: string | undefined };
}) => (owner.type === "user" ? owner.organization_id : owner.id);

/**
 * The value is a secret the user handed over, not one of the server's (registerSecrets lasts for the process):
 * it is kept out of this call's result and errors, in every form redaction knows, should WorkOS or whatever
 * answers in its place echo it.
 */
function scrubbed<T>(value: T, redactor: Redactor): T {
  if (typeof value === "string") return redactor.redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, redactor)) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, scrubbed(field, redactor)]),
  ) as T;
}

function scrubbedError(error: WorkOSError, redactor: Redactor): WorkOSError {
  return new WorkOSError(redactor.redact(error.message), {
    category: error.category,
    retryable: error.retryable,
    status: error.status,
    code: error.code === undefined ? undefined : redactor.redact(error.code),
    requestId: error.requestId === undefined ? undefined : redactor.redact(error.requestId),
    errors: scrubbed(error.errors, redactor),
    retryAfterMs: error.retryAfterMs,
  });
}

export default defineTool({
  name: "validate_api_key",
  title: "Check An API Key",
  description:
    "Check whether an API key value is valid, and whose it is. The value is never repeated in the result.",
  toolset: "api_keys",
  // Pinned, a key of another organization reads as not valid: nothing of it is shown, not even that it works.
  organization: "filters",
  input: z.strictObject({
    value: z.string().min(8).max(1000).describe("The key's secret value."),
  }),
  output: z.object({
    valid: z
      .boolean()
      .describe("Whether WorkOS accepts the key (on a pinned server: as a key of the pinned organization)."),
    api_key: readApiKey.nullable().describe("The key, without its secret; null when not valid."),
  }),
  // WorkOS records the use (last_used_at), nothing more: checking a key changes nothing anyone relies on.
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  summary: ({ valid, api_key: key }) =>
    valid && key !== null
      ? `The API key is valid: ${quote.id(key.id, API_KEY_ID_PREFIX)}, of organization ` +
        `${quote.id(organizationOf(key), "org", "(see data)")}.`
      : "The API key is not valid: unknown, revoked or expired.",
  handler: async ({ value }, { client, signal, organization: pinned }) => {
    const redactor = new Redactor([value], REDACTED);
    let answer: { api_key: ApiKey | null };
    try {
      answer = await client.post("/api_keys/validations", { body: { value }, signal });
    } catch (error) {
      throw error instanceof WorkOSError ? scrubbedError(error, redactor) : error;
    }
    const key = scrubbed(answer?.api_key ?? null, redactor);
    if (key === null || (pinned !== undefined && organizationOf(key) !== pinned)) {
      return { valid: false, api_key: null };
    }
    return { valid: true, api_key: key };
  },
});
