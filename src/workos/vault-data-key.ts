import { z } from "zod";

/**
 * A Vault data key: the plaintext key for local encryption and the same key encrypted under the key context,
 * which only Vault can turn back into the key (spec: CreateDataKeyResponse, also rekey's answer).
 */
export const vaultDataKey = z.looseObject({
  id: z.string(),
  data_key: z.string(),
  encrypted_keys: z.string(),
  context: z.record(z.string(), z.string()),
});
export type VaultDataKey = z.infer<typeof vaultDataKey>;

/** A data key recovered from its encrypted blob (spec: DecryptResponse). */
export const vaultDecryptedDataKey = z.looseObject({ id: z.string(), data_key: z.string() });
export type VaultDecryptedDataKey = z.infer<typeof vaultDecryptedDataKey>;
