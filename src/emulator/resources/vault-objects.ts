import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type {
  VaultActor,
  VaultObject,
  VaultObjectMetadata,
  VaultObjectVersion,
  VaultObjectWithoutValue,
} from "../../workos/vault-object.js";
import { vaultObjectWithoutValue } from "../../workos/vault-object.js";
import { ApiError } from "../errors.js";
import { isoTime } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { EmittedEvent, Resource, SeedLoader } from "../resource.js";
import { requiredString, seedId, seedTimestamps } from "../resource.js";
import type { ApiRequest, EmulatorContext, Route } from "../router.js";
import { contains, isRecord } from "../validate.js";
import {
  actorData,
  keyFor,
  readKeyContext,
  recordKey,
  uuidFrom,
  VAULT_ACTOR,
  VAULT_ENVIRONMENT_ID,
  vaultError,
} from "./vault-keys.js";

/** One stored value of an object; the newest is the current one. */
interface StoredVersion {
  id: string;
  created_at: string;
  value: string;
}

/** A Vault key-value object with every version of its value, oldest first. */
export interface StoredVaultObject {
  id: string;
  name: string;
  context: Record<string, string>;
  key_id: string;
  updated_at: string;
  updated_by: VaultActor;
  versions: StoredVersion[];
}

const MAX_NAME = 200;

const seedEntry = z.object({
  id: seedId,
  name: requiredString().max(MAX_NAME, { error: `must be at most ${MAX_NAME} characters` }),
  value: z.string({ error: "must be a string" }),
  /** Older values, oldest first: each becomes a version before the current one. */
  history: z.array(z.string(), { error: "must be an array of strings" }).optional(),
  key_context: z.record(z.string(), z.string(), { error: "must be an object of strings" }).optional(),
  ...seedTimestamps,
});

export type SeedVaultObject = z.input<typeof seedEntry>;

function current(object: StoredVaultObject): StoredVersion {
  return object.versions[object.versions.length - 1] as StoredVersion;
}

function metadata(object: StoredVaultObject): VaultObjectMetadata {
  return {
    id: object.id,
    environment_id: VAULT_ENVIRONMENT_ID,
    key_id: object.key_id,
    updated_by: { ...object.updated_by },
    updated_at: object.updated_at,
    context: { ...object.context },
    version_id: current(object).id,
  };
}

function withoutValue(object: StoredVaultObject): VaultObjectWithoutValue {
  return { id: object.id, name: object.name, metadata: metadata(object) };
}

function withValue(object: StoredVaultObject): VaultObject {
  return { id: object.id, name: object.name, value: current(object).value, metadata: metadata(object) };
}

function versionOf(object: StoredVaultObject, version: StoredVersion): VaultObjectVersion {
  return {
    id: version.id,
    created_at: version.created_at,
    current_version: version === current(object),
    size: Buffer.byteLength(version.value),
    etag: createHash("md5").update(version.value).digest("hex"),
  };
}

function loadSeed(entries: readonly SeedVaultObject[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const id = s.id ?? uuidFrom(loader.fixedId("vault_object", at));
    const context = { ...(s.key_context ?? {}) };
    const values = [...(s.history ?? []), s.value];
    const versions = values.map((value, i) => ({
      id: uuidFrom(`${id}:version:${i}`),
      // The older versions date from the object's creation, the current one from its last update.
      created_at: i === values.length - 1 ? (s.updated_at ?? at) : at,
      value,
    }));
    loader.store.of(vaultObjects).insert({
      id,
      name: s.name,
      context,
      key_id: recordKey(loader.store, context, at).id,
      updated_at: s.updated_at ?? at,
      updated_by: { ...VAULT_ACTOR },
      versions,
    });
  }
}

function findOr404(ctx: EmulatorContext, id: string): StoredVaultObject {
  const object = ctx.store.of(vaultObjects).get(id);
  if (!object) throw vaultError(404, `Object not found: '${id}'.`);
  return object;
}

function requestBody(req: ApiRequest): Record<string, unknown> {
  if (!isRecord(req.body)) throw vaultError(400, "The request body must be a JSON object.");
  return req.body;
}

function organizationOf(object: StoredVaultObject): string | null {
  return object.context.organization_id ?? null;
}

/** The event a read, change or deletion of an object emits. */
function emitAbout(
  ctx: EmulatorContext,
  type: EmittedEvent["type"],
  object: StoredVaultObject,
  extra = {},
): void {
  ctx.emit({
    type,
    data: { ...actorData(), kv_name: object.name, ...extra },
    organizationId: organizationOf(object),
  });
}

/** A stale `version_check` is refused, so two writers cannot overwrite each other unseen. */
function checkVersion(object: StoredVaultObject, expected: unknown): void {
  if (expected === undefined || expected === null || expected === "") return;
  if (expected !== current(object).id) {
    throw vaultError(
      409,
      `Version mismatch: the object's current version is '${current(object).id}', not '${String(expected)}'.`,
    );
  }
}

/** List parameters as Vault checks them: asc or desc only, and its errors are 400s. */
function listParams(query: URLSearchParams) {
  const order = query.get("order");
  if (order !== null && order !== "asc" && order !== "desc")
    throw vaultError(400, "order must be asc or desc.");
  try {
    return parseListParams(query);
  } catch (error) {
    if (error instanceof ApiError) throw vaultError(400, error.message);
    throw error;
  }
}

