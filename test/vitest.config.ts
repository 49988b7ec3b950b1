import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration and browser tests start real hubs and browsers; the machine has two cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/load/**'], sequence: { groupOrder: 0 } },
      },
      {
        // Load tests measure latency and memory: they run after everything else, one file at a time, so
        // no other test shares the machine with them.
        extends: true,
        test: { name: 'load', include: ['test/load/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
