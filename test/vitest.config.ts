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
      // `npm run test:quick` runs unit and integration only; `npm test` runs every project. Their files share
      // a worker's loaded modules (isolate: false): every test builds its own hub, database and clients, so
      // nothing is shared but compiled code, and loading the hub once per worker halves the run.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], isolate: false, sequence: { groupOrder: 0 } } },
      // The hub (or the compiler) in a process of its own: started, killed, restarted, probed from outside;
      // and whatever needs the build (dist/) or a git checkout, so that `unit` runs on a bare source tree.
      { extends: true, test: { name: 'system', include: ['test/system/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        // Load tests measure latency and memory: they run after everything else, one file at a time, so
        // no other test shares the machine with them.
        extends: true,
        test: { name: 'load', include: ['test/load/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
