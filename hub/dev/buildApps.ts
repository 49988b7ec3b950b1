// Builds the React apps with Vite into dist/, and the hub into dist/hub/ as plain JavaScript for Node (so
// the running hub needs neither tsx nor vite), skipping what is newer than its sources (and the shared code
// it compiles). `npm run build` forces a rebuild of everything. A build tool: never loaded by the hub.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVED_APPS, appBase, type ServedApp } from '../../shared/protocol/apps';

/** The newest modification time of a file, or of anything in a folder (node_modules and dist left out); 0 if missing. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The hub's entry points, built into dist/hub/<name>.js; the report worker is loaded from beside them (hub/reports/runner.ts). */
const HUB_ENTRIES = { main: 'hub/main.ts', restore: 'hub/restore.ts', resetAdmin: 'hub/resetAdmin.ts', reportWorker: 'hub/reports/worker.ts' };

export async function buildApps(root: string, appsDir: string, force: boolean): Promise<string[]> {
  const sharedMtime = Math.max(newestMtime(join(root, 'shared')), newestMtime(join(root, 'package-lock.json')));
  const isStale = (out: string, sources: string) => force || newestMtime(out) <= Math.max(sharedMtime, newestMtime(join(root, sources)));
  const staleApps = (Object.keys(SERVED_APPS) as ServedApp[]).filter((app) =>
    isStale(join(appsDir, app, 'index.html'), SERVED_APPS[app].source),
  );
  const hubOut = join(appsDir, 'hub');
  const hubStale = isStale(join(hubOut, 'main.js'), 'hub');
  // Loading Vite takes seconds: `npm start`, `npm run restore` and `npm run reset-admin` skip it when all is built.
  if (staleApps.length === 0 && !hubStale) return [];
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  for (const app of staleApps) {
    await build({
      root: join(root, SERVED_APPS[app].source),
      base: appBase(app),
      logLevel: 'warn',
      plugins: [react()],
      // No source maps: the hub would not serve them, and they are the full source.
      build: { outDir: join(appsDir, app), emptyOutDir: true, sourcemap: false },
    });
  }
  if (hubStale) {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      // zod is bundled, so only the parts the contract uses load (its package entry loads every schema kind and
      // every language's messages: about 2 MB more resident).
      ssr: { noExternal: ['zod'] },
      build: {
        // An SSR build leaves the packages in node_modules as imports (but zod, above): better-sqlite3's
        // native module and socket.io load from there at run time, as with any Node program.
        ssr: true,
        target: 'node20',
        outDir: hubOut,
        emptyOutDir: true,
        sourcemap: false,
        rollupOptions: {
          input: Object.fromEntries(Object.entries(HUB_ENTRIES).map(([name, file]) => [name, join(root, file)])),
          // Shared chunks beside the entries: the code that starts the report worker finds it from its own address.
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    });
  }
  return hubStale ? [...staleApps, 'hub'] : staleApps;
}

// `tsx hub/dev/buildApps.ts [--force]`: `npm start` runs it first, so only what is stale is built.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const root = new URL('../..', import.meta.url).pathname;
  buildApps(root, join(root, 'dist'), process.argv.includes('--force')).then(
    (built) => {
      if (built.length) console.log(`Dibangun / built: ${built.join(', ')}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
