import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_TOOLSETS, environmentOf, loadConfig, TOOLSETS } from "../src/config.js";

const KEY = { WORKOS_API_KEY: "sk_test_abc123" };

describe("loadConfig", () => {
  it("reads the environment with defaults", () => {
    const config = loadConfig(KEY, []);
    expect(config).toMatchObject({
      apiKey: "sk_test_abc123",
      baseUrl: "https://api.workos.com",
      webhookSecrets: [],
      readOnly: false,
      emulator: false,
    });
    expect([...config.toolsets]).toEqual([...DEFAULT_TOOLSETS]);
  });

  it('turns every toolset on with "all", alone or beside others', () => {
    expect([...loadConfig({ ...KEY, WORKOS_MCP_TOOLSETS: "all" }, []).toolsets]).toEqual([...TOOLSETS]);
    expect(loadConfig(KEY, ["--toolsets", "sso,all"]).toolsets.size).toBe(TOOLSETS.length);
    expect([...loadConfig(KEY, ["--toolsets", "users"]).toolsets]).toEqual(["users"]);
  });

  it("treats empty variables as unset, as MCP hosts send them", () => {
    const config = loadConfig(
      {
        ...KEY,
        WORKOS_API_BASE_URL: "",
        WORKOS_WEBHOOK_SECRET: " ",
        WORKOS_MCP_READ_ONLY: "",
        WORKOS_MCP_TOOLSETS: "",
      },
      [],
    );
    expect(config.baseUrl).toBe("https://api.workos.com");
    expect(config.webhookSecrets).toEqual([]);
    expect(config.readOnly).toBe(false);
    expect(config.toolsets.size).toBe(DEFAULT_TOOLSETS.length);
    expect(() => loadConfig({ WORKOS_API_KEY: "" }, [])).toThrow(ConfigError);
  });

  it("splits rotated webhook secrets and toolsets", () => {
    const config = loadConfig(
      { ...KEY, WORKOS_WEBHOOK_SECRET: "a1b2c3, d4e5f6", WORKOS_MCP_TOOLSETS: "sso,webhooks" },
      [],
    );
    expect(config.webhookSecrets).toEqual(["a1b2c3", "d4e5f6"]);
    expect([...config.toolsets]).toEqual(["sso", "webhooks"]);
    expect([...loadConfig(KEY, ["--toolsets", "organizations"]).toolsets]).toEqual(["organizations"]);
  });

  it("turns on every toolset with all, and leaves authorization and events off by default", () => {
    expect([...loadConfig(KEY, ["--toolsets", "all"]).toolsets]).toEqual([...TOOLSETS]);
    expect([...loadConfig({ ...KEY, WORKOS_MCP_TOOLSETS: "all" }, []).toolsets]).toEqual([...TOOLSETS]);
    expect(DEFAULT_TOOLSETS).not.toContain("authorization");
    expect(DEFAULT_TOOLSETS).not.toContain("events");
    expect(DEFAULT_TOOLSETS).not.toContain("audit_logs");
    expect(DEFAULT_TOOLSETS).not.toContain("webhook_endpoints");
    expect(DEFAULT_TOOLSETS).not.toContain("catalog");
    expect(() => loadConfig(KEY, ["--toolsets", "rolez"])).toThrow(/Choose from: .*events.*, or all/);
  });

  it("still accepts roles, the authorization toolset's old name, in --toolsets and WORKOS_MCP_TOOLSETS", () => {
    expect([...loadConfig(KEY, ["--toolsets", "sso,roles"]).toolsets]).toEqual(["sso", "authorization"]);
    expect([...loadConfig({ ...KEY, WORKOS_MCP_TOOLSETS: "roles" }, []).toolsets]).toEqual(["authorization"]);
    expect([...loadConfig(KEY, ["--toolsets", "roles,authorization"]).toolsets]).toEqual(["authorization"]);
  });

  it.each([
    [{ WORKOS_MCP_READ_ONLY: "true" }, [], true],
    [{ WORKOS_MCP_READ_ONLY: "1" }, [], true],
    [{ WORKOS_MCP_READ_ONLY: "false" }, [], false],
    [{}, ["--read-only"], true],
  ])("read-only from %o %o", (env, argv, expected) => {
    expect(loadConfig({ ...KEY, ...env }, argv).readOnly).toBe(expected);
  });

  it("reads the result budget, and refuses one too small or not a number", () => {
    expect(loadConfig(KEY, []).maxResultChars).toBeUndefined();
    expect(loadConfig({ ...KEY, WORKOS_MCP_MAX_RESULT_CHARS: "12000" }, []).maxResultChars).toBe(12_000);
    for (const bad of ["1999", "12k", "-5", "1e5"]) {
      expect(() => loadConfig({ ...KEY, WORKOS_MCP_MAX_RESULT_CHARS: bad }, [])).toThrow(
        /WORKOS_MCP_MAX_RESULT_CHARS must be a whole number of characters, at least 2000/,
      );
    }
  });

  it("needs a key unless the emulator is asked for, and says how to get one", () => {
    expect(() => loadConfig({}, [])).toThrow(/WORKOS_API_KEY.*--emulator/s);
    expect(loadConfig({}, ["--emulator"]).apiKey).toBeUndefined();
    // doctor reports a missing key itself, after printing the settings.
    expect(loadConfig({}, [], { requireApiKey: false }).apiKey).toBeUndefined();
    expect(loadConfig({}, ["--emulator", "--seed", "seed.json"]).seedFile).toBe("seed.json");
  });

  it("turns the emulator on from WORKOS_MCP_EMULATOR, as the bundle's Demo mode switch sends it", () => {
    expect(loadConfig({ WORKOS_MCP_EMULATOR: "true" }, []).emulator).toBe(true);
    // The switch off, or a host that left the placeholder, still needs a key, and the message says so.
    for (const off of ["false", "", `\${user_config.demo}`]) {
      expect(() => loadConfig({ WORKOS_MCP_EMULATOR: off }, [])).toThrow(
        /WORKOS_MCP_EMULATOR=true.*Demo mode/s,
      );
    }
    expect(loadConfig({ WORKOS_MCP_EMULATOR: "false", WORKOS_API_KEY: "sk_test_1" }, []).emulator).toBe(
      false,
    );
    expect(() => loadConfig({ WORKOS_MCP_EMULATOR: "maybe" }, [])).toThrow(
      /WORKOS_MCP_EMULATOR must be true or false/,
    );
    expect(loadConfig({}, ["--help"]).help).toBe(true);
  });

  it.each([
    [["--api-key", "sk_live_x"], /--api-key is refused.*WORKOS_API_KEY/],
    [["--api-key=sk_live_x"], /--api-key is refused/],
    [["--webhook-secret", "whsec"], /WORKOS_WEBHOOK_SECRET/],
  ])("refuses a secret passed as a flag: %o", (argv, message) => {
    const error = (() => {
      try {
        loadConfig(KEY, argv);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("expected a ConfigError");
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("sk_live_x");
    expect(error.message).not.toContain("whsec");
  });

  it.each([
    [{ WORKOS_MCP_TOOLSETS: "sso,billing" }, [], /Unknown toolset "billing"/],
    [
      {},
      ["--toolsets", "user,directory-sync"],
      /Unknown toolset "user" \(did you mean users\b.*\), "directory-sync" \(did you mean directory_sync\?\)\. Choose from/,
    ],
    [{ WORKOS_MCP_TOOLSETS: "rolls" }, [], /"rolls" \(did you mean roles\b/],
    [{ WORKOS_MCP_READ_ONLY: "maybe" }, [], /WORKOS_MCP_READ_ONLY must be true or false/],
    [{ WORKOS_API_BASE_URL: "not a url" }, [], /not a valid URL/],
    [{ WORKOS_API_BASE_URL: "ftp://x" }, [], /http\(s\)/],
    [{}, ["--bogus"], /--bogus.*--help/s],
    [
      {},
      ["--toolset", "sso"],
      /Unknown option '--toolset' \(did you mean --toolsets\b.*\)\. Run with --help/,
    ],
    [{}, ["--read-olny"], /Unknown option '--read-olny' \(did you mean --read-only\?\)/],
    [{}, ["--seed", "x.json"], /--seed only applies with --emulator/],
  ])("rejects bad settings clearly: %o %o", (env, argv, message) => {
    expect(() => loadConfig({ ...KEY, ...env }, argv)).toThrow(message);
  });

  it("names the environment from the key prefix", () => {
    expect(environmentOf({ apiKey: "sk_live_1", emulator: false })).toBe("production");
    expect(environmentOf({ apiKey: "sk_test_1", emulator: false })).toBe("staging");
    expect(environmentOf({ apiKey: "other", emulator: false })).toBe("unknown");
    expect(environmentOf({ apiKey: undefined, emulator: true })).toBe("emulator");
  });
});

describe("proxy settings", () => {
  it.each([
    [{ HTTPS_PROXY: "http://proxy.corp:3128" }, "http://proxy.corp:3128/"],
    [{ https_proxy: "http://proxy.corp:3128" }, "http://proxy.corp:3128/"],
    [{ HTTP_PROXY: "http://proxy.corp:3128" }, undefined],
    [{ HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: "workos.com" }, undefined],
    [{ HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: ".workos.com" }, undefined],
    [{ HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: "*" }, undefined],
    [{ HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: "example.com,localhost" }, "http://proxy.corp:3128/"],
    [{ HTTPS_PROXY: "" }, undefined],
  ])("for https://api.workos.com, %o -> %s", (env, expected) => {
    expect(loadConfig({ ...KEY, ...env }, []).proxy).toBe(expected);
  });

  it("uses HTTP_PROXY for an http base URL, and rejects a malformed proxy", () => {
    const env = { ...KEY, WORKOS_API_BASE_URL: "http://workos.internal:8080", HTTP_PROXY: "http://p:1" };
    expect(loadConfig(env, []).proxy).toBe("http://p:1/");
    expect(() => loadConfig({ ...KEY, HTTPS_PROXY: "not a url" }, [])).toThrow(/HTTPS_PROXY/);
  });
});
