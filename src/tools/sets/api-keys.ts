import createApiKey from "../api-keys/create-api-key.js";
import listApiKeys from "../api-keys/list-api-keys.js";
import revokeApiKey from "../api-keys/revoke-api-key.js";
import validateApiKey from "../api-keys/validate-api-key.js";
import type { AnyTool } from "../define.js";

/** The api_keys toolset's tools, in the order clients list them. */
export default [listApiKeys, createApiKey, revokeApiKey, validateApiKey] as AnyTool[];
