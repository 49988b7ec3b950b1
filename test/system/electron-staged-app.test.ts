// The staged app electron-builder packs, made from the build (dist/): it holds the program, the hub, the
// apps and better-sqlite3 as its only dependency, and the report worker runs from where the installed
// program unpacks it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { describe, expect, it } from 'vitest';
import { stageApp } from '../../electron/stageApp';
import { workerUrl } from '../../hub/reports/runner';
import type { ReportRequest, ReportResponse } from '../../hub/reports/worker';
import { yearOfData } from '../bench/yearOfData';
import { loadBuilderConfig as load } from '../helpers/builderConfig';
import { ROOT } from '../helpers/hub';

describe('the staged app', () => {
  it('copies the bundles, the hub and the apps, and depends on better-sqlite3 alone, at the project’s version', () => {
    const out = mkdtempSync(join(tmpdir(), 'antrian-stage-'));
    try {
      stageApp(ROOT, out);
      const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
      const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ 'better-sqlite3': root.dependencies['better-sqlite3'] });
      expect(pkg.main).toBe('dist/electron/main.cjs');
      for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/hub.mjs', 'dist/kiosk/index.html', 'dist/counter/index.html']) {
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The staged app's packages as npm installs them there: better-sqlite3 and what it depends on, flat. */
function installNativeDependencies(app: string): void {
  const seen = new Set<string>();
  const add = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const from = join(ROOT, 'node_modules', name);
    cpSync(from, join(app, 'node_modules', name), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    Object.keys(pkg.dependencies ?? {}).forEach(add);
  };
  add('better-sqlite3');
}

describe('the report worker in the installed program', () => {
  it('is unpacked from app.asar with everything it loads, and the hub starts it from there', async () => {
    const out = mkdtempSync(join(tmpdir(), 'antrian-asar-'));
    const app = join(out, 'app');
    const resources = join(out, 'resources');
    let worker: Worker | null = null;
    try {
      stageApp(ROOT, app);
      installNativeDependencies(app);
      // Only what electron-builder's own matcher unpacks for asarUnpack is on disk: a worker thread cannot
      // read app.asar, so the rest (left out here) might as well not exist for it.
      const unpacked = new FileMatcher(app, app, (p) => p, (await load()).asarUnpack).createFilter();
      for (const file of filesUnder(app)) {
        if (!unpacked(file, statSync(file))) continue;
        const to = join(resources, 'app.asar.unpacked', relative(app, file));
        mkdirSync(dirname(to), { recursive: true });
        cpSync(file, to);
      }
      yearOfData(out, 40, 8);

      // The hub's bundle runs from inside the archive; its worker is found beside it, unpacked.
      const url = workerUrl(pathToFileURL(join(resources, 'app.asar', 'dist', 'electron', 'hub.mjs')).href);
      expect(url.href).toBe(pathToFileURL(join(resources, 'app.asar.unpacked', 'dist', 'electron', 'reportWorker.mjs')).href);
      worker = new Worker(url, { workerData: { file: join(out, 'antrian.sqlite') } });
      const answer = new Promise<ReportResponse>((resolve, reject) => {
        worker?.once('message', resolve);
        worker?.once('error', reject);
      });
      worker.postMessage({ id: 1, from: '2025-12-01', to: '2026-11-30', timeZone: 'Asia/Jakarta', today: '2026-11-30' } satisfies ReportRequest);
      const res = await answer;
      expect(res.ok && res.report.tickets.issued).toBe(40);
    } finally {
      await worker?.terminate();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
