import { z } from "zod";

/** Who last changed a Vault object: the API key (or dashboard user) that acted. */
export const vaultActor = z.looseObject({ id: z.string(), name: z.string() });
export type VaultActor = z.infer<typeof vaultActor>;

/** A Vault object's metadata: its encryption key and context, and who changed it last (spec: ObjectMetadata). */
export const vaultObjectMetadata = z.looseObject({
  id: z.string(),
  environment_id: z.string(),
  key_id: z.string(),
  updated_by: vaultActor,
  updated_at: z.string(),
  context: z.record(z.string(), z.string()),
  version_id: z.string().nullable().optional(),
});
export type VaultObjectMetadata = z.infer<typeof vaultObjectMetadata>;

/** A Vault key-value object read back: its decrypted value and metadata (spec: Object). */
export const vaultObject = z.looseObject({
  id: z.string(),
  name: z.string(),
  value: z.string(),
  metadata: vaultObjectMetadata,
});
export type VaultObject = z.infer<typeof vaultObject>;

/** A Vault object without its value, as update and describe answer (spec: ObjectWithoutValue). */
export const vaultObjectWithoutValue = vaultObject.omit({ value: true });
export type VaultObjectWithoutValue = z.infer<typeof vaultObjectWithoutValue>;

/** One entry of the Vault object list (spec: ObjectSummary). */
export const vaultObjectSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  updated_at: z.string().nullable().optional(),
});
export type VaultObjectSummary = z.infer<typeof vaultObjectSummary>;

/** One stored version of a Vault object's value (spec: ObjectVersion). */
export const vaultObjectVersion = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  current_version: z.boolean(),
  size: z.number().int(),
  etag: z.string(),
});
export type VaultObjectVersion = z.infer<typeof vaultObjectVersion>;
