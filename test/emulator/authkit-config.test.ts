import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, DEMO_PASSWORD } from "../../src/emulator/index.js";
import { validateSeed } from "../../src/emulator/seed.js";
import { start, type TestEmulator } from "./helpers.js";

// AuthKit's configuration over real HTTP: CORS origins and the JWT template, whose claims reach access tokens.
let e: TestEmulator;
beforeAll(async () => {
  e = await start();
});
afterAll(() => e.close());
beforeEach(() => e.api("POST", "/_emulator/reset"));

async function claimsOf(emulator: TestEmulator, email: string, password: string) {
  const res = await emulator.api("POST", "/user_management/authenticate", {
    body: {
      client_id: DEFAULT_CLIENT_ID,
      client_secret: emulator.apiKey,
      grant_type: "password",
      email,
      password,
    },
  });
  expect(res.status).toBe(200);
  return JSON.parse(Buffer.from(res.json.access_token.split(".")[1], "base64url").toString("utf8"));
}

describe("CORS origins", () => {
  it("lists the seeded origins, adds one (a trailing slash dropped) and refuses it twice", async () => {
    const seeded = await e.api("GET", "/user_management/cors_origins?order=asc");
    expect(seeded.json.data.map((o: { origin: string }) => o.origin)).toEqual([
      "http://localhost:3000",
      "https://app.example.com",
    ]);
    const added = await e.api("POST", "/user_management/cors_origins", {
      body: { origin: "https://new.example.com/" },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ object: "cors_origin", origin: "https://new.example.com" });
    expect(added.json.id).toMatch(/^cors_origin_/);
    const again = await e.api("POST", "/user_management/cors_origins", {
      body: { origin: "https://new.example.com" },
    });
    expect(again.status).toBe(409);
    const newest = await e.api("GET", "/user_management/cors_origins?limit=1");
    expect(newest.json.data[0].id).toBe(added.json.id);
  });

  it("refuses what is not an origin", async () => {
    for (const origin of ["ftp://example.com", "https://example.com/path", "example.com", ""]) {
      const res = await e.api("POST", "/user_management/cors_origins", { body: { origin } });
      expect(res.status, origin).toBe(422);
    }
  });
});

describe("the JWT template", () => {
  it("the demo seed's template puts custom claims into access tokens", async () => {
    const template = await e.api("GET", "/user_management/jwt_template");
    expect(template.json.object).toBe("jwt_template");
    const claims = await claimsOf(e, "jane.doe@acme.com", DEMO_PASSWORD);
    expect(claims).toMatchObject({
      "urn:demo:email": "jane.doe@acme.com",
      "urn:demo:name": "Jane Doe",
      "urn:demo:organization": "Acme Inc",
    });
  });

  it("a new template applies to the next sign-in: typed values, interpolated strings, reserved claims kept", async () => {
    const put = await e.api("PUT", "/user_management/jwt_template", {
      body: {
        content:
          '{"verified": {{user.email_verified}}, "team": "team-{{user.metadata.team}}", "sub": "someone-else", "missing": {{user.nothing}}}',
      },
    });
    expect(put.status).toBe(200);
    const user = await e.api("POST", "/user_management/users", {
      body: {
        email: "claims@example.com",
        password: "claims-password",
        email_verified: true,
        metadata: { team: "blue" },
      },
    });
    const claims = await claimsOf(e, "claims@example.com", "claims-password");
    expect(claims).toMatchObject({ verified: true, team: "team-blue", missing: null, sub: user.json.id });
  });

  it("an environment without a template answers 404 until one is set", async () => {
    const bare = await start({ seed: {} });
    try {
      expect((await bare.api("GET", "/user_management/jwt_template")).status).toBe(404);
      const put = await bare.api("PUT", "/user_management/jwt_template", { body: { content: "{}" } });
      expect(put.status).toBe(200);
      expect(put.json.created_at).toBe(put.json.updated_at);
      expect((await bare.api("GET", "/user_management/jwt_template")).json.content).toBe("{}");
    } finally {
      await bare.close();
    }
  });

  it("seeds are checked: one template of a JSON object, origins that are origins", () => {
    expect(() => validateSeed({ jwt_template: [{ content: "not json" }] })).toThrow(/jwt_template/);
    expect(() => validateSeed({ jwt_template: [{ content: "{}" }, { content: "{}" }] })).toThrow(
      /one JWT template/,
    );
    expect(() => validateSeed({ cors_origins: [{ origin: "https://x.example.com/path" }] })).toThrow(
      /origin/,
    );
  });
});
