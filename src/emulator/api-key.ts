/** The key the emulator accepts unless told another. It is public: it proves nothing about who holds it. */
export const DEFAULT_API_KEY = "sk_test_emulator";

/**
 * The emulator's AuthKit client id: what WORKOS_CLIENT_ID is for an app signing users in against it. Its JWKS is
 * served at /sso/jwks/<this id>; another client id is unknown to the emulator.
 */
export const DEFAULT_CLIENT_ID = "client_01JEMX0000000000000000000A";
