// Preloaded into a measured server (node --expose-gc --import): on SIGUSR2, a full GC, then one stderr line.
process.on("SIGUSR2", () => {
  globalThis.gc();
  const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(`bench-gc-probe ${JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers })}\n`);
});
