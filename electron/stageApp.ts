// `npm run dist` stages the app electron-builder packs (release/app): the Electron bundles, the compiled
// hub and the built apps, and a package.json with better-sqlite3 as its only dependency — so the native
// module is installed and rebuilt for Electron there, never in the project's own node_modules.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVED_APPS } from '../shared/protocol/apps';

/** What the packed program needs from dist/: the shell, the hub it may run, and the apps the hub serves. */
export const STAGED = ['electron', 'hub', ...Object.keys(SERVED_APPS)];
export const NATIVE_DEPENDENCIES = ['better-sqlite3'] as const;

export function stageApp(root: string, out: string): void {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    description: string;
    author?: string;
    main: string;
    dependencies: Record<string, string>;
  };
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  for (const part of STAGED) {
    const from = join(root, 'dist', part);
    if (!existsSync(from)) throw new Error(`dist/${part} is missing: run npm run build and npm run build:electron first`);
    cpSync(from, join(out, 'dist', part), { recursive: true });
  }
  const dependencies = Object.fromEntries(NATIVE_DEPENDENCIES.map((name) => [name, pkg.dependencies[name] ?? '']));
  const staged = { name: pkg.name, version: pkg.version, description: pkg.description, author: pkg.author, main: pkg.main, dependencies };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  stageApp(root, join(root, 'release', 'app'));
  console.log('staged: release/app');
}
