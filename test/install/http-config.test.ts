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
