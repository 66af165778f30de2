/** The key the emulator accepts unless told another. It is public: it proves nothing about who holds it. */
export const DEFAULT_API_KEY = "sk_test_emulator";
