import { createRequire } from "node:module";

// src/ and dist/ both sit one level under the package root, so the same relative path works from either.
const packageJson = createRequire(import.meta.url)("../../package.json") as { version?: unknown };

/** The workos-mcp package version, read once at load time. */
export const VERSION: string = typeof packageJson.version === "string" ? packageJson.version : "0.0.0";

/** Default User-Agent sent on every WorkOS request. */
export const USER_AGENT = `workos-mcp/${VERSION}`;
