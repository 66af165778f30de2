import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomUUID,
} from "node:crypto";
import type { VaultDataKey } from "../../workos/vault-data-key.js";
import type { VaultActor } from "../../workos/vault-object.js";
import { ApiError } from "../errors.js";
import { isoTime } from "../ids.js";
import type { Resource } from "../resource.js";
import type { EmulatorContext } from "../router.js";
import type { EmulatorStore } from "../store.js";
import { isRecord } from "../validate.js";

/**
 * Vault's key-encryption keys (KEKs): one per distinct key context, made the first time a context is used
 * (that is when WorkOS sends vault.kek.created). Data keys and key-value objects are encrypted under them.
 */
export interface VaultKey {
  id: string;
  context: Record<string, string>;
  created_at: string;
}

/** Vault answers errors as `{"error": ...}` (its spec's Error); `message` rides along for clients that read it. */
export function vaultError(status: number, text: string): ApiError {
  return new ApiError(status, { error: text, message: text });
}

/** The emulator's one environment, as Vault's metadata names it. */
export const VAULT_ENVIRONMENT_ID = "environment_01HQ8Y9Z2K4M6N8P0R2S4T6V8W";

/** Who Vault says acted: every API call is made with the emulator's one API key. */
export const VAULT_ACTOR: VaultActor = { id: "key_01HQ8Y9Z2K4M6N8P0R2S4T6V8X", name: "Emulator API key" };

const ACTOR_DATA = { actor_id: VAULT_ACTOR.id, actor_source: "api", actor_name: VAULT_ACTOR.name } as const;

/** The event fields naming who acted, as every vault.* event carries them. */
export function actorData(): Record<string, string> {
  return { ...ACTOR_DATA };
}

const MAX_CONTEXT_ENTRIES = 10;
const MAX_CONTEXT_VALUE = 500;

/** A key context from a request body: an object of at most 10 strings of at most 500 characters. */
export function readKeyContext(value: unknown, field: string): Record<string, string> {
  if (!isRecord(value)) throw vaultError(422, `${field} is required and must be an object of strings.`);
  const entries = Object.entries(value);
  if (entries.length > MAX_CONTEXT_ENTRIES)
    throw vaultError(422, `${field} may have at most ${MAX_CONTEXT_ENTRIES} entries.`);
  for (const [key, v] of entries) {
    if (typeof v !== "string") throw vaultError(422, `${field}.${key} must be a string.`);
    if (v.length > MAX_CONTEXT_VALUE)
      throw vaultError(422, `${field}.${key} must be at most ${MAX_CONTEXT_VALUE} characters.`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** A UUID derived from a string, so one context always names one key (and seeds get stable ids). */
export function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function canonical(context: Record<string, string>): string {
  return JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b)));
}

/** The KEK for a context, kept if it is new (seeded objects record theirs this way, without an event). */
export function recordKey(store: EmulatorStore, context: Record<string, string>, at: string): VaultKey {
  const id = uuidFrom(`vault-kek:${canonical(context)}`);
  const existing = store.of(vaultKeys).get(id);
  if (existing) return existing;
  return store.of(vaultKeys).insert({ id, context: { ...context }, created_at: at });
}

/** The KEK for a context, made (with its vault.kek.created event) the first time the context is used. */
export function keyFor(ctx: EmulatorContext, context: Record<string, string>): VaultKey {
  const known = ctx.store.of(vaultKeys).size;
  const key = recordKey(ctx.store, context, isoTime(ctx.now()));
  if (ctx.store.of(vaultKeys).size === known) return key;
  const id = key.id;
  ctx.emit({
    type: "vault.kek.created",
    data: { ...actorData(), key_name: canonical(context), key_id: id },
    organizationId: context.organization_id ?? null,
  });
  return key;
}

// The secret every KEK is derived from. It lives as long as the process, so blobs stay decryptable across a
// reset, and a blob from another emulator (or a forged one) fails its authentication tag.
const MASTER = randomBytes(32);
const MAGIC = Buffer.from("WOSEMU.EKM.v1");

function kekMaterial(keyId: string): Buffer {
  return createHmac("sha256", MASTER).update(keyId).digest();
}

