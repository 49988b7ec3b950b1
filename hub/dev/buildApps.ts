// Builds the React apps with Vite into dist/, skipping an app whose build is newer than its sources (and the
// shared code it compiles). `npm run build` forces a rebuild of all of them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * app folder → its folder under dist/ and the path its files are served from. The visitor app answers at
 * `/v/<code>` and `/survey` alike (see hub/http.ts); its files come from `/v/`.
 */
export const APP_FOLDERS = {
  kiosk: { out: 'kiosk', base: '/kiosk/' },
  renderer: { out: 'counter', base: '/counter/' },
  display: { out: 'display', base: '/display/' },
  visitor: { out: 'visitor', base: '/v/' },
} as const;

function newestMtime(path: string): number {
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

export async function buildApps(root: string, appsDir: string, force: boolean): Promise<string[]> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const sharedMtime = Math.max(newestMtime(join(root, 'shared')), newestMtime(join(root, 'package-lock.json')));
  const built: string[] = [];
  for (const [folder, { out: served, base }] of Object.entries(APP_FOLDERS)) {
    const out = join(appsDir, served);
    const builtAt = newestMtime(join(out, 'index.html'));
    if (!force && builtAt > Math.max(sharedMtime, newestMtime(join(root, folder)))) continue;
    await build({
      root: join(root, folder),
      base,
      logLevel: 'warn',
      plugins: [react()],
      // No source maps: the hub would not serve them, and they are the full source.
      build: { outDir: out, emptyOutDir: true, sourcemap: false },
    });
    built.push(served);
  }
  return built;
}

export async function buildAppsIfStale(root: string, appsDir: string): Promise<void> {
  const built = await buildApps(root, appsDir, false);
  if (built.length) console.log(`Aplikasi dibangun / apps built: ${built.join(', ')}`);
}

// `tsx hub/dev/buildApps.ts [--force]`
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const root = new URL('../..', import.meta.url).pathname;
  buildApps(root, join(root, 'dist'), process.argv.includes('--force')).then(
    (built) => console.log(`built: ${built.join(', ') || 'nothing (up to date)'}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
