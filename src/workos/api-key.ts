import { z } from "zod";
import { defineSummary, optional } from "./summary.js";

export const API_KEY_ID_PREFIX = "api_key";

/** Who an API key belongs to: an organization, or a user within one organization. */
export const apiKeyOwner = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("organization"), id: z.string() }),
  z.looseObject({ type: z.literal("user"), id: z.string(), organization_id: z.string() }),
]);
export type ApiKeyOwner = z.infer<typeof apiKeyOwner>;

/** An API key an application issued to its customers (WorkOS API Keys); its value is shown once, at creation. */
export const apiKey = z.looseObject({
  object: z.literal("api_key"),
  id: z.string(),
  owner: apiKeyOwner,
  name: z.string(),
  obfuscated_value: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  permissions: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ApiKey = z.infer<typeof apiKey>;

/** The created key, with its secret `value` (never returned again). */
export const apiKeyWithValue = apiKey.extend({ value: z.string() });
export type ApiKeyWithValue = z.infer<typeof apiKeyWithValue>;

/** Whether the key's expiry date has passed: WorkOS then refuses it, though it is still listed. */
export function hasExpired(key: Pick<ApiKey, "expires_at">, now: number = Date.now()): boolean {
  return key.expires_at !== null && Date.parse(key.expires_at) <= now;
}

/** A key in a list: which one it is (its name and last characters), what it may do, and when it was used. */
export const apiKeySummary = defineSummary<ApiKey>({
  id: [z.string(), (key) => key.id],
  name: [z.string(), (key) => key.name],
  obfuscated_value: [z.string(), (key) => key.obfuscated_value],
  permissions: [
    z.array(z.string()).optional(),
    (key) => (key.permissions.length > 0 ? key.permissions : undefined),
  ],
  last_used_at: [optional.string("Never used when absent."), (key) => key.last_used_at ?? undefined],
  expires_at: [optional.string(), (key) => key.expires_at ?? undefined],
  expired: [
    optional.boolean("true when expires_at has passed: the key no longer works."),
    (key) => (hasExpired(key) ? true : undefined),
  ],
});
