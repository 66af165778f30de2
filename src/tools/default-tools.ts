import type { AnyTool } from "./define.js";

let given: readonly AnyTool[] | undefined;

/**
 * The tools a server offers when it is not given its own (ServerDeps.tools): every tool, which the library entry
 * (src/index.ts) and the tests' setup give here. The modules that serve never import the full list themselves:
 * the CLI passes the tools it loaded (src/tools/load.ts), and must not start by compiling every tool module.
 */
export function setDefaultTools(tools: readonly AnyTool[]): void {
  given = tools;
}

export function defaultTools(): readonly AnyTool[] {
  if (given === undefined) {
    throw new Error(
      "no tools: pass them (deps.tools), or give the defaults with setDefaultTools (src/index.ts does)",
    );
  }
  return given;
}
