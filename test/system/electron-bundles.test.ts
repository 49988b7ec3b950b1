// The bundles npm test builds (electron/build.ts) are what Electron can load: a sandboxed preload may
// require nothing but `electron`, and the main process nothing outside Electron and Node itself.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/hub';

const OUT = join(ROOT, 'dist/electron');
const required = (file: string) => [...readFileSync(join(OUT, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);

describe('the Electron bundles', () => {
  it('the preload requires electron alone, and exposes the bridge under its contract’s name', () => {
    expect(new Set(required('preload.cjs'))).toEqual(new Set(['electron']));
    expect(readFileSync(join(OUT, 'preload.cjs'), 'utf8')).toContain('antrianBridge');
  });

  it('the main process requires only electron and Node’s own modules', () => {
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(required('main.cjs').filter((m) => !allowed.has(m as string))).toEqual([]);
  });

  it('the shell’s own pages load only their own script under a CSP', () => {
    for (const page of ['setup', 'waiting']) {
      const html = readFileSync(join(OUT, 'pages', `${page}.html`), 'utf8');
      expect(html).toContain(`<script src="${page}.js"></script>`);
      expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
      expect(required(`pages/${page}.js`)).toEqual([]);
    }
  });
});
