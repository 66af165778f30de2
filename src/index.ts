// The package's public API for embedding: the server, its configuration, the WorkOS client and the verifier.
// The emulator has its own entry point, `workos-mcp/emulator`.
import { setDefaultTools } from "./tools/default-tools.js";
import { tools } from "./tools/index.js";

export { WorkOSClient } from "./client/client.js";
export * from "./client/errors.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { type BundleManifest, type LaunchCommand, launchCommand } from "./launch.js";
export { createServer, enabledTools } from "./server.js";
export { verifyWebhook } from "./webhooks/verify.js";
export { tools };

// An embedded server offers every tool unless given its own (the CLI loads only the toolsets it uses).
setDefaultTools(tools);
