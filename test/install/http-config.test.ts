import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const TOKEN = "t".repeat(32);
const ENV = { WORKOS_API_KEY: "sk_test_abc", WORKOS_MCP_HTTP_TOKEN: TOKEN };

describe("loadConfig: --http", () => {
  it("is off by default, and --host/--port need --http", () => {
    expect(loadConfig(ENV, []).http).toBeUndefined();
    expect(() => loadConfig(ENV, ["--port", "3000"])).toThrow(/--host and --port only apply with --http/);
    expect(() => loadConfig(ENV, ["--host", "0.0.0.0"])).toThrow(ConfigError);
  });

  it("defaults to 127.0.0.1:3000 with no extra hosts or origins", () => {
    expect(loadConfig(ENV, ["--http"]).http).toEqual({
      host: "127.0.0.1",
      port: 3000,
      token: TOKEN,
      allowedHosts: [],
      allowedOrigins: [],
    });
  });

  it("reads host, port and the allowlists", () => {
    const config = loadConfig(
      {
        ...ENV,
        WORKOS_MCP_ALLOWED_HOSTS: "MCP.example.com, mcp.internal:8443",
        WORKOS_MCP_ALLOWED_ORIGINS: "https://App.example.com,http://localhost:5173",
      },
      ["--http", "--host", "0.0.0.0", "--port", "8080"],
    );
    expect(config.http).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      allowedHosts: ["mcp.example.com", "mcp.internal:8443"],
      allowedOrigins: ["https://app.example.com", "http://localhost:5173"],
    });
  });

  it.each([["-1"], ["65536"], ["http"], ["30.5"], [""]])("refuses --port %j", (port) => {
    expect(() => loadConfig(ENV, ["--http", `--port=${port}`])).toThrow(/--port must be a number/);
  });

  it("refuses an origin that is not an origin", () => {
    for (const origin of ["app.example.com", "https://app.example.com/path", "null"]) {
      expect(() => loadConfig({ ...ENV, WORKOS_MCP_ALLOWED_ORIGINS: origin }, ["--http"]), origin).toThrow(
        /WORKOS_MCP_ALLOWED_ORIGINS/,
      );
    }
  });

  it("needs a token of 32+ characters, from the environment only, and never echoes it", () => {
    expect(() => loadConfig({ WORKOS_API_KEY: "k" }, ["--http"])).toThrow(
      /--http needs WORKOS_MCP_HTTP_TOKEN/,
    );
    expect(() => loadConfig({ ...ENV, WORKOS_MCP_HTTP_TOKEN: "" }, ["--http"])).toThrow(
      /needs WORKOS_MCP_HTTP/,
    );
    let message = "";
    try {
      loadConfig({ ...ENV, WORKOS_MCP_HTTP_TOKEN: "secret-but-short" }, ["--http"]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/too short \(16 characters; at least 32\)/);
    expect(message).not.toContain("secret-but-short");
    for (const flag of ["--http-token", "--token=abc"]) {
      expect(() => loadConfig(ENV, ["--http", flag, "x"])).toThrow(/refused.*WORKOS_MCP_HTTP_TOKEN/);
    }
  });
});

describe("loadConfig: --http with sign-in (AuthKit)", () => {
  const SIGN_IN = {
    WORKOS_API_KEY: "sk_test_abc",
    WORKOS_MCP_AUTHKIT_DOMAIN: "https://acme.authkit.app/",
    WORKOS_MCP_PUBLIC_URL: "https://mcp.example.com/mcp",
  };

  it("takes the domain as the issuer (its origin) and the public URL as the resource, and accepts its Host", () => {
    const http = loadConfig(SIGN_IN, ["--http"]).http;
    expect(http?.token).toBeUndefined();
    expect(http?.signIn).toEqual({
      authkitDomain: "https://acme.authkit.app",
      publicUrl: "https://mcp.example.com/mcp",
      auditOrganizationId: undefined,
    });
    expect(http?.allowedHosts).toContain("mcp.example.com");
    const audited = loadConfig({ ...SIGN_IN, WORKOS_MCP_AUDIT_ORGANIZATION_ID: "org_01ABC" }, ["--http"]);
    expect(audited.http?.signIn?.auditOrganizationId).toBe("org_01ABC");
  });

  it("allows http only on loopback (the local emulator)", () => {
    const local = {
      WORKOS_MCP_AUTHKIT_DOMAIN: "http://127.0.0.1:4000",
      WORKOS_MCP_PUBLIC_URL: "http://localhost:3000/mcp",
    };
    expect(loadConfig({ ...SIGN_IN, ...local }, ["--http"]).http?.signIn?.authkitDomain).toBe(
      "http://127.0.0.1:4000",
    );
    expect(() =>
      loadConfig({ ...SIGN_IN, WORKOS_MCP_AUTHKIT_DOMAIN: "http://acme.authkit.app" }, ["--http"]),
    ).toThrow(/WORKOS_MCP_AUTHKIT_DOMAIN must be an https URL/);
    expect(() =>
      loadConfig({ ...SIGN_IN, WORKOS_MCP_PUBLIC_URL: "http://mcp.example.com/mcp" }, ["--http"]),
    ).toThrow(/WORKOS_MCP_PUBLIC_URL must be an https URL/);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ WORKOS_MCP_HTTP_TOKEN: TOKEN }, /^Set either WORKOS_MCP_HTTP_TOKEN .* not both\.$/],
    [{ WORKOS_MCP_PUBLIC_URL: "" }, /WORKOS_MCP_AUTHKIT_DOMAIN is set without WORKOS_MCP_PUBLIC_URL/],
    [{ WORKOS_MCP_AUTHKIT_DOMAIN: "" }, /WORKOS_MCP_PUBLIC_URL is set without WORKOS_MCP_AUTHKIT_DOMAIN/],
    [{ WORKOS_MCP_AUTHKIT_DOMAIN: "https://acme.authkit.app/oauth2" }, /domain alone/],
    [{ WORKOS_MCP_AUTHKIT_DOMAIN: "acme.authkit.app" }, /must be a URL/],
    [{ WORKOS_MCP_PUBLIC_URL: "https://mcp.example.com/mcp?x=1" }, /no query/],
    [{ WORKOS_MCP_AUDIT_ORGANIZATION_ID: "acme" }, /must be an organization id/],
  ])("refuses %o in one line", (change, message) => {
    let error: unknown;
    try {
      loadConfig({ ...SIGN_IN, ...change }, ["--http"]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it("refuses an audit organization without sign-in", () => {
    expect(() => loadConfig({ ...ENV, WORKOS_MCP_AUDIT_ORGANIZATION_ID: "org_01ABC" }, ["--http"])).toThrow(
      /only applies when people sign in/,
    );
  });
});
