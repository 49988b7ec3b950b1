// `npm run build:electron`: the Electron program's bundles in dist/ — the main process (CommonJS, as
// Electron loads it), the sandboxed preload (one file needing nothing but `electron`), the shell's own
// pages, and the compiled hub the hub role runs in a utility process (native better-sqlite3 stays outside
// the bundle; electron-builder rebuilds it for Electron when packaging).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT = join(ROOT, 'dist', 'electron');

const common: BuildOptions = { bundle: true, logLevel: 'warning', legalComments: 'none', sourcemap: false, target: 'es2023' };

/**
 * The compiled hub never builds the apps (they ship built): hub/dev/buildApps.ts, with Vite behind it and a
 * command-line entry that would fire inside a bundle, is left out and its one use does nothing.
 */
const withoutAppBuilds: Plugin = {
  name: 'without-app-builds',
  setup(b) {
    b.onResolve({ filter: /\/dev\/buildApps$/ }, () => ({ path: 'buildApps', namespace: 'no-app-builds' }));
    b.onLoad({ filter: /.*/, namespace: 'no-app-builds' }, () => ({
      contents: 'export async function buildAppsIfStale() {}',
      loader: 'js',
    }));
  },
};

export async function buildElectron(root = ROOT, out = join(root, 'dist', 'electron')): Promise<void> {
  mkdirSync(join(out, 'pages'), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: [join(root, 'electron/main/main.ts')], outfile: join(out, 'main.cjs'), platform: 'node', format: 'cjs', external: ['electron'] }),
    build({ ...common, entryPoints: [join(root, 'electron/preload/preload.ts')], outfile: join(out, 'preload.cjs'), platform: 'browser', format: 'cjs', external: ['electron'] }),
    build({
      ...common,
      entryPoints: [join(root, 'electron/pages/setup.ts'), join(root, 'electron/pages/waiting.ts')],
      outdir: join(out, 'pages'),
      platform: 'browser',
      format: 'iife',
    }),
    build({
      ...common,
      entryPoints: [join(root, 'hub/main.ts')],
      outfile: join(root, 'dist', 'hub', 'main.mjs'),
      platform: 'node',
      format: 'esm',
      external: ['better-sqlite3'],
      plugins: [withoutAppBuilds],
      // Bundled CommonJS dependencies (socket.io) call require() for Node's own modules.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }),
  ]);
  for (const page of ['setup.html', 'waiting.html']) copyFileSync(join(root, 'electron/pages', page), join(out, 'pages', page));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().then(
    () => console.log(`built: ${OUT}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
