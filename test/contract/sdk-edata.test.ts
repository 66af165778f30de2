import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// The official SDK (@workos-inc/node) drives Vault, groups, applications and Pipes against the emulator: what
// it sends must be understood, and what it gets back must deserialize into the fields it reads.

const ACME = DEMO_IDS.organizations.acme;

let emulator: RunningEmulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator();
  const base = new URL(emulator.url);
  workos = new WorkOS(emulator.apiKey, { apiHostname: base.hostname, port: Number(base.port), https: false });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  const res = await fetch(new URL("/_emulator/reset", emulator.url), {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}` },
  });
  if (res.status >= 300) throw new Error(`reset -> ${res.status}`);
});

describe("the official SDK against the emulator: Vault", () => {
  it("createObject, readObject, readObjectByName, describeObject, listObjects", async () => {
    const made = await workos.vault.createObject({
      name: "sdk-secret",
      value: "s3cr3t",
      context: { organization_id: ACME },
    });
    expect(made.context).toEqual({ organization_id: ACME });
    expect(made.updatedAt.getTime()).not.toBeNaN();
    const read = await workos.vault.readObject({ id: made.id });
    expect(read).toMatchObject({ name: "sdk-secret", value: "s3cr3t" });
    expect((await workos.vault.readObjectByName("sdk-secret")).id).toBe(made.id);
    const described = await workos.vault.describeObject({ id: made.id });
    expect(described.value).toBeUndefined();
    expect(described.metadata.keyId).toBe(made.keyId);
    const list = await workos.vault.listObjects({ limit: 100 });
    expect(list.data.map((o) => o.name)).toContain("sdk-secret");
  });

  it("updateObject with versionCheck, listObjectVersions, deleteObject", async () => {
    const made = await workos.vault.createObject({ name: "rotated", value: "a", context: { k: "v" } });
    const updated = await workos.vault.updateObject({
      id: made.id,
      value: "b",
      versionCheck: made.versionId ?? "",
    });
    await expect(
      workos.vault.updateObject({ id: made.id, value: "c", versionCheck: made.versionId ?? "" }),
    ).rejects.toMatchObject({ status: 409 });
    const versions = await workos.vault.listObjectVersions({ id: made.id });
    expect(versions.map((v) => [v.id, v.currentVersion])).toEqual([
      [updated.metadata.versionId, true],
      [made.versionId, false],
    ]);
    await workos.vault.deleteObject({ id: made.id });
    await expect(workos.vault.readObject({ id: made.id })).rejects.toMatchObject({ status: 404 });
  });

  it("createDataKey and decryptDataKey, and encrypt/decrypt round trip through them", async () => {
    const pair = await workos.vault.createDataKey({ context: { organization_id: ACME } });
    const back = await workos.vault.decryptDataKey({ keys: pair.encryptedKeys });
    expect(back).toEqual(pair.dataKey);
    const sealed = await workos.vault.encrypt("the launch codes", { organization_id: ACME }, "aad");
    expect(sealed).not.toContain("launch");
    expect(await workos.vault.decrypt(sealed, "aad")).toBe("the launch codes");
    await expect(workos.vault.decrypt(sealed, "other aad")).rejects.toThrow();
  });
});

describe("the official SDK against the emulator: Pipes", () => {
  it("pipes.getAccessToken: not installed, then a token for the seeded connected account", async () => {
    const none = await workos.pipes.getAccessToken({ provider: "github", userId: DEMO_IDS.users.priyaPatel });
    expect(none).toEqual({ active: false, error: "not_installed" });
    const token = await workos.pipes.getAccessToken({
      provider: "github",
      userId: DEMO_IDS.users.janeDoe,
      organizationId: ACME,
    });
    if (!token.active) throw new Error(`expected an active token, got ${token.error}`);
    expect(token.accessToken.accessToken).toMatch(/^pipes_at_/);
    expect(token.accessToken.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect(token.accessToken.missingScopes).toEqual([]);
  });
});
