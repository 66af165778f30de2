import { z } from "zod";
import { apiKey, apiKeyWithValue } from "../../workos/api-key.js";
import { readable } from "../readable.js";

/**
 * The owner as the tools read it: open, as readable opens enums. The model's union of two literal types would
 * refuse a whole answer for an owner kind WorkOS adds (an agent's key, say) before the spec knows it.
 */
const owner = z.looseObject({
  type: z.string().describe("organization, or user (a user's key within organization_id)."),
  id: z.string(),
  organization_id: z.string().optional(),
});

/** An API key as the tools read and list it. */
export const readApiKey = readable(apiKey).extend({ owner });

/** A created key, with its secret value. */
export const readApiKeyWithValue = readable(apiKeyWithValue).extend({ owner });
