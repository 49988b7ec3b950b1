// `npm run build:electron`: the Electron program's bundles in dist/ — the main process (CommonJS, as
// Electron loads it), the sandboxed preload (one file needing nothing but `electron`), the shell's own
// pages, and the hub the hub role runs in a utility process, bundled whole with its packages (the installed
// program has no node_modules but better-sqlite3, which stays outside the bundle and electron-builder
// rebuilds for Electron when packaging; npm start's hub, dist/hub/, leaves its packages in node_modules).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT = join(ROOT, 'dist', 'electron');

const common: BuildOptions = { bundle: true, logLevel: 'warning', legalComments: 'none', sourcemap: false, target: 'es2023' };

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
    // The hub, and beside it the report worker it starts (hub/reports/runner.ts looks for reportWorker.mjs).
    ...[
      ['hub/main.ts', 'hub.mjs'],
      ['hub/reports/worker.ts', 'reportWorker.mjs'],
    ].map(([entry, file]) =>
      build({
        ...common,
        entryPoints: [join(root, entry as string)],
        outfile: join(out, file as string),
        platform: 'node',
        format: 'esm',
        external: ['better-sqlite3'],
        // Bundled CommonJS dependencies (socket.io) call require() for Node's own modules.
        banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
      }),
    ),
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
