#!/usr/bin/env node
// The bin. On Node 22.1+ it first lets Node keep the bytecode of what it compiles in its on-disk cache (as tsc
// does; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so every start after the first skips compiling the server:
// hence the server itself is a separate module, imported once the cache is on.
(process.getBuiltinModule("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./main.js");
