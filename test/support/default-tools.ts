import { setDefaultTools } from "../../src/tools/default-tools.js";
import { tools } from "../../src/tools/index.js";

// Runs in every test file (vitest setupFiles): a server a test makes without its own tools offers every tool,
// as the library entry's do (src/index.ts). The CLI passes the tools of its toolsets instead.
setDefaultTools(tools);
