import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { officialSdkPerFile } from "../support/official-sdk.js";

// The official SDK (@workos-inc/node) drives Vault, groups, applications and Pipes against the emulator: what
// it sends must be understood, and what it gets back must deserialize into the fields it reads.

const ACME = DEMO_IDS.organizations.acme;

const sdk = officialSdkPerFile();

describe("the official SDK against the emulator: Vault", () => {
  it("createObject, readObject, readObjectByName, describeObject, listObjects", async () => {
    const made = await sdk.workos.vault.createObject({
      name: "sdk-secret",
      value: "s3cr3t",
      context: { organization_id: ACME },
    });
    expect(made.context).toEqual({ organization_id: ACME });
    expect(made.updatedAt.getTime()).not.toBeNaN();
    const read = await sdk.workos.vault.readObject({ id: made.id });
    expect(read).toMatchObject({ name: "sdk-secret", value: "s3cr3t" });
    expect((await sdk.workos.vault.readObjectByName("sdk-secret")).id).toBe(made.id);
    const described = await sdk.workos.vault.describeObject({ id: made.id });
    expect(described.value).toBeUndefined();
    expect(described.metadata.keyId).toBe(made.keyId);
    const list = await sdk.workos.vault.listObjects({ limit: 100 });
    expect(list.data.map((o) => o.name)).toContain("sdk-secret");
  });

  it("updateObject with versionCheck, listObjectVersions, deleteObject", async () => {
    const made = await sdk.workos.vault.createObject({ name: "rotated", value: "a", context: { k: "v" } });
    const updated = await sdk.workos.vault.updateObject({
      id: made.id,
      value: "b",
      versionCheck: made.versionId ?? "",
    });
    await expect(
      sdk.workos.vault.updateObject({ id: made.id, value: "c", versionCheck: made.versionId ?? "" }),
    ).rejects.toMatchObject({ status: 409 });
    const versions = await sdk.workos.vault.listObjectVersions({ id: made.id });
    expect(versions.map((v) => [v.id, v.currentVersion])).toEqual([
      [updated.metadata.versionId, true],
      [made.versionId, false],
    ]);
    await sdk.workos.vault.deleteObject({ id: made.id });
    await expect(sdk.workos.vault.readObject({ id: made.id })).rejects.toMatchObject({ status: 404 });
  });

  it("createDataKey and decryptDataKey, and encrypt/decrypt round trip through them", async () => {
    const pair = await sdk.workos.vault.createDataKey({ context: { organization_id: ACME } });
    const back = await sdk.workos.vault.decryptDataKey({ keys: pair.encryptedKeys });
    expect(back).toEqual(pair.dataKey);
    const sealed = await sdk.workos.vault.encrypt("the launch codes", { organization_id: ACME }, "aad");
    expect(sealed).not.toContain("launch");
    expect(await sdk.workos.vault.decrypt(sealed, "aad")).toBe("the launch codes");
    await expect(sdk.workos.vault.decrypt(sealed, "other aad")).rejects.toThrow();
  });
});

describe("the official SDK against the emulator: Pipes", () => {
  it("pipes.getAccessToken: not installed, then a token for the seeded connected account", async () => {
    const none = await sdk.workos.pipes.getAccessToken({
      provider: "github",
      userId: DEMO_IDS.users.priyaPatel,
    });
    expect(none).toEqual({ active: false, error: "not_installed" });
    const token = await sdk.workos.pipes.getAccessToken({
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
