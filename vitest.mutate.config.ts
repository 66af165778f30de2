import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Only for `npm run mutate` (Stryker): the tests that run the mutated modules in this process.
// Spawned-process tests (e2e, install, stdio) never see a mutant, so they only cost time here.
export default defineConfig({
  test: {
    ...base.test,
    include: [
      "test/confirm.test.ts",
      "test/redact.test.ts",
      "test/server.test.ts",
      "test/client/client.test.ts",
      "test/client/query-path.test.ts",
      "test/client/retry.test.ts",
      "test/webhooks/*.test.ts",
      "test/mcp/*.test.ts",
      "test/safety/*.test.ts",
      "test/tools/*.test.ts",
      "test/hardening/http.test.ts",
      "test/hardening/production.test.ts",
      "test/hardening/upstream.test.ts",
    ],
  },
});
