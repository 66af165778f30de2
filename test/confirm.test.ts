import { describe, expect, it } from "vitest";
import { bindingOf, CONFIRMATION_TTL_MS, ConfirmationTokens, confirmationSecret } from "../src/confirm.js";
import { DEFAULT_API_KEY } from "../src/emulator/index.js";

const NOW = 1_750_000_000_000;
const binding = bindingOf("delete_organization", { organization_id: "org_1" });

describe("ConfirmationTokens", () => {
  const tokens = new ConfirmationTokens("sk_test_server_secret");

  it("a token lives exactly CONFIRMATION_TTL_MS: valid at its expiry, expired 1 ms later", () => {
    const { token, expiresAt } = tokens.mint(binding, NOW);
    expect(expiresAt).toBe(NOW + CONFIRMATION_TTL_MS);
    expect(tokens.check(token, binding, NOW)).toBe("valid");
    expect(tokens.check(token, binding, expiresAt - 1)).toBe("valid");
    expect(tokens.check(token, binding, expiresAt)).toBe("valid");
    expect(tokens.check(token, binding, expiresAt + 1)).toBe("expired");
  });

  it("a token is bound to its arguments, its server secret and its own expiry", () => {
    const { token, expiresAt } = tokens.mint(binding, NOW);
    const other = bindingOf("delete_organization", { organization_id: "org_2" });
    expect(tokens.check(token, other, NOW)).toBe("invalid");
    expect(new ConfirmationTokens("sk_test_another_secret").check(token, binding, NOW)).toBe("invalid");
    // Moving the expiry in the token breaks its MAC, even past the real expiry.
    const later = token.replace(`ct_${expiresAt.toString(36)}_`, `ct_${(expiresAt + 60_000).toString(36)}_`);
    expect(later).not.toBe(token);
    expect(tokens.check(later, binding, expiresAt + 1)).toBe("invalid");
    expect(tokens.check(`${token}0`, binding, NOW)).toBe("invalid");
    expect(tokens.check(`x${token}`, binding, NOW)).toBe("invalid");
    expect(tokens.check("", binding, NOW)).toBe("invalid");
  });

  it("the binding ignores the token and undefined arguments and the order of the rest", () => {
    expect(bindingOf("t", { b: 1, a: 2 })).toBe(bindingOf("t", { a: 2, b: 1, confirmation_token: "ct_x" }));
    expect(bindingOf("t", { a: 2, c: undefined })).toBe(bindingOf("t", { a: 2 }));
    expect(bindingOf("t", { a: 2 })).not.toBe(bindingOf("u", { a: 2 }));
  });
});

describe("confirmationSecret", () => {
  const at = (apiKey: string | undefined, baseUrl = "https://api.workos.com", emulator = false) =>
    confirmationSecret({ apiKey, baseUrl, emulator });

  it("replicas with the same secret key and base URL share it; another key or URL does not", () => {
    expect(at("sk_test_replica_key")).toBe(at("sk_test_replica_key"));
    expect(at("sk_test_replica_key")).not.toBe(at("sk_test_other_key"));
    expect(at("sk_test_replica_key")).not.toBe(at("sk_test_replica_key", "https://proxy.example"));
  });

  it("a public emulator key, demo mode or no key yields this process's random secret, never one derived from the key", () => {
    const url = "http://127.0.0.1:4000";
    const derived = `${url}\n${DEFAULT_API_KEY}`;
    const secret = at(DEFAULT_API_KEY, url);
    expect(secret).not.toContain(DEFAULT_API_KEY);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toBe(derived);
    // One per process: over HTTP each request's server must accept the last one's tokens.
    expect(at("sk_test_chosen", url, true)).toBe(secret);
    expect(at(undefined, url)).toBe(secret);
    expect(at("", "http://elsewhere")).toBe(secret);
  });
});
