import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { start, type TestEmulator, walk } from "./helpers.js";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.api("POST", "/_emulator/reset");
});

const create = (name: string, value = "v1", key_context: Record<string, string> = { team: "a" }) =>
  emu.api("POST", "/vault/v1/kv", { body: { name, value, key_context } });

async function eventTypes(prefix: string): Promise<string[]> {
  const res = await emu.api("GET", "/events?limit=100&order=asc");
  return (res.json.data as { event: string }[]).map((e) => e.event).filter((t) => t.startsWith(prefix));
}

describe("Vault key-value objects", () => {
  it("stores a value, reads it by id and by name, and lists it", async () => {
    const made = await create("db-password", "hunter2", { organization_id: DEMO_IDS.organizations.acme });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ context: { organization_id: DEMO_IDS.organizations.acme } });
    const byId = await emu.api("GET", `/vault/v1/kv/${made.json.id}`);
    expect(byId.json).toMatchObject({ name: "db-password", value: "hunter2" });
    expect(byId.json.metadata.version_id).toBe(made.json.version_id);
    const byName = await emu.api("GET", "/vault/v1/kv/name/db-password");
    expect(byName.json.id).toBe(made.json.id);
    const described = await emu.api("GET", `/vault/v1/kv/${made.json.id}/metadata`);
    expect(described.json.value).toBeUndefined();
    const list = await emu.api("GET", "/vault/v1/kv?search=db-pass");
    expect(list.json.data).toEqual([
      { id: made.json.id, name: "db-password", updated_at: expect.any(String) },
    ]);
  });

  it("refuses a second object with the same name (409) and a body without key_context (422)", async () => {
    expect((await create("dup")).status).toBe(201);
    const again = await create("dup");
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already exists/);
    const bad = await emu.api("POST", "/vault/v1/kv", { body: { name: "x", value: "y" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toMatch(/key_context/);
  });

  it("keeps every version, and refuses an update or delete that names a stale version", async () => {
    const made = await create("rotating", "one");
    const first = made.json.version_id as string;
    const updated = await emu.api("PUT", `/vault/v1/kv/${made.json.id}`, {
      body: { value: "two", version_check: first },
    });
    expect(updated.status).toBe(201);
    const second = updated.json.metadata.version_id as string;
    expect(second).not.toBe(first);

    const stale = await emu.api("PUT", `/vault/v1/kv/${made.json.id}`, {
      body: { value: "three", version_check: first },
    });
    expect(stale.status).toBe(409);
    expect((await emu.api("GET", `/vault/v1/kv/${made.json.id}`)).json.value).toBe("two");

    const versions = await emu.api("GET", `/vault/v1/kv/${made.json.id}/versions`);
    expect(versions.json.data.map((v: { id: string }) => v.id)).toEqual([second, first]);
    expect(versions.json.data.map((v: { current_version: boolean }) => v.current_version)).toEqual([
      true,
      false,
    ]);
    expect(versions.json.data[0]).toMatchObject({ size: 3, etag: "b8a9f715dbb64fd5c56e7783c6820a61" });

    const staleDelete = await emu.api("DELETE", `/vault/v1/kv/${made.json.id}?version_check=${first}`);
    expect(staleDelete.status).toBe(409);
    const deleted = await emu.api("DELETE", `/vault/v1/kv/${made.json.id}?version_check=${second}`);
    expect(deleted.json).toEqual({ name: "rotating", success: true });
    const gone = await emu.api("GET", `/vault/v1/kv/${made.json.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error).toMatch(/not found/);
  });

  it("pages the list with cursors in both orders and refuses order=normal with 400", async () => {
    for (const n of [1, 2, 3, 4, 5]) await create(`page-${n}`);
    const asc = (await walk(emu, "/vault/v1/kv?limit=2&order=asc&search=page-", "after")).flat();
    const desc = (await walk(emu, "/vault/v1/kv?limit=2&search=page-", "after")).flat();
    expect(asc).toHaveLength(5);
    expect(desc).toEqual([...asc].reverse());
    expect((await emu.api("GET", "/vault/v1/kv?order=normal")).status).toBe(400);
  });

  it("seeds the demo objects with their history", async () => {
    const seeded = await emu.api("GET", "/vault/v1/kv/name/acme-stripe-api-key");
    expect(seeded.json.metadata.context).toEqual({ organization_id: DEMO_IDS.organizations.acme });
    const versions = await emu.api("GET", `/vault/v1/kv/${seeded.json.id}/versions`);
    expect(versions.json.data).toHaveLength(2);
  });

  it("records vault.* events for writes and reads", async () => {
    const made = await create("evented");
    await emu.api("GET", `/vault/v1/kv/${made.json.id}`);
    await emu.api("PUT", `/vault/v1/kv/${made.json.id}`, { body: { value: "again" } });
    await emu.api("DELETE", `/vault/v1/kv/${made.json.id}`);
    expect(await eventTypes("vault.")).toEqual([
      "vault.kek.created",
      "vault.data.created",
      "vault.data.read",
      "vault.data.updated",
      "vault.data.deleted",
    ]);
  });
});

describe("Vault data keys", () => {
  it("issues a 256-bit key whose encrypted blob decrypts back to it, and rekeys under a new context", async () => {
    const issued = await emu.api("POST", "/vault/v1/keys/data-key", { body: { context: { tenant: "t1" } } });
    expect(issued.status).toBe(200);
    expect(Buffer.from(issued.json.data_key, "base64")).toHaveLength(32);
    const decrypted = await emu.api("POST", "/vault/v1/keys/decrypt", {
      body: { keys: issued.json.encrypted_keys },
    });
    expect(decrypted.json).toEqual({ id: issued.json.id, data_key: issued.json.data_key });

    const rekeyed = await emu.api("POST", "/vault/v1/keys/rekey", {
      body: { encrypted_keys: issued.json.encrypted_keys, context: { tenant: "t2" } },
    });
    expect(rekeyed.json).toMatchObject({
      id: issued.json.id,
      data_key: issued.json.data_key,
      context: { tenant: "t2" },
    });
    expect(rekeyed.json.encrypted_keys).not.toBe(issued.json.encrypted_keys);
    const again = await emu.api("POST", "/vault/v1/keys/decrypt", {
      body: { keys: rekeyed.json.encrypted_keys },
    });
    expect(again.json.data_key).toBe(issued.json.data_key);
  });

  it("refuses a tampered blob (400) and a missing context (422)", async () => {
    const issued = await emu.api("POST", "/vault/v1/keys/data-key", { body: { context: { tenant: "t1" } } });
    const bytes = Buffer.from(issued.json.encrypted_keys, "base64");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const tampered = await emu.api("POST", "/vault/v1/keys/decrypt", {
      body: { keys: bytes.toString("base64") },
    });
    expect(tampered.status).toBe(400);
    expect((await emu.api("POST", "/vault/v1/keys/data-key", { body: {} })).status).toBe(422);
  });

  it("the key really encrypts: AES-GCM data sealed with it opens with the decrypted key", async () => {
    const { createCipheriv, randomBytes } = await import("node:crypto");
    const issued = await emu.api("POST", "/vault/v1/keys/data-key", { body: { context: { tenant: "t1" } } });
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(issued.json.data_key, "base64"), iv);
    const sealed = Buffer.concat([cipher.update("attack at dawn"), cipher.final()]);
    const tag = cipher.getAuthTag();
    const key = (
      await emu.api("POST", "/vault/v1/keys/decrypt", { body: { keys: issued.json.encrypted_keys } })
    ).json.data_key;
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(key, "base64"), iv);
    decipher.setAuthTag(tag);
    expect(Buffer.concat([decipher.update(sealed), decipher.final()]).toString()).toBe("attack at dawn");
  });
});