/** The data key encrypted (AES-256-GCM) under its context's KEK; the header (id, context) is authenticated. */
function wrap(dataKeyId: string, dataKey: Buffer, context: Record<string, string>, keyId: string): string {
  const header = Buffer.from(JSON.stringify({ id: dataKeyId, key_id: keyId, context }));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kekMaterial(keyId), iv);
  cipher.setAAD(header);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(header.length);
  return Buffer.concat([MAGIC, length, header, iv, cipher.getAuthTag(), sealed]).toString("base64");
}

interface Unwrapped {
  id: string;
  dataKey: Buffer;
  context: Record<string, string>;
  keyId: string;
}

/** The data key inside a blob `wrap` made, or a 400 for anything else. */
function unwrap(blob: string): Unwrapped {
  const refused = () => vaultError(400, "The encrypted keys could not be decrypted.");
  const bytes = Buffer.from(blob, "base64");
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.length < MAGIC.length + 2) throw refused();
  const headerLength = bytes.readUInt16BE(MAGIC.length);
  let offset = MAGIC.length + 2;
  const header = bytes.subarray(offset, offset + headerLength);
  offset += headerLength;
  const iv = bytes.subarray(offset, offset + 12);
  const tag = bytes.subarray(offset + 12, offset + 28);
  const sealed = bytes.subarray(offset + 28);
  try {
    const parsed = JSON.parse(header.toString("utf8")) as {
      id: string;
      key_id: string;
      context: Record<string, string>;
    };
    const decipher = createDecipheriv("aes-256-gcm", kekMaterial(parsed.key_id), iv);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    const dataKey = Buffer.concat([decipher.update(sealed), decipher.final()]);
    return { id: parsed.id, dataKey, context: parsed.context, keyId: parsed.key_id };
  } catch {
    throw refused();
  }
}

/** A data key answer for a key under `context`, with the vault.dek.read event WorkOS sends for it. */
function issue(
  ctx: EmulatorContext,
  id: string,
  dataKey: Buffer,
  context: Record<string, string>,
): VaultDataKey {
  const key = keyFor(ctx, context);
  ctx.emit({
    type: "vault.dek.read",
    data: { ...actorData(), key_ids: [key.id], key_context: { ...context } },
    organizationId: context.organization_id ?? null,
  });
  return {
    id,
    data_key: dataKey.toString("base64"),
    encrypted_keys: wrap(id, dataKey, context, key.id),
    context: { ...context },
  };
}

function body(req: { body: unknown }): Record<string, unknown> {
  if (!isRecord(req.body)) throw vaultError(400, "The request body must be a JSON object.");
  return req.body;
}

function encryptedKeys(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") throw vaultError(400, `${field} is required.`);
  return value;
}

export const vaultKeys: Resource<VaultKey, never, "vault_keys"> = {
  name: "vault_keys",
  label: "Vault key",
  routes: () => [
    {
      method: "POST",
      pattern: "/vault/v1/keys/data-key",
      handler: (req, ctx) => {
        const context = readKeyContext(body(req).context, "context");
        return { status: 200, body: issue(ctx, randomUUID(), randomBytes(32), context) };
      },
    },
    {
      method: "POST",
      pattern: "/vault/v1/keys/decrypt",
      handler: (req, ctx) => {
        const { id, dataKey, context, keyId } = unwrap(encryptedKeys(body(req).keys, "keys"));
        ctx.emit({
          type: "vault.dek.decrypted",
          data: { ...actorData(), key_id: keyId },
          organizationId: context.organization_id ?? null,
        });
        return { status: 200, body: { id, data_key: dataKey.toString("base64") } };
      },
    },
    {
      method: "POST",
      pattern: "/vault/v1/keys/rekey",
      handler: (req, ctx) => {
        const input = body(req);
        const blob = encryptedKeys(input.encrypted_keys, "encrypted_keys");
        const context = readKeyContext(input.context, "context");
        const { id, dataKey } = unwrap(blob);
        // The same data key (so data encrypted with it still decrypts), sealed under the new context's KEK.
        return { status: 200, body: issue(ctx, id, dataKey, context) };
      },
    },
  ],
};