function listRoute(): Route {
  return {
    method: "GET",
    pattern: "/vault/v1/kv",
    handler: (req, ctx) => {
      const params = listParams(req.query);
      const search = req.query.get("search") ?? "";
      const updatedAfter = req.query.get("updatedAfter");
      const since = updatedAfter === null ? undefined : Date.parse(updatedAfter);
      if (since !== undefined && Number.isNaN(since))
        throw vaultError(400, "updatedAfter must be an ISO-8601 timestamp.");
      const entries = ctx.store
        .of(vaultObjects)
        .entries()
        .filter(
          ({ value }) =>
            (!search || contains(value.name, search)) &&
            (since === undefined || Date.parse(value.updated_at) > since),
        );
      ctx.emit({ type: "vault.names.listed", data: actorData(), organizationId: null });
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, (o) => ({
          id: o.id,
          name: o.name,
          updated_at: o.updated_at,
        })),
      };
    },
  };
}

export const vaultObjects: Resource<StoredVaultObject, SeedVaultObject, "vault_objects"> = {
  name: "vault_objects",
  label: "Object",
  model: vaultObjectWithoutValue,
  seed: {
    entry: seedEntry,
    check: (entry, seed) => {
      const all = seed.entries(vaultObjects);
      const clash = all.slice(0, all.indexOf(entry)).some((other) => other.name === entry.name);
      return clash ? `name "${entry.name}" is already used by another object` : undefined;
    },
    load: loadSeed,
  },
  serialize: withoutValue,
  routes: () => [
    listRoute(),
    {
      method: "POST",
      pattern: "/vault/v1/kv",
      handler: (req, ctx) => {
        const input = requestBody(req);
        const { name, value } = input;
        if (typeof name !== "string" || name === "") throw vaultError(422, "name is required.");
        if (name.length > MAX_NAME) throw vaultError(422, `name must be at most ${MAX_NAME} characters.`);
        if (typeof value !== "string") throw vaultError(422, "value is required and must be a string.");
        const context = readKeyContext(input.key_context, "key_context");
        if (
          ctx.store
            .of(vaultObjects)
            .values()
            .some((o) => o.name === name)
        )
          throw vaultError(409, `An object named '${name}' already exists.`);
        const at = isoTime(ctx.now());
        const key = keyFor(ctx, context);
        const object: StoredVaultObject = {
          id: randomUUID(),
          name,
          context,
          key_id: key.id,
          updated_at: at,
          updated_by: { ...VAULT_ACTOR },
          versions: [{ id: randomUUID(), created_at: at, value }],
        };
        ctx.store.of(vaultObjects).insert(object);
        emitAbout(ctx, "vault.data.created", object, { key_id: key.id, key_context: { ...context } });
        return { status: 201, body: metadata(object) };
      },
    },
    {
      method: "GET",
      pattern: "/vault/v1/kv/name/:name",
      handler: (req, ctx) => {
        const name = req.params.name ?? "";
        const object = ctx.store
          .of(vaultObjects)
          .values()
          .find((o) => o.name === name);
        if (!object) throw vaultError(404, `Object not found: '${name}'.`);
        emitAbout(ctx, "vault.data.read", object, { key_id: object.key_id });
        return { status: 200, body: withValue(object) };
      },
    },
    {
      method: "GET",
      pattern: "/vault/v1/kv/:id",
      handler: (req, ctx) => {
        const object = findOr404(ctx, req.params.id ?? "");
        emitAbout(ctx, "vault.data.read", object, { key_id: object.key_id });
        return { status: 200, body: withValue(object) };
      },
    },
    {
      method: "PUT",
      pattern: "/vault/v1/kv/:id",
      handler: (req, ctx) => {
        const object = findOr404(ctx, req.params.id ?? "");
        const input = requestBody(req);
        if (typeof input.value !== "string") throw vaultError(400, "value is required and must be a string.");
        checkVersion(object, input.version_check);
        const at = isoTime(ctx.now());
        const next: StoredVaultObject = {
          ...object,
          updated_at: at,
          updated_by: { ...VAULT_ACTOR },
          versions: [...object.versions, { id: randomUUID(), created_at: at, value: input.value }],
        };
        ctx.store.of(vaultObjects).replace(next);
        emitAbout(ctx, "vault.data.updated", next, {
          key_id: next.key_id,
          key_context: { ...next.context },
        });
        return { status: 201, body: withoutValue(next) };
      },
    },
    {
      method: "DELETE",
      pattern: "/vault/v1/kv/:id",
      handler: (req, ctx) => {
        const object = findOr404(ctx, req.params.id ?? "");
        checkVersion(object, req.query.get("version_check") ?? undefined);
        ctx.store.of(vaultObjects).delete(object.id);
        emitAbout(ctx, "vault.data.deleted", object);
        return { status: 200, body: { name: object.name, success: true } };
      },
    },
    {
      method: "GET",
      pattern: "/vault/v1/kv/:id/metadata",
      handler: (req, ctx) => {
        const object = findOr404(ctx, req.params.id ?? "");
        emitAbout(ctx, "vault.metadata.read", object);
        return { status: 200, body: withoutValue(object) };
      },
    },
    {
      method: "GET",
      pattern: "/vault/v1/kv/:id/versions",
      handler: (req, ctx) => {
        const object = findOr404(ctx, req.params.id ?? "");
        // Newest first, all at once: an object's history is short, and WorkOS answers it in one page.
        const data = object.versions.map((v) => versionOf(object, v)).reverse();
        return { status: 200, body: { data, list_metadata: { before: null, after: null } } };
      },
    },
  ],
};
