import { BadRequestException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { totpCode } from "../../src/emulator/totp.js";
import { emulatorControl, officialSdkPerFile } from "../support/official-sdk.js";

// The official SDK drives the Audit Logs, API keys, feature flags, webhook endpoints, MFA, SSO and Radar
// operations it has methods for: what it sends must be understood, what it gets back must deserialize.

const GLOBEX = DEMO_IDS.organizations.globex;

const sdk = officialSdkPerFile();

const _control = (path: string, body?: unknown) => emulatorControl(sdk.emulator, path, body);

describe("the official SDK against the emulator: audit logs", () => {
  it("auditLogs.createSchema, createEvent (validated), createExport and getExport", async () => {
    const schema = await sdk.workos.auditLogs.createSchema({
      action: "document.shared",
      targets: [{ type: "document", metadata: { pages: "number" } }],
      actor: { metadata: { role: "string" } },
    });
    expect(schema).toMatchObject({ object: "audit_log_schema", version: 1 });
    expect(schema.targets).toEqual([{ type: "document", metadata: { pages: "number" } }]);
    const occurredAt = new Date("2024-03-01T10:00:00.000Z");
    const event = {
      action: "document.shared",
      occurredAt,
      actor: { id: "user_7", type: "user", name: "Dana", metadata: { role: "editor" } },
      targets: [{ id: "doc_1", type: "document", metadata: { pages: 12 } }],
      context: { location: "192.0.2.5", userAgent: "sdk-test" },
    };
    await sdk.workos.auditLogs.createEvent(GLOBEX, event);
    await expect(
      sdk.workos.auditLogs.createEvent(GLOBEX, {
        ...event,
        targets: [{ id: "d", type: "document", metadata: { pages: "x" } }],
      }),
    ).rejects.toBeInstanceOf(BadRequestException);
    const created = await sdk.workos.auditLogs.createExport({
      organizationId: GLOBEX,
      rangeStart: new Date("2024-03-01T00:00:00.000Z"),
      rangeEnd: new Date("2024-03-02T00:00:00.000Z"),
    });
    expect(created).toMatchObject({ object: "audit_log_export", state: "pending" });
    const ready = await sdk.workos.auditLogs.getExport(created.id);
    expect(ready.state).toBe("ready");
    const csv = await (await fetch(ready.url as string)).text();
    expect(csv.trim().split("\n")).toHaveLength(2);
    expect(csv).toContain("document.shared,2024-03-01T10:00:00.000Z,user_7,user,Dana");
  });
});

describe("the official SDK against the emulator: API keys", () => {
  it("organizations.createOrganizationApiKey and listOrganizationApiKeys, apiKeys.validateApiKey and deleteApiKey", async () => {
    const created = await sdk.workos.organizations.createOrganizationApiKey({
      organizationId: GLOBEX,
      name: "SDK key",
      permissions: ["reports:read"],
    });
    expect(created).toMatchObject({
      object: "api_key",
      name: "SDK key",
      owner: { type: "organization", id: GLOBEX },
    });
    expect(created.value).toMatch(/^sk_/);
    const listed = await sdk.workos.organizations.listOrganizationApiKeys({ organizationId: GLOBEX });
    expect(listed.data.map((key) => key.id)).toEqual([created.id]);
    expect(listed.data[0]?.obfuscatedValue).toBe(`sk_...${created.value.slice(-4)}`);
    const valid = await sdk.workos.apiKeys.validateApiKey({ value: created.value });
    expect(valid.apiKey?.id).toBe(created.id);
    expect(valid.apiKey?.lastUsedAt).not.toBeNull();
    await sdk.workos.apiKeys.deleteApiKey(created.id);
    expect((await sdk.workos.apiKeys.validateApiKey({ value: created.value })).apiKey).toBeNull();
  });
});

describe("the official SDK against the emulator: feature flags", () => {
  it("featureFlags.list/get/enable/disable/addFlagTarget/removeFlagTarget and the organization and user lists", async () => {
    const all = await sdk.workos.featureFlags.listFeatureFlags({ limit: 100 });
    expect(all.data.map((flag) => flag.slug).sort()).toEqual([
      "advanced-analytics",
      "dark-mode",
      "legacy-export",
      "new-onboarding",
    ]);
    const flag = await sdk.workos.featureFlags.getFeatureFlag("advanced-analytics");
    expect(flag).toMatchObject({ slug: "advanced-analytics", enabled: true, defaultValue: false });
    expect((await sdk.workos.featureFlags.disableFeatureFlag("dark-mode")).enabled).toBe(false);
    await sdk.workos.featureFlags.addFlagTarget({ slug: "new-onboarding", targetId: GLOBEX });
    const globex = await sdk.workos.organizations.listOrganizationFeatureFlags({ organizationId: GLOBEX });
    expect(globex.data.map((f) => f.slug)).toEqual(["new-onboarding"]);
    await sdk.workos.featureFlags.removeFlagTarget({ slug: "new-onboarding", targetId: GLOBEX });
    expect(
      (await sdk.workos.organizations.listOrganizationFeatureFlags({ organizationId: GLOBEX })).data,
    ).toEqual([]);
    expect((await sdk.workos.featureFlags.enableFeatureFlag("dark-mode")).enabled).toBe(true);
    const jane = await sdk.workos.userManagement.listUserFeatureFlags({ userId: DEMO_IDS.users.janeDoe });
    expect(jane.data.map((f) => f.slug).sort()).toEqual(["advanced-analytics", "dark-mode"]);
  });
});

describe("the official SDK against the emulator: MFA", () => {
  it("mfa.enrollFactor (totp, sms), getFactor, challengeFactor, verifyChallenge and deleteFactor", async () => {
    const totp = await sdk.workos.mfa.enrollFactor({
      type: "totp",
      issuer: "Globex",
      user: "hank@globex.com",
    });
    expect(totp.type).toBe("totp");
    const secret = totp.totp?.secret as string;
    expect((await sdk.workos.mfa.getFactor(totp.id)).totp).toEqual({
      issuer: "Globex",
      user: "hank@globex.com",
    });
    const challenge = await sdk.workos.mfa.challengeFactor({ authenticationFactorId: totp.id });
    const verified = await sdk.workos.mfa.verifyChallenge({
      authenticationChallengeId: challenge.id,
      code: totpCode(secret, Date.now()),
    });
    expect(verified.valid).toBe(true);

    const sms = await sdk.workos.mfa.enrollFactor({ type: "sms", phoneNumber: "+15555550142" });
    expect(sms.sms?.phoneNumber).toBe("+15555550142");
    const smsChallenge = await sdk.workos.mfa.challengeFactor({
      authenticationFactorId: sms.id,
      smsTemplate: "Globex: {{code}}",
    });
    const outbox = await fetch(new URL("/_emulator/sms", sdk.emulator.url), {
      headers: { authorization: `Bearer ${sdk.emulator.apiKey}` },
    });
    const { data } = (await outbox.json()) as {
      data: { authentication_challenge_id: string; code: string }[];
    };
    const code = data.find((m) => m.authentication_challenge_id === smsChallenge.id)?.code as string;
    expect(
      (await sdk.workos.mfa.verifyChallenge({ authenticationChallengeId: smsChallenge.id, code })).valid,
    ).toBe(true);
    await sdk.workos.mfa.deleteFactor(sms.id);
    await expect(sdk.workos.mfa.getFactor(sms.id)).rejects.toThrow();
  });
});

describe("the official SDK against the emulator: SSO", () => {
  it("sso.getAuthorizationUrl (followed), getProfileAndToken and getProfile", async () => {
    const url = sdk.workos.sso.getAuthorizationUrl({
      organization: DEMO_IDS.organizations.acme,
      clientId: "client_sdk",
      redirectUri: "https://app.example.com/callback",
      state: "sdk-state",
    });
    expect(url.startsWith(sdk.emulator.url)).toBe(true);
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("location") ?? "");
    expect(back.searchParams.get("state")).toBe("sdk-state");
    const { profile, accessToken } = await sdk.workos.sso.getProfileAndToken({
      code: back.searchParams.get("code") ?? "",
      clientId: "client_sdk",
    });
    expect(profile).toMatchObject({
      organizationId: DEMO_IDS.organizations.acme,
      connectionId: DEMO_IDS.connections.acmeAzureSaml,
      connectionType: "AzureSAML",
    });
    expect((await sdk.workos.sso.getProfile({ accessToken })).id).toBe(profile.id);
  });
});

describe("the official SDK against the emulator: widgets", () => {
  it("widgets.getToken", async () => {
    const token = await sdk.workos.widgets.getToken({
      userId: DEMO_IDS.users.janeDoe,
      organizationId: DEMO_IDS.organizations.acme,
      scopes: ["widgets:users-table:manage"],
    });
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({ sub: DEMO_IDS.users.janeDoe, org_id: DEMO_IDS.organizations.acme });
  });
});
