import type { WorkOSClient } from "../../client/client.js";
import { WorkOSError } from "../../client/errors.js";
import { path } from "../../client/path.js";
import type { DeletionTarget } from "../../confirm.js";
import { type ApiKey, hasExpired } from "../../workos/api-key.js";

/**
 * An organization's key, found in its list: WorkOS has no way to read one key, and finding it there is also
 * what proves the key is that organization's before it is revoked.
 */
export async function organizationApiKey(
  client: WorkOSClient,
  organizationId: string,
  apiKeyId: string,
  signal: AbortSignal,
): Promise<ApiKey> {
  const keys = client.items<ApiKey>(path`/organizations/${organizationId}/api_keys`, {
    maxItems: 10_000,
    signal,
  });
  for await (const key of keys) if (key.id === apiKeyId) return key;
  throw new WorkOSError(`Organization ${organizationId} has no API key ${apiKeyId}.`, {
    category: "not_found",
    retryable: false,
  });
}

/** What revoking a key loses: every caller using it, from the next request on. */
export async function apiKeyTarget(
  client: WorkOSClient,
  organizationId: string,
  apiKeyId: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const key = await organizationApiKey(client, organizationId, apiKeyId, signal);
  return {
    object: "api_key",
    id: key.id,
    name: key.name,
    summary: `the access of whatever uses it (${key.obfuscated_value}): its requests fail authentication from then on`,
    impact: {
      organization_id: organizationId,
      obfuscated_value: key.obfuscated_value,
      permissions: key.permissions,
      last_used_at: key.last_used_at ?? "never used",
      expires_at: key.expires_at,
      stops_working: hasExpired(key)
        ? "Nothing more: the key has already expired, so requests using it fail already."
        : "Every request using this key fails authentication at once; callers need a new key.",
    },
  };
}
